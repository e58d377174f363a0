/** Test helper: fixture markup into the document without assigning `innerHTML` (lint forbids it). */
export function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

export function setHead(html: string): void {
  const parsed = new DOMParser().parseFromString(`<head>${html}</head>`, 'text/html');
  document.head.replaceChildren(...parsed.head.childNodes);
}

/** A detached element built from markup. */
export function fragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  out.append(...parsed.body.childNodes);
  return out;
}

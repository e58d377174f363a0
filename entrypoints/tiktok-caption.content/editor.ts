/**
 * The caption editor as the assistant touches it: its text (read locally, never sent), the caret,
 * and inserting text through the editor's own input path. `execCommand('insertText')` is what a
 * person's typing does to a contenteditable: the browser edits at the caret and fires
 * `beforeinput`/`input`, which Draft.js turns into a new EditorState, so the text survives Draft's
 * next render and typing goes on after it. The DOM is never written directly.
 */
import { CAPTION_BLOCK_SELECTOR } from '@/lib/tiktok/selectors';

/** The caption as Draft.js holds it: its blocks' texts, one line each. */
export function captionText(editor: HTMLElement): string {
  const blocks = editor.querySelectorAll(CAPTION_BLOCK_SELECTOR);
  if (blocks.length === 0) return editor.innerText;
  return [...blocks].map((block) => block.textContent ?? '').join('\n');
}

/** The selection's range when it lies inside `editor`, else null. */
export function rangeIn(editor: HTMLElement): Range | null {
  const selection = editor.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return editor.contains(range.startContainer) && editor.contains(range.endContainer)
    ? range
    : null;
}

/** The text from the start of the caret's line (its Draft block) to the caret. */
export function textBeforeCaret(editor: HTMLElement, caret: Range): string {
  const start = caret.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  const line = element?.closest(CAPTION_BLOCK_SELECTOR) ?? editor;
  const before = editor.ownerDocument.createRange();
  before.setStart(line, 0);
  before.setEnd(caret.startContainer, caret.startOffset);
  return before.toString();
}

/**
 * Gives the editor focus with the caret where it was (`caret`; the end of the caption when that
 * range no longer points into it). A click on the panel never took focus away, so then nothing
 * moves; a key press in the panel did. False when the editor cannot take focus.
 */
export function focusAtCaret(editor: HTMLElement, caret: Range | null): boolean {
  const doc = editor.ownerDocument;
  if (!editor.isConnected) return false;
  if (doc.activeElement === editor && rangeIn(editor) !== null) return true;
  editor.focus({ preventScroll: true });
  const selection = doc.getSelection();
  if (doc.activeElement !== editor || !selection) return false;
  const usable = caret && editor.contains(caret.startContainer) ? caret : null;
  const range = usable ? usable.cloneRange() : doc.createRange();
  if (!usable) {
    range.selectNodeContents(editor);
    range.collapse(false);
  }
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * Types `text` at the caret (see `focusAtCaret`). False when the editor could not be focused or the
 * caret is not in it: then nothing was typed anywhere.
 */
export function typeIntoEditor(editor: HTMLElement, caret: Range | null, text: string): boolean {
  const doc = editor.ownerDocument;
  if (!focusAtCaret(editor, caret)) return false;
  // Typing only ever goes into the caption editor itself.
  if (doc.activeElement !== editor || !rangeIn(editor)) return false;
  // Deprecated but still the one way to edit as the user would; no replacement exists for editors.
  doc.execCommand('insertText', false, text);
  return true;
}

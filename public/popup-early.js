// Starts the popup's first storage read while popup.html is parsed (see entrypoints/popup/first-read.ts).
(() => {
  try {
    const m = JSON.parse(localStorage.getItem('popupFirstRead') || 'null');
    const keys = (list) => Array.isArray(list) && list.every((key) => typeof key === 'string');
    if (!m || !keys(m.local) || !keys(m.sync)) return;
    const { storage } = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome;
    const values = Promise.all([storage.local.get(m.local), storage.sync.get(m.sync)]);
    globalThis.hashtagRadarEarlyRead = {
      local: m.local,
      sync: m.sync,
      values: values.catch(() => null),
    };
  } catch {
    // No localStorage or no storage API: first-read.ts reads by itself.
  }
})();

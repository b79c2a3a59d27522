// Runs first on every page, before the theme's own scripts. Where a browser blocks site
// data (cookies blocked), merely reading `window.localStorage` throws, and the theme's
// scripts, which read it for the colour scheme and the search, would fail on every page.
// An in-memory stand-in keeps them working for this page only; storage.js sees the mark and
// tells the user that drafts are not kept.
(function guardStorage() {
  try {
    void window.localStorage;
    return;
  } catch {
    // blocked: fall through
  }
  const memory = new Map();
  const standIn = {
    csprcoreInMemory: true,
    get length() { return memory.size; },
    key: (i) => [...memory.keys()][i] ?? null,
    getItem: (key) => (memory.has(String(key)) ? memory.get(String(key)) : null),
    setItem: (key, value) => { memory.set(String(key), String(value)); },
    removeItem: (key) => { memory.delete(String(key)); },
    clear: () => memory.clear(),
  };
  try {
    Object.defineProperty(window, "localStorage", { value: standIn, configurable: true });
  } catch {
    // Not replaceable here: storage.js still copes on its own.
  }
})();

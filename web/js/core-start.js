// Starts the rule core's worker from a tool page's head (pages/hooks.py puts this script
// there, with what the tool's root asks of the core), where the page's modules would start it
// only once the whole page is parsed and the theme's scripts have run: a few hundred
// milliseconds, on a repeat visit a third of the time to ready. core.js takes the worker
// over (startCore), with what it said before then, in order. Without this script, or where
// it fails, core.js starts the worker itself.
(function startCoreEarly() {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || typeof Worker !== "function") return;
  // The address and name core.js gives its worker (boot()), which it compares.
  const url = new URL("worker.js", script.src);
  url.searchParams.set("groups", script.dataset.coreGroups ?? "");
  url.searchParams.set("later", script.dataset.coreLater ?? "");
  url.searchParams.set("form", script.dataset.coreForm ?? "");
  try {
    const worker = new Worker(url, { type: "module", name: `csprcore${url.search}` });
    /** @type {Event[]} */
    const events = [];
    const keep = (/** @type {Event} */ event) => {
      // A script that failed to load is reported by core.js, once it has the worker.
      if (event.type === "error") event.preventDefault();
      events.push(event);
    };
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    window.csprcoreWorker = {
      url: url.href,
      take() {
        worker.removeEventListener("message", keep);
        worker.removeEventListener("error", keep);
        return { worker, events };
      },
    };
  } catch {
    // core.js starts it.
  }
})();

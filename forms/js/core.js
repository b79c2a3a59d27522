// The bridge between a page and the rule core's worker: a promise API and the core's state.
//   const core = startCore(rootElement);
//   const result = await core.call("check", facts);   // csprcore.api.check(facts)
// The root element's data-core-state is "loading", "ready" or "error"; its status area shows
// progress, and a retry on error. Calls made before ready wait for it.

const workerUrl = new URL("./worker.js", import.meta.url);

export function startCore(root) {
  const status = root.querySelector("[data-core-status]");
  const text = status?.querySelector("[role=status]");
  const bar = status?.querySelector("progress");
  const retry = status?.querySelector("[data-core-retry]");
  const listeners = new Set();
  let worker = null;
  let nextId = 1;
  let pending = new Map();
  let readyPromise = null;

  function setState(state, message) {
    root.dataset.coreState = state;
    if (text && message) text.textContent = message;
    if (bar) bar.hidden = state !== "loading";
    if (retry) retry.hidden = state !== "error";
    if (status) status.classList.toggle("csprcore-status--done", state === "ready");
    for (const listener of listeners) listener(state);
    document.dispatchEvent(new CustomEvent("csprcore:state", { detail: { state } }));
  }

  function boot() {
    setState("loading", "Starting the rule core in your browser. You can start answering now.");
    if (bar) bar.value = 5;
    // Which parts of the core this page needs at once, and which to fetch after "ready".
    const url = new URL(workerUrl);
    url.searchParams.set("groups", root.dataset.coreGroups ?? "");
    url.searchParams.set("later", root.dataset.coreLater ?? "");
    worker = new Worker(url, { type: "module", name: "csprcore" });
    readyPromise = new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === "progress") {
          if (bar) bar.value = data.percent;
          if (text && data.percent < 100) text.textContent = `${data.text}…`;
        } else if (data.type === "ready") {
          setState("ready", "The rule core is ready. Everything stays on this device.");
          resolve();
        } else if (data.type === "error") {
          fail(`The rule core could not start: ${data.message}`);
          reject(new Error(data.message));
        } else if (pending.has(data.id)) {
          const { resolve: done, reject: failCall } = pending.get(data.id);
          pending.delete(data.id);
          if (data.error) failCall(new Error(data.error));
          else done(data.result);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        fail("The rule core could not start. Check your connection, then try again.");
        reject(new Error(event.message || "worker error"));
      };
    });
    readyPromise.catch(() => {});
  }

  function fail(message) {
    setState("error", `${message} What you have typed is kept.`);
    for (const { reject } of pending.values()) reject(new Error(message));
    pending = new Map();
  }

  retry?.addEventListener("click", () => {
    worker?.terminate();
    boot();
  });

  boot();

  return {
    get state() {
      return root.dataset.coreState;
    },
    ready: () => readyPromise,
    onState(listener) {
      listeners.add(listener);
      listener(root.dataset.coreState);
    },
    async call(fn, payload) {
      await readyPromise;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, fn, payload });
      });
    },
  };
}

// The rule core's Web Worker: Pyodide and csprcore run here, never on the page's thread.
// Messages in:  {id, fn, payload}           -> csprcore.api.call(fn, JSON payload)
// Messages out: {type: "progress", percent, text} while starting,
//               {type: "ready"} | {type: "error", message},
//               {id, result} for each call (result is the api's JSON, parsed).
// No rule lives here: this file only carries messages.

const runtimeDir = new URL("../../pyodide/", import.meta.url);
let api = null;
let laterLoaded = null;
let startup = null;

function progress(percent, text) {
  self.postMessage({ type: "progress", percent, text });
}

async function start() {
  progress(10, "Downloading the Python runtime and the rules");
  const manifestUrl = new URL("csprcore-runtime.json", runtimeDir);
  const manifestPromise = fetch(manifestUrl).then((r) => {
    if (!r.ok) throw new Error(`Could not load ${manifestUrl.pathname} (${r.status})`);
    return r.json();
  });
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeDir).href);
  const manifest = await manifestPromise;
  // Passing the packages to loadPyodide fetches the wheels while the runtime boots.
  const pyodide = await loadPyodide({
    indexURL: runtimeDir.href,
    packages: manifest.start,
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  progress(80, "Preparing the rules");
  pyodide.runPython(manifest.warmup);
  api = pyodide.pyimport("csprcore.api");
  progress(100, "Ready");
  // What only some calls need (the PDF machinery) downloads in the background, after ready.
  // Its import (seconds, and it blocks this thread) waits for the first call that needs it,
  // so the answers a user gives just after "ready" are not held up behind it.
  const downloaded = pyodide.loadPackage(manifest.later, { messageCallback: () => {} });
  let imported = null;
  laterLoaded = () => {
    imported ??= downloaded.then(() => pyodide.runPython(manifest.later_warmup));
    return imported;
  };
  return manifest;
}

function callApi(fn, payload) {
  return JSON.parse(api.call(fn, JSON.stringify(payload ?? {})));
}

self.onmessage = async (event) => {
  const { id, fn, payload } = event.data;
  try {
    const manifest = await startup;
    if (manifest.needs_later.includes(fn)) await laterLoaded();
    self.postMessage({ id, result: callApi(fn, payload) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};

startup = start();
startup.then(
  () => self.postMessage({ type: "ready" }),
  (error) => self.postMessage({ type: "error", message: String(error?.message ?? error) }),
);

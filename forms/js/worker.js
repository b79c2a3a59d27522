// The rule core's Web Worker: Pyodide and csprcore run here, never on the page's thread.
// Messages in:  {id, fn, payload}           -> csprcore.api.call(fn, JSON payload)
// Messages out: {type: "progress", percent, text} while starting,
//               {type: "ready"} | {type: "error", message},
//               {id, result} for each call (result is the api's JSON, parsed).
// No rule lives here: this file only carries messages. What to load, and what each api
// function needs, comes from the build's csprcore-runtime.json (from csprcore.api.NEEDS).
// The page asks for groups in the worker's address: ?groups=forms (before "ready") and
// ?later=pdf (fetched in the background after it).

const runtimeDir = new URL("../../pyodide/", import.meta.url);
const params = new URL(import.meta.url).searchParams;
const list = (name) => (params.get(name) ?? "").split(",").filter(Boolean);
const wanted = list("groups");
const prefetch = list("later");

let pyodide = null;
let api = null;
let manifest = null;
const downloads = {}; // group -> promise of its packages being installed
const loaded = {}; // group -> promise of its packages being installed and warmed up

function progress(percent, text) {
  self.postMessage({ type: "progress", percent, text });
}

function ensure(group) {
  loaded[group] ??= (downloads[group] ??= pyodide.loadPackage(manifest.groups[group], {
    messageCallback: () => {},
  })).then(() => pyodide.runPython(manifest.warmups[group]));
  return loaded[group];
}

async function start() {
  progress(10, "Downloading the Python runtime and the rules");
  const manifestUrl = new URL("csprcore-runtime.json", runtimeDir);
  const manifestPromise = fetch(manifestUrl).then((r) => {
    if (!r.ok) throw new Error(`Could not load ${manifestUrl.pathname} (${r.status})`);
    return r.json();
  });
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeDir).href);
  manifest = await manifestPromise;
  // Passing the packages to loadPyodide fetches the wheels while the runtime boots.
  pyodide = await loadPyodide({
    indexURL: runtimeDir.href,
    packages: [...manifest.start, ...wanted.flatMap((g) => manifest.groups[g] ?? [])],
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  progress(80, "Preparing the rules");
  pyodide.runPython(manifest.warmups.start);
  for (const group of wanted) {
    pyodide.runPython(manifest.warmups[group]);
    loaded[group] = Promise.resolve();
  }
  api = pyodide.pyimport("csprcore.api");
  progress(100, "Ready");
  // What this page may need later downloads in the background, after ready; importing it
  // (which holds this thread) waits for the first call that needs it.
  for (const group of prefetch) {
    downloads[group] ??= pyodide.loadPackage(manifest.groups[group], { messageCallback: () => {} });
  }
}

function callApi(fn, payload) {
  return JSON.parse(api.call(fn, JSON.stringify(payload ?? {})));
}

const startup = start();
startup.then(
  () => self.postMessage({ type: "ready" }),
  (error) => self.postMessage({ type: "error", message: String(error?.message ?? error) }),
);

self.onmessage = async (event) => {
  const { id, fn, payload } = event.data;
  try {
    await startup;
    for (const group of manifest.needs[fn] ?? []) await ensure(group);
    self.postMessage({ id, result: callApi(fn, payload) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};

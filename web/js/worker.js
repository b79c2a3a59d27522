// The rule core's Web Worker: Pyodide and csprcore run here, never on the page's thread.
// Messages in:  {id, fn, payload}           -> csprcore.api.call(fn, JSON payload)
// Messages out: {type: "progress", percent, text} while starting,
//               {type: "ready"} | {type: "error", message},
//               {id, result} for each call (result is the api's JSON, parsed), or
//               {id, error} when it could not be made (a download failed), and
//               {type: "fatal", message} when the runtime itself broke: it cannot answer
//               again, and the page offers a fresh one.
// Messages are for the user: a Python traceback or a JS stack goes to the console only.
// No rule lives here: this file only carries messages. What to load, and what each api
// function needs, comes from the build's csprcore-runtime.json (from csprcore.api.NEEDS).
// The page asks for groups in the worker's address: ?groups=forms (before "ready") and
// ?later=pdf (fetched in the background after it).

// Nothing typed may leave this device, whatever any code in this worker does: before any
// Python runs, every way a worker has to reach another origin is refused here. A host's
// Content-Security-Policy header does the same, but a page's <meta> policy does not reach a
// worker, and not every host sends headers. The worker only ever needs its own origin.
const ownOrigin = self.location.origin;
function ownSite(url) {
  try {
    return new URL(url, self.location.href).origin === ownOrigin;
  } catch {
    return false;
  }
}
function lock(name, value) {
  Object.defineProperty(self, name, { value, writable: false, configurable: false });
}
const siteFetch = self.fetch.bind(self);
lock("fetch", (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (!ownSite(url)) return Promise.reject(new TypeError("Requests to other sites are blocked"));
  return siteFetch(input, init);
});
const siteOpen = XMLHttpRequest.prototype.open;
Object.defineProperty(XMLHttpRequest.prototype, "open", {
  value(method, url, ...rest) {
    if (!ownSite(url)) throw new DOMException("Requests to other sites are blocked", "SecurityError");
    return siteOpen.call(this, method, url, ...rest);
  },
  writable: false,
  configurable: false,
});
for (const name of ["WebSocket", "EventSource", "WebTransport", "Worker", "SharedWorker"]) {
  if (name in self) {
    lock(name, function blocked() {
      throw new DOMException(`${name} is not available here`, "SecurityError");
    });
  }
}

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

function download(group) {
  downloads[group] ??= pyodide.loadPackage(manifest.groups[group], {
    messageCallback: () => {},
  }).then((found) => {
    // loadPackage reports a failed download in its result and the console, not by throwing.
    const wanted = manifest.groups[group] ?? [];
    if (Array.isArray(found) && found.length < wanted.length) {
      throw new Error("download incomplete");
    }
  });
  // A failed download is forgotten, so the next call really fetches again.
  downloads[group].catch(() => delete downloads[group]);
  return downloads[group];
}

function ensure(group) {
  loaded[group] ??= download(group).then(() => pyodide.runPython(manifest.warmups[group]));
  loaded[group].catch(() => delete loaded[group]);
  return loaded[group];
}

/** Rejects when the runtime's .wasm cannot be fetched or does not start with WebAssembly's
 *  magic number; otherwise never settles (it only races the boot). */
async function checkWasm(cache) {
  const response = await fetch(new URL("pyodide.asm.wasm", runtimeDir), { cache });
  if (!response.ok) throw new Error(`Could not load pyodide.asm.wasm (${response.status})`);
  const reader = response.body.getReader();
  const { value } = await reader.read();
  reader.cancel().catch(() => {});
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (!value || value.length < 4 || magic.some((byte, i) => value[i] !== byte)) {
    throw new Error("pyodide.asm.wasm is not WebAssembly");
  }
  return new Promise(() => {});
}

async function start() {
  progress(10, "Downloading the Python runtime and the rules");
  // After a failed start, "Try again" fetches past the browser's cache.
  const cache = params.has("retry") ? "reload" : "default";
  const json = (name) => fetch(new URL(name, runtimeDir), { cache }).then((r) => {
    if (!r.ok) throw new Error(`Could not load ${name} (${r.status})`);
    return r.json();
  });
  // Everything is awaited together, so no download fails with nobody waiting for it; the
  // lock file is read here rather than by Pyodide for the same reason.
  const [runtime, lockFile, module] = await Promise.all([
    json("csprcore-runtime.json"),
    json("pyodide-lock.json"),
    import(new URL("pyodide.mjs", runtimeDir).href),
  ]);
  manifest = runtime;
  // Passing the packages to loadPyodide fetches the wheels while the runtime boots. Pyodide
  // never settles when its WebAssembly cannot be fetched or is not WebAssembly, so its first
  // bytes are checked beside the boot, and a failure ends the start with an error.
  pyodide = await Promise.race([module.loadPyodide({
    indexURL: runtimeDir.href,
    lockFileContents: lockFile,
    packageBaseUrl: runtimeDir.href,
    packages: [...manifest.start, ...wanted.flatMap((g) => manifest.groups[g] ?? [])],
    stdout: () => {},
    stderr: (line) => console.warn(line),
  }), checkWasm(cache)]);
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
  for (const group of prefetch) download(group).catch(() => {});
}

// A promise inside the runtime that fails with nobody waiting on it (Pyodide's own, when a
// download fails) is not left unhandled: what it means reaches the page through `startup`
// or the call that needed it, and the detail goes to the console.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  console.warn(event.reason);
});

const startup = start();
startup.then(
  () => self.postMessage({ type: "ready" }),
  (error) => {
    console.warn(error);
    self.postMessage({
      type: "error",
      message: "a file it needs could not be downloaded. Check that this device is online, "
        + "then choose Try again",
    });
  },
);

self.onmessage = async (event) => {
  const { id, fn, payload } = event.data;
  try {
    await startup;
  } catch {
    self.postMessage({ id, error: "The rule core is not running: choose Try again" });
    return;
  }
  try {
    for (const group of manifest.needs[fn] ?? []) await ensure(group);
  } catch (error) {
    console.warn(error);
    self.postMessage({
      id,
      error: "A part of the rule core this needs could not be downloaded. Check that this "
        + "device is online, then try again",
    });
    return;
  }
  let text;
  try {
    // csprcore.api.call never raises: an exception here means the runtime itself broke.
    text = api.call(fn, JSON.stringify(payload ?? {}));
  } catch (error) {
    console.warn(error);
    self.postMessage({ type: "fatal", message: "it met a problem it cannot recover from" });
    return;
  }
  self.postMessage({ id, result: JSON.parse(text) });
};

// The rule core's Web Worker: Pyodide and csprcore run here, never on the page's thread.
// Messages in:  {id, fn, payload}           -> csprcore.api.call(fn, JSON payload)
// Messages out: {type: "progress", percent, step} while starting,
//               {type: "part", name} as each part can answer: "rules" first, then each
//               group the page asked for, then
//               {type: "ready"} | {type: "error", problem},
//               {type: "snapshot", state}: "restored" (this visit started from the stored
//               memory snapshot), "made" (it booted afresh), then "stored" or
//               "unavailable" (storage blocked or full: the next visit boots too),
//               {id, result} for each call (result is the api's JSON, parsed), or
//               {id, error} when it could not be made (a download failed), and
//               {type: "fatal", problem} when the runtime itself broke: it cannot answer
//               again, and the page offers a fresh one.
// `step`, `problem` and `error` name the page's words for the user (csprcore.views.page_words,
// which the worker cannot read): a Python traceback or a JS stack goes to the console only.
// No rule lives here: this file only carries messages. What to load, and what each api
// function needs, comes from the build's csprcore-runtime.json (from csprcore.api.NEEDS).
// The page asks for groups in the worker's name (and address): ?groups=forms (before "ready")
// and ?later=pdf (fetched in the background after it), and a form's page names its form
// (?form=referral), whose checks are loaded before "ready".

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
const blocked = () => Promise.reject(new TypeError("Requests to other sites are blocked"));
const urlOf = (request) => (request instanceof Request ? request.url : String(request));
function lock(name, value) {
  Object.defineProperty(self, name, { value, writable: false, configurable: false });
}
const siteFetch = self.fetch.bind(self);
// A page's groups' wheels, fetched while Python boots (start()): url -> promise of the bytes,
// already checked against the lock file. Pyodide's loadPackage then asks for them once the
// rules are in, and is answered from here, so the form's checks do not wait on the network
// after the runtime has started.
const early = new Map();
lock("fetch", (input, init) => {
  const url = urlOf(input);
  if (!ownSite(url)) return blocked();
  const key = new URL(url, self.location.href).href;
  const bytes = early.get(key);
  if (!bytes) return siteFetch(input, init);
  early.delete(key);
  // Fetched or checked in vain: the network answers, with Pyodide's own integrity check.
  return bytes.then((b) => new Response(b, { status: 200 }), () => siteFetch(input, init));
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
// The Cache API fetches what it is given to store: cache.add(url), cache.addAll(urls).
if ("Cache" in self) {
  const { add, addAll } = Cache.prototype;
  Object.defineProperty(Cache.prototype, "add", {
    value(request) {
      return ownSite(urlOf(request)) ? add.call(this, request) : blocked();
    },
    writable: false,
    configurable: false,
  });
  Object.defineProperty(Cache.prototype, "addAll", {
    value(requests) {
      const all = [...requests];
      return all.every((r) => ownSite(urlOf(r))) ? addAll.call(this, all) : blocked();
    },
    writable: false,
    configurable: false,
  });
}
// A font loaded by a FontFace is fetched from its url(); the worker draws no text, so the
// constructor goes, with the other ways out. (A dynamic import() cannot be refused from
// here: only the host's Content-Security-Policy header stops it; see the Publishing page.)
for (const name of ["WebSocket", "WebSocketStream", "EventSource", "WebTransport", "Worker",
  "SharedWorker", "FontFace", "fetchLater"]) {
  if (name in self) {
    lock(name, function blocked() {
      throw new DOMException(`${name} is not available here`, "SecurityError");
    });
  }
}

const runtimeDir = new URL("../../pyodide/", import.meta.url);
// Read from the name: served from the offline cache, this script's own address (and so
// import.meta.url) has lost its query, and a form page would load its models only when a call
// first needed them.
const params = new URLSearchParams(self.name.slice(self.name.indexOf("?") + 1));
const list = (name) => (params.get(name) ?? "").split(",").filter(Boolean);
const wanted = list("groups");
const prefetch = list("later");
const pageForm = params.get("form") ?? "";

let pyodide = null;
let api = null;
let manifest = null;
const downloads = {}; // group -> promise of its packages being installed
const loaded = {}; // group -> promise of its packages being installed and warmed up

function progress(percent, step) {
  self.postMessage({ type: "progress", percent, step });
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

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// --- the memory snapshot -------------------------------------------------------------------
// The first visit boots Python, imports the rules and copies the runtime's whole memory
// (Pyodide's experimental makeMemorySnapshot) before any answer reaches Python, so the copy
// holds no user data. Later visits restore that copy instead of booting, in about a third of
// the time (make bench). It is kept in this site's Cache Storage under a key made of the
// runtime's build hash and the sha256 of each wheel it imported from, with its own sha256
// beside it (checked before any of it runs: 50 ms for 31 MB here). Anything wrong
// with it (another key, a different checksum, a restore that throws or answers differently,
// storage that is blocked or full) only means a normal boot, and a fresh copy.
const SNAPSHOT_CACHE = "csprcore-snapshot";
const SELF_TEST = ["check", "{}"];
let snapshotKey = null; // set from the manifest and the lock file, in start()

async function keyFor(lockFile) {
  const wheels = manifest.start.map((name) => {
    const entry = lockFile.packages[name];
    return [name, entry?.file_name ?? "", entry?.sha256 ?? ""];
  });
  // Where this worker puts the wheels is in the copy too (sys.path): a worker and a manifest
  // of two builds (a browser's HTTP cache can pair them) never share a snapshot.
  const text = JSON.stringify([manifest.snapshot, WHEELS, wheels]);
  return sha256(new TextEncoder().encode(text));
}

const snapshotUrl = (key) => new URL(`snapshot/${key}`, runtimeDir).href;
const SNAPSHOTS = new URL("snapshot/", runtimeDir).href; // this site's (an origin may hold two)

/** The snapshot this browser keeps (storeSnapshot keeps one), its bytes still being read:
 *  {url, bytes: Promise<Uint8Array>, sha256, answer}, or null. It is found before the
 *  manifests say which snapshot this build wants, so that reading 31 MB overlaps with them
 *  and with the runtime's own downloads; restore() compares the key before any of it runs. */
async function findSnapshot() {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const request = (await cache.keys()).find((r) => r.url.startsWith(SNAPSHOTS));
    const response = request && await cache.match(request);
    if (!response) return null;
    const bytes = response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
    bytes.catch(() => {}); // met again, and reported, in restore()
    return {
      url: request.url,
      bytes,
      sha256: response.headers.get("x-csprcore-sha256"),
      answer: response.headers.get("x-csprcore-answer"),
    };
  } catch (error) {
    console.warn("The runtime's snapshot could not be read:", error);
    return null;
  }
}

async function storeSnapshot(bytes, answer) {
  const cache = await caches.open(SNAPSHOT_CACHE);
  const headers = {
    "content-type": "application/octet-stream",
    "x-csprcore-build": manifest.snapshot,
    "x-csprcore-sha256": await sha256(bytes),
    // Non-ASCII is not allowed in a header; the answer is JSON, so escape it.
    "x-csprcore-answer": encodeURIComponent(answer),
  };
  await cache.put(snapshotUrl(snapshotKey), new Response(bytes, { headers }));
  // Only one snapshot is kept: any other of this site's was made for another runtime or
  // wheel set.
  for (const request of await cache.keys()) {
    if (request.url.startsWith(SNAPSHOTS) && request.url !== snapshotUrl(snapshotKey)) {
      await cache.delete(request);
    }
  }
}

async function forgetSnapshot(url) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    await cache.delete(url);
  } catch {
    // Blocked storage holds no snapshot to forget.
  }
}

/** The start wheels, {file, bytes}, each checked against its sha256 in the lock file (what
 *  loadPackage would check). */
function fetchStartWheels(lockFile, cache) {
  return Promise.all(manifest.start.map(async (name) => {
    const entry = lockFile.packages[name];
    return { file: entry.file_name, bytes: await checkedWheel(entry, cache) };
  }));
}

async function checkedWheel(entry, cache) {
  const response = await siteFetch(new URL(entry.file_name, runtimeDir), { cache });
  if (!response.ok) throw new Error(`Could not load ${entry.file_name} (${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (await sha256(bytes) !== entry.sha256) throw new Error(`${entry.file_name}: sha256 differs`);
  return bytes;
}

/** The wanted groups' wheels, into ``early`` for loadPackage to find. */
function fetchEarly(lockFile, cache) {
  for (const group of wanted) {
    for (const name of manifest.groups[group] ?? []) {
      const entry = lockFile.packages[name];
      if (!entry) continue;
      const bytes = checkedWheel(entry, cache);
      bytes.catch(() => {}); // a failure is met again, and reported, by loadPackage
      early.set(new URL(entry.file_name, runtimeDir).href, bytes);
    }
  }
}

// The start wheels are imported from as they are (Python's zipimport, from the compiled
// modules the build put in them), not unpacked: writing one file takes a millisecond where
// unpacking 145 took a tenth of a second, on every visit. The path is in the snapshot's
// sys.path, so a restored runtime finds the modules it has not imported yet where the
// snapshot's maker found them: the same bytes (the snapshot's key holds each wheel's sha256).
const WHEELS = "/lib/csprcore-start";

function placeWheels(instance, wheels) {
  instance.FS.mkdirTree(WHEELS);
  for (const { file, bytes } of wheels) instance.FS.writeFile(`${WHEELS}/${file}`, bytes);
  return wheels.map(({ file }) => `${WHEELS}/${file}`);
}

const quiet = { stdout: () => {}, stderr: (line) => console.warn(line) };

/** Marks a failed download, which is no reason to forget a snapshot. */
function offline(error) {
  throw Object.assign(error instanceof Error ? error : new Error(String(error)), { offline: true });
}

/** The runtime restored from the stored snapshot (findSnapshot), or null when it cannot be
 *  used (the reason goes to the console, and a normal boot follows). `keyed` settles once
 *  the manifests have said which snapshot this build wants. */
async function restore(module, options, stored, keyed, wheelsPromise, cache) {
  try {
    // Checked before any of it is run: a snapshot made for another build, or a copy changed
    // on disk, must never start.
    const verified = keyed.then(async () => {
      if (stored.url !== snapshotUrl(snapshotKey)) throw new Error("it was made for another build");
      const bytes = await stored.bytes;
      if (await sha256(bytes) !== stored.sha256) throw new Error("its checksum differs");
      return bytes;
    });
    const instance = await Promise.race([
      module.loadPyodide({ ...options, ...quiet, _loadSnapshot: verified }),
      checkWasm(cache).catch(offline),
    ]);
    // The memory holds the imported rules, but the files they came from lived outside it:
    // later imports (the register, the forms, the PDFs) need them back, where it looks.
    const paths = placeWheels(instance, await wheelsPromise.catch(offline));
    const found = instance.runPython(`import sys\nall(p in sys.path for p in ${JSON.stringify(paths)})`);
    if (found !== true) throw new Error("it looks for the rules elsewhere");
    const answer = instance.pyimport("csprcore.api").call(...SELF_TEST);
    if (answer !== decodeURIComponent(stored.answer ?? "")) {
      throw new Error("it answers differently from the runtime it was made from");
    }
    return instance;
  } catch (error) {
    console.warn("The runtime's snapshot was not used:", error);
    // A download that failed says nothing against the snapshot (the start then fails, and
    // says so), and neither do manifests that could not be read.
    if (snapshotKey && !error?.offline) forgetSnapshot(stored.url);
    return null;
  }
}

let rulesLoaded;
// Calls that need only the rules are answered once the rules are in; the others wait in
// ensure() for their group, as during any visit.
const rulesReady = new Promise((resolve) => {
  rulesLoaded = resolve;
});

let booted = false; // this visit started the runtime afresh (no usable snapshot)
let made = null; // {bytes, answer}: the snapshot this visit made, to store after ready

async function boot(module, options, wheelsPromise, cache) {
  // No JS callbacks and no loadPackage before the snapshot: either leaves references into
  // this worker's JS in Python's memory, and makeMemorySnapshot refuses them.
  const instance = await Promise.race([
    module.loadPyodide({ ...options, _makeSnapshot: true }),
    checkWasm(cache),
  ]);
  progress(70, "progress_rules");
  const paths = placeWheels(instance, await wheelsPromise);
  // A JSON list of plain paths is a Python list too.
  instance.runPython(`import sys\nsys.path[0:0] = ${JSON.stringify(paths)}`);
  instance.runPython(manifest.warmups.start);
  try {
    const answer = instance.pyimport("csprcore.api").call(...SELF_TEST);
    made = { bytes: instance.makeMemorySnapshot(), answer };
  } catch (error) {
    console.warn("No snapshot of the runtime could be made:", error);
  }
  instance.setStdout({ batched: quiet.stdout });
  instance.setStderr({ batched: quiet.stderr });
  return instance;
}

function snapshotState(state) {
  self.postMessage({ type: "snapshot", state });
}

async function start() {
  progress(10, "progress_download");
  // After a failed start, "Try again" fetches past the browser's cache.
  const cache = params.has("retry") ? "reload" : "default";
  const json = (name) => fetch(new URL(name, runtimeDir), { cache }).then((r) => {
    if (!r.ok) throw new Error(`Could not load ${name} (${r.status})`);
    return r.json();
  });
  // Everything that does not depend on something else starts now, side by side: the
  // manifests, the stored snapshot's read, and the runtime's own script (1.2 MB: a fifth of a
  // second to compile), which loadPyodide would import only after the snapshot; its import
  // of the same address then finds it (and should it fail, loadPyodide's fails, and says so).
  // The lock file is read here rather than by Pyodide so that no download fails with nobody
  // waiting for it.
  import(new URL("pyodide.asm.mjs", runtimeDir).href).catch(() => {});
  const lockFile = json("pyodide-lock.json");
  const keyed = Promise.all([json("csprcore-runtime.json"), lockFile]).then(async ([runtime, lock]) => {
    manifest = runtime;
    snapshotKey = await keyFor(lock);
    return lock;
  });
  keyed.catch(() => {}); // awaited below
  const [module, stored] = await Promise.all([
    import(new URL("pyodide.mjs", runtimeDir).href),
    findSnapshot(),
  ]);
  const options = {
    indexURL: runtimeDir.href,
    lockFileContents: lockFile,
    packageBaseUrl: runtimeDir.href,
  };
  // The rules' wheels download while the runtime starts or is restored, and so do the
  // wheels of the groups this page needs before "ready".
  const wheels = keyed.then((lock) => fetchStartWheels(lock, cache));
  wheels.catch(() => {});
  const restoring = stored && restore(module, options, stored, keyed, wheels, cache);
  fetchEarly(await keyed, cache);
  pyodide = await restoring;
  snapshotState(pyodide ? "restored" : "made");
  if (!pyodide) {
    booted = true;
    // Pyodide never settles when its WebAssembly cannot be fetched or is not WebAssembly,
    // so its first bytes are checked beside the boot, and a failure ends the start.
    pyodide = await boot(module, options, wheels, cache);
  }
  api = pyodide.pyimport("csprcore.api");
  // The rules answer from here on; a form page's models load next.
  rulesLoaded();
  self.postMessage({ type: "part", name: "rules" });
  // A form page says that the rules already answer while its checks load.
  if (wanted.length) progress(85, "progress_forms");
  await Promise.all(wanted.map((group) => ensure(group)));
  // A form's page asks its form's checks first: asked here, before "ready", its models are
  // built now rather than at the user's first answer. The answer (to no answers) is dropped,
  // unless the form could not be checked at all: the start fails then, with a way to retry.
  if (pageForm) {
    const warmed = JSON.parse(api.call("form_check", JSON.stringify({ form: pageForm, answers: {} })));
    if (warmed.internal || warmed.errors?.some((e) => e.field === "form")) {
      throw new Error(`The form's checks did not load: ${warmed.internal ?? pageForm}`);
    }
  }
  for (const group of wanted) self.postMessage({ type: "part", name: group });
  progress(100, "progress_ready");
  // What this page may need later downloads in the background, after ready; importing it
  // (which holds this thread) waits for the first call that needs it.
  for (const group of prefetch) download(group).catch(() => {});
}

function keepSnapshot() {
  if (!booted) return;
  if (!made) {
    snapshotState("unavailable");
    return;
  }
  const { bytes, answer } = made;
  made = null;
  storeSnapshot(bytes, answer).then(
    () => snapshotState("stored"),
    (error) => {
      // Blocked or full storage: the next visit boots normally, as before.
      console.warn("The runtime's snapshot could not be kept:", error);
      snapshotState("unavailable");
    },
  );
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
  () => {
    self.postMessage({ type: "ready" });
    // Stored after ready, so writing 30 MB never delays the page.
    keepSnapshot();
  },
  (error) => {
    console.warn(error);
    self.postMessage({ type: "error", problem: "worker_file_missing" });
  },
);

self.onmessage = async (event) => {
  const { id, fn, payload } = event.data;
  try {
    await Promise.race([rulesReady, startup]);
  } catch {
    self.postMessage({ id, error: "worker_not_running" });
    return;
  }
  try {
    for (const group of manifest.needs[fn] ?? []) await ensure(group);
  } catch (error) {
    console.warn(error);
    self.postMessage({ id, error: "worker_part_missing" });
    return;
  }
  let text;
  try {
    // csprcore.api.call never raises: an exception here means the runtime itself broke.
    text = api.call(fn, JSON.stringify(payload ?? {}));
  } catch (error) {
    console.warn(error);
    self.postMessage({ type: "fatal", problem: "worker_broken" });
    return;
  }
  self.postMessage({ id, result: JSON.parse(text) });
};

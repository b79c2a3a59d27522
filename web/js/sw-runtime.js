// Appended to the service worker by assembly/sw.mjs, with the runtime's files written in.
// The site's shell (pages, theme, search, page scripts) is precached by Workbox on the first
// visit, so reading a page costs a page. The Python runtime and its wheels (about 20 MB) are
// kept here instead, in their own cache, when a tool needs them:
// - a file the rule core's worker fetches is answered from this cache, or fetched and kept;
// - a page asks for every file at once ("csprcore-runtime" messages, from site.js): a tool
//   page after its core is ready, unless the browser asks to save data; the "Make the tools
//   available offline" button always; any page when some of the runtime is already kept
//   (a new deployment brings new files: the user who had the tools offline keeps them).
// Each file is kept under its SHA-256 (the build's digest, checked here), so a file of
// another deployment, or one spoiled on the way, is never served as this one.
const CSPRCORE_RUNTIME = "__CSPRCORE_RUNTIME_FILES__"; // {path: [sha256, size]}
const RUNTIME_CACHE = "csprcore-runtime";
const runtimeRoot = new URL(self.registration.scope);

const runtimeKey = (path) =>
  new URL(`${path}?sha256=${CSPRCORE_RUNTIME[path][0]}`, runtimeRoot).href;

/** The runtime file a URL names (its path from the site's root), or null. */
function runtimePath(url) {
  const parsed = new URL(url);
  if (parsed.origin !== runtimeRoot.origin || !parsed.pathname.startsWith(runtimeRoot.pathname)) {
    return null;
  }
  const path = parsed.pathname.slice(runtimeRoot.pathname.length);
  return Object.hasOwn(CSPRCORE_RUNTIME, path) ? path : null;
}

async function digestOf(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Keep a fetched file when its bytes are this build's; true when kept. */
async function keep(cache, path, response) {
  const buffer = await response.arrayBuffer();
  if ((await digestOf(buffer)) !== CSPRCORE_RUNTIME[path][0]) return false;
  const headers = new Headers(response.headers);
  headers.set("content-length", String(buffer.byteLength));
  await cache.put(runtimeKey(path), new Response(buffer, { status: 200, headers }));
  return true;
}

async function answer(path, request) {
  let cache = null;
  try {
    cache = await caches.open(RUNTIME_CACHE);
    // "Try again" after a failed start asks past every cache (worker.js).
    if (request.cache !== "reload") {
      const kept = await cache.match(runtimeKey(path));
      if (kept) return kept;
    }
  } catch (error) {
    // Blocked storage: the network answers, as without a service worker.
    console.warn("The runtime's cache could not be read:", error);
  }
  const response = await fetch(request);
  if (cache && response.ok) keep(cache, path, response.clone()).catch(() => {});
  return response;
}

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  const path = runtimePath(event.request.url);
  if (path) event.respondWith(answer(path, event.request));
});

// --- every file at once, with progress ------------------------------------------------------

const everyPath = Object.keys(CSPRCORE_RUNTIME);
const totalBytes = everyPath.reduce((sum, path) => sum + CSPRCORE_RUNTIME[path][1], 0);
const listeners = new Set(); // the pages told of progress
let running = null; // the one download of the runtime in progress

function tell(message) {
  for (const client of listeners) client.postMessage({ type: "csprcore-runtime", ...message });
}

/** How much of this build's runtime is kept: {done, total, bytes, totalBytes, old}. */
async function keptNow() {
  const cache = await caches.open(RUNTIME_CACHE);
  const keys = new Set((await cache.keys()).map((r) => r.url));
  const kept = everyPath.filter((path) => keys.has(runtimeKey(path)));
  const current = new Set(everyPath.map(runtimeKey));
  return {
    cache,
    kept,
    status: {
      done: kept.length,
      total: everyPath.length,
      bytes: kept.reduce((sum, path) => sum + CSPRCORE_RUNTIME[path][1], 0),
      totalBytes,
    },
    // Any file kept at all (of this build or an older one): the user wants the tools offline.
    some: keys.size > 0,
    old: [...keys].filter((url) => !current.has(url)),
  };
}

async function fetchEvery() {
  const { cache, kept, status } = await keptNow();
  let { done, bytes } = status;
  let failed = 0;
  tell({ state: "working", ...status });
  for (const path of everyPath.filter((p) => !kept.includes(p))) {
    try {
      // The browser's own cache first (the tool page has just fetched most of these); past
      // it when its copy is not this build's.
      let ok = false;
      for (const mode of ["default", "reload"]) {
        const response = await fetch(new URL(path, runtimeRoot), { cache: mode });
        if (response.ok && (await keep(cache, path, response))) {
          ok = true;
          break;
        }
      }
      if (!ok) throw new Error(`${path} could not be fetched whole`);
      done += 1;
      bytes += CSPRCORE_RUNTIME[path][1];
    } catch (error) {
      console.warn("A file of the runtime was not kept:", error);
      failed += 1;
    }
    tell({ state: "working", done, total: everyPath.length, bytes, totalBytes });
  }
  if (!failed) {
    // This build's runtime is whole: an older build's files are no longer needed.
    for (const url of (await keptNow()).old) await cache.delete(url);
  }
  tell({ state: failed ? "failed" : "done", done, total: everyPath.length, bytes, totalBytes });
}

self.addEventListener("message", (event) => {
  if (event.data?.type !== "csprcore-runtime") return;
  const client = event.source;
  const { action } = event.data;
  event.waitUntil((async () => {
    if (client) listeners.add(client);
    try {
      const now = await keptNow();
      const whole = now.status.done === now.status.total;
      const wanted = action === "cache" || (action === "refresh" && now.some);
      if (running || (wanted && !whole)) {
        running ??= fetchEvery().finally(() => {
          running = null;
        });
        await running;
      } else {
        tell({ state: whole ? "done" : now.status.done ? "partial" : "none", ...now.status });
      }
    } catch (error) {
      // Storage blocked or full: the tools still work online.
      console.warn("The runtime could not be kept for offline use:", error);
      tell({ state: "unavailable", done: 0, total: everyPath.length, bytes: 0, totalBytes });
    } finally {
      if (client) listeners.delete(client);
    }
  })());
});

// Appended to the service worker by assembly/sw.mjs, with the runtime's files written in.
// The site's shell (pages, theme, search, page scripts) is precached by Workbox on the first
// visit, so reading a page costs a page. The Python runtime and its wheels (about 20 MB) are
// kept here instead, in their own cache, when a tool needs them:
// - a file the rule core's worker fetches is answered from this cache, or fetched, checked
//   and kept;
// - a page asks for every file at once ("csprcore-runtime" messages, from site.js): a tool
//   page once its core is ready, unless the browser asks to save data; the "Make the tools
//   available offline" button always; any page when some of the runtime is already kept.
//   Each message fetches one file and says whether more are to come (`more`), and the page
//   asks again: a browser ends an event that lasts more than a few minutes, and 20 MB on a
//   slow line would outlast one;
// - a new deployment's service worker, while it installs, fetches the files that changed
//   when the runtime is kept, so that the tools still work offline once it takes over; it
//   deletes the old deployment's files when it does.
// Each file is kept and served only when its bytes have this build's SHA-256, so a file of
// another deployment, or one spoiled on the way, is never served as this one.
/** @type {Record<string, [string, number]>} path: [sha256, size] */
const CSPRCORE_RUNTIME = /** @type {any} */ ("__CSPRCORE_RUNTIME_FILES__");
const RUNTIME_CACHE = "csprcore-runtime";
const runtimeRoot = new URL(/** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self)).registration.scope);
// Another site on this origin (a partnership under another path) keeps its own files in the
// same cache: only the keys under this site's scope are ever counted or deleted here.
const ours = (url) => url.startsWith(runtimeRoot.href);

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

/** A network response as this build's file (its bytes checked), or null when it is not. */
async function checked(path, response) {
  if (!response.ok) return null;
  const buffer = await response.arrayBuffer();
  if ((await digestOf(buffer)) !== CSPRCORE_RUNTIME[path][0]) return null;
  const headers = new Headers(response.headers);
  headers.set("content-length", String(buffer.byteLength));
  return new Response(buffer, { status: 200, headers });
}

const refused = (path) => new Response(`${path} is not this version's file`, { status: 503 });

async function answer(path, request, event) {
  let cache = null;
  let kept = null;
  try {
    cache = await caches.open(RUNTIME_CACHE);
    kept = await cache.match(runtimeKey(path));
  } catch (error) {
    // Blocked storage: the network answers, as without a service worker.
    console.warn("The runtime's cache could not be read:", error);
  }
  // "Try again" after a failed start asks past every cache (worker.js): the network first,
  // and the kept copy (already checked) when there is no network.
  if (kept && request.cache !== "reload") return kept;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (kept) return kept;
    throw error;
  }
  const file = await checked(path, response);
  if (!file) return kept ?? refused(path); // never a file of another deployment
  if (cache) event.waitUntil(cache.put(runtimeKey(path), file.clone()).catch(() => {}));
  return file;
}

self.addEventListener("fetch", (/** @type {FetchEvent} */ event) => {
  if (event.request.method !== "GET") return;
  const path = runtimePath(event.request.url);
  if (path) event.respondWith(answer(path, event.request, event));
});

// --- every file at once, with progress ------------------------------------------------------

const everyPath = Object.keys(CSPRCORE_RUNTIME);
const totalBytes = everyPath.reduce((sum, path) => sum + CSPRCORE_RUNTIME[path][1], 0);
const listeners = new Set(); // the pages told of progress
let running = null; // the one file being fetched and kept
let progress = null; // the latest figures, for a page that asks meanwhile
let failedAt = 0; // when the last round failed: a page view does not retry it at once
const skipped = new Set(); // files that failed in this round, tried again in the next

function tell(message) {
  if (message.state === "working") progress = message;
  for (const client of listeners) client.postMessage({ type: "csprcore-runtime", ...message });
}

/** How much of this build's runtime is kept. */
async function keptNow() {
  const cache = await caches.open(RUNTIME_CACHE);
  const keys = new Set((await cache.keys()).map((r) => r.url).filter(ours));
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

/** Fetch and keep the next file not kept yet: "working" with `more` (the page asks again),
 *  or, once none is left to try, "done" or "failed"; "unavailable" when there is no room.
 *  @returns {Promise<{state: string, more?: boolean, done: number, total: number,
 *    bytes: number, totalBytes: number}>} */
async function fetchNext() {
  const { cache, kept, status } = await keptNow();
  const path = everyPath.find((p) => !kept.includes(p) && !skipped.has(p));
  if (!path) {
    skipped.clear();
    // Each file left was tried in this round and failed: the next round tries them again.
    return kept.length < everyPath.length ? { state: "failed", ...status } : { state: "done", ...status };
  }
  tell({ state: "working", ...status });
  let file = null;
  try {
    // The browser's own cache first (the tool page has just fetched most of these); past
    // it when its copy is not this build's.
    for (const mode of /** @type {RequestCache[]} */ (["default", "reload"])) {
      file = await checked(path, await fetch(new URL(path, runtimeRoot), { cache: mode }));
      if (file) break;
    }
  } catch (error) {
    console.warn("A file of the runtime could not be fetched:", error);
  }
  if (!file) {
    skipped.add(path);
    return { state: "working", more: true, ...status };
  }
  try {
    await cache.put(runtimeKey(path), file);
  } catch (error) {
    // No room (or storage blocked): the rest would be fetched for nothing.
    console.warn("The runtime could not be kept:", error);
    skipped.clear();
    return { state: "unavailable", ...status };
  }
  const bytes = status.bytes + CSPRCORE_RUNTIME[path][1];
  return { state: "working", more: true, ...status, done: status.done + 1, bytes };
}

self.addEventListener("message", (/** @type {ExtendableMessageEvent} */ event) => {
  if (event.data?.type !== "csprcore-runtime") return;
  const client = event.source;
  const { action } = event.data;
  event.waitUntil((async () => {
    if (client) listeners.add(client);
    try {
      if (running) {
        if (progress) client?.postMessage({ type: "csprcore-runtime", ...progress });
        await running;
        return;
      }
      const now = await keptNow();
      const whole = now.status.done === now.status.total;
      const recentFailure = Date.now() - failedAt < 10 * 60 * 1000;
      const wanted = action === "cache" || (action === "refresh" && now.some && !recentFailure);
      if (wanted && !whole) {
        running = fetchNext()
          .then((result) => {
            if (result.state === "failed" || result.state === "unavailable") failedAt = Date.now();
            tell(result);
          })
          .finally(() => {
            running = null;
            progress = null;
          });
        await running;
      } else {
        tell({ state: whole ? "done" : now.status.done ? "partial" : "none", ...now.status });
      }
    } catch (error) {
      // Storage blocked: the tools still work online.
      console.warn("The runtime could not be kept for offline use:", error);
      client?.postMessage({ type: "csprcore-runtime", state: "unavailable", done: 0,
        total: everyPath.length, bytes: 0, totalBytes });
    } finally {
      if (client) listeners.delete(client);
    }
  })());
});

// --- a new deployment ---------------------------------------------------------------------

// Installing: when the user keeps the runtime, this deployment's changed files are fetched
// now (unchanged ones share their keys), so the tools work offline as soon as it takes over,
// even if that happens offline. A failure does not stop the update: the files are fetched
// again when a page next asks.
self.addEventListener("install", (/** @type {ExtendableEvent} */ event) => {
  event.waitUntil((async () => {
    try {
      if ((await keptNow()).some) {
        while ((await fetchNext()).more) {
          // the next file
        }
      }
    } catch (error) {
      console.warn("The new runtime could not be kept ahead:", error);
    }
  })());
});

// Taking over: the old deployment's files go (its pages are reloaded onto this one).
self.addEventListener("activate", (/** @type {ExtendableEvent} */ event) => {
  event.waitUntil((async () => {
    try {
      const { cache, old } = await keptNow();
      for (const url of old) await cache.delete(url);
    } catch (error) {
      console.warn("The old runtime's files could not be deleted:", error);
    }
  })());
});

// Appended to the service worker by assembly/sw.mjs, with the build's snapshot id written in.
// When a new deployment takes over, a memory snapshot of the rule core made for another
// runtime or wheel set is deleted at once: the worker would never restore it (its key
// differs), but it would keep 30 MB of this device's storage. The next tool page makes a
// snapshot for the new runtime (web/js/worker.js).
const CSPRCORE_SNAPSHOT_BUILD = "__CSPRCORE_SNAPSHOT_BUILD__";

self.addEventListener("activate", (/** @type {ExtendableEvent} */ event) => {
  event.waitUntil((async () => {
    try {
      const cache = await caches.open("csprcore-snapshot");
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (response?.headers.get("x-csprcore-build") !== CSPRCORE_SNAPSHOT_BUILD) {
          await cache.delete(request);
        }
      }
    } catch (error) {
      // Storage that cannot be opened holds no snapshot.
      console.warn("Old snapshots could not be checked:", error);
    }
  })());
});

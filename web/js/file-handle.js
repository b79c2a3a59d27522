// The register's file, kept across a reload where the browser allows it: the file handle
// (File System Access API), when it was last read or written, and the register as the file
// then held it (what a colleague's later save is merged from). Kept in IndexedDB, which holds
// handles where local storage holds only text. Every call settles, never throws: a browser
// that blocks storage, or has no IndexedDB, only loses "Save writes back to this file" after
// a reload, as it did before.

const DB = "csprcore-register";
const STORE = "file";
const KEY = "current";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Keep `{handle, name, recorded, base}`, or forget it (`null`). */
export async function keepFile(entry) {
  try {
    if (typeof indexedDB === "undefined") return false;
    await run("readwrite", (store) => (entry ? store.put(entry, KEY) : store.delete(KEY)));
    return true;
  } catch {
    return false;
  }
}

/** What `keepFile` kept, or null. */
export async function keptFile() {
  try {
    if (typeof indexedDB === "undefined") return null;
    const entry = await run("readonly", (store) => store.get(KEY));
    return entry && typeof entry === "object" && entry.handle ? entry : null;
  } catch {
    return null;
  }
}

// This browser's local storage, for drafts only, when the browser allows it.
// Reading `localStorage` throws where a policy blocks site data (cookies blocked), and
// writing throws when the disk or the quota is full. Every use goes through here, so no
// button dies on either: each call says whether it worked, and the first failure is
// reported once to whoever listens (the page then says, once, that drafts are not kept).

const listeners = new Set();
let seen = null; // "blocked" | "full", once a call has failed

function problem(error) {
  if (seen) return;
  seen = error?.name === "QuotaExceededError" || error?.code === 22 ? "full" : "blocked";
  for (const listener of listeners) listener(seen);
}

function area() {
  const store = window.localStorage; // may throw SecurityError
  // storage-guard.js's stand-in, where storage is blocked: nothing would outlive the page.
  if (store?.csprcoreInMemory) throw new DOMException("Storage is blocked", "SecurityError");
  return store;
}

/** Call `listener("blocked" | "full")` at the first failure (at once if one happened). */
export function onStorageProblem(listener) {
  listeners.add(listener);
  if (seen) listener(seen);
  else {
    try {
      area();
    } catch (error) {
      problem(error);
    }
  }
}

export function getItem(key) {
  try {
    return area().getItem(key);
  } catch (error) {
    problem(error);
    return null;
  }
}

/** True when the value was stored. */
export function setItem(key, value) {
  try {
    area().setItem(key, value);
    return true;
  } catch (error) {
    problem(error);
    return false;
  }
}

export function removeItem(key) {
  try {
    area().removeItem(key);
    return true;
  } catch (error) {
    problem(error);
    return false;
  }
}

/** Every stored key that starts with `prefix` ([] when storage cannot be read). */
export function keysStartingWith(prefix) {
  try {
    const store = area();
    const keys = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  } catch (error) {
    problem(error);
    return [];
  }
}

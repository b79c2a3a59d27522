// The bridge between a page and the rule core's worker: a promise API and the core's state.
//   const core = startCore(rootElement);
//   const result = await core.call("check", facts);   // csprcore.api.check(facts)
// The root element's data-core-state is "loading", "ready" or "error"; its status area shows
// progress, and a way back on error. data-core-parts lists what already answers ("rules",
// then a form page's "forms"), and data-core-snapshot how the runtime started ("restored"
// from the stored memory snapshot, or "made" afresh, then "stored" or "unavailable").
// A call waits for the rules; the worker holds one that needs more until that is loaded.
//
// A call never rejects: when the core cannot answer (it failed to start, it stopped, or a
// download it needed failed) the call resolves to {ok: false, errors: [{field: "", message}],
// failed: true}, in the shape of the core's own refusals, so every caller shows it where the
// user is looking, and nothing typed is touched.

import { words } from "./words.js";

/** The page's words for a key the worker sent; one this page lacks (a worker of another
 *  deployment) gives `fallback`'s, so a call is never left waiting on a missing word. */
function workerWords(key, fallback) {
  try {
    return words(key);
  } catch {
    return words(fallback);
  }
}

const workerUrl = new URL("./worker.js", import.meta.url);

/** The worker core-start.js started for this page, with what it has said so far, when it is
 *  the one `url` asks for; another is stopped (a page changed since), and null means none. */
function takeEarlyWorker(url) {
  // Its own property only: an element named "csprcoreWorker" is not a worker.
  const early = Object.hasOwn(window, "csprcoreWorker") ? window.csprcoreWorker : null;
  delete window.csprcoreWorker;
  if (typeof early?.take !== "function") return null;
  const taken = early.take();
  if (early.url === url.href) return taken;
  taken.worker.terminate();
  return null;
}

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
  let rulesPromise = null;
  let attempt = 0;

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
    attempt += 1;
    setState("loading", words("core_starting"));
    if (bar) bar.value = 5;
    // Which parts of the core this page needs at once, and which to fetch after "ready".
    const url = new URL(workerUrl);
    url.searchParams.set("groups", root.dataset.coreGroups ?? "");
    url.searchParams.set("later", root.dataset.coreLater ?? "");
    url.searchParams.set("form", root.dataset.coreForm ?? "");
    // A retry asks the worker to fetch past any cached failure (see worker.js).
    if (attempt > 1) url.searchParams.set("retry", String(attempt));
    // The same words go in the worker's name, which is all it can read of them once the
    // service worker serves it: the response from the offline cache has the plain address.
    const early = attempt === 1 ? takeEarlyWorker(url) : null;
    const current = early?.worker ?? new Worker(url, { type: "module", name: `csprcore${url.search}` });
    worker = current;
    root.dataset.coreParts = "";
    delete root.dataset.coreSnapshot;
    let rulesIn;
    rulesPromise = new Promise((resolve) => {
      rulesIn = resolve;
    });
    readyPromise = new Promise((resolve, reject) => {
      current.onmessage = ({ data }) => {
        if (current !== worker) return; // a worker replaced by a retry
        if (data.type === "progress") {
          if (bar) bar.value = data.percent;
          if (text && data.percent < 100) text.textContent = `${workerWords(data.step, "core_starting")}…`;
        } else if (data.type === "part") {
          root.dataset.coreParts = `${root.dataset.coreParts} ${data.name}`.trim();
          if (data.name === "rules") rulesIn();
        } else if (data.type === "snapshot") {
          root.dataset.coreSnapshot = data.state;
        } else if (data.type === "ready") {
          rulesIn();
          setState("ready", words("core_ready"));
          resolve();
        } else if (data.type === "error") {
          fail(words("core_not_started", { problem: workerWords(data.problem, "worker_broken") }));
          reject(new Error(data.problem));
        } else if (data.type === "fatal") {
          // The runtime cannot answer again (for example its stack overflowed): every
          // later call would fail, so say so and offer a fresh one.
          fail(words("core_stopped_because", { problem: workerWords(data.problem, "worker_broken") }));
        } else if (pending.has(data.id)) {
          const done = pending.get(data.id);
          pending.delete(data.id);
          done(data.error
            ? failure(words("core_call_failed", { problem: workerWords(data.error, "worker_part_missing") }))
            : data.result);
        }
      };
      current.onerror = (event) => {
        event.preventDefault?.();
        if (current !== worker) return;
        fail(words(root.dataset.coreState === "loading" ? "core_not_downloaded" : "core_stopped"));
        reject(new Error(event.message || "worker error"));
      };
    });
    readyPromise.catch(() => {});
    // A failed start settles the calls waiting for the rules too (they then see the error).
    readyPromise.catch(() => rulesIn());
    // What the early worker said before now, in the order it said it.
    for (const event of early?.events ?? []) {
      try {
        if (event instanceof MessageEvent) current.onmessage(event);
        else current.onerror(/** @type {ErrorEvent} */ (event));
      } catch (error) {
        reportError(error); // as a handler's error would be: the rest still arrive
      }
    }
  }

  /** A call the core could not answer, in the shape of its refusals; `message` says so.
   * @returns {import("./messages").Refusal} */
  function failure(message) {
    return { ok: false, failed: true, errors: [{ field: "", message }] };
  }

  function fail(message) {
    setState("error", message);
    for (const done of pending.values()) done(failure(message));
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
    /**
     * @template {import("./messages").FunctionName} F
     * @param {F} fn
     * @param {object} payload
     * @returns {Promise<import("./messages").AnswerTo<F>>}
     */
    async call(fn, payload) {
      try {
        await Promise.race([rulesPromise, readyPromise]);
      } catch {
        return failure(words("core_not_running"));
      }
      if (root.dataset.coreState === "error") {
        return failure(words("core_stopped_retry"));
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        try {
          worker.postMessage({ id, fn, payload });
        } catch {
          pending.delete(id);
          resolve(failure(words("core_not_passed")));
        }
      });
    },
  };
}

/**
 * The latest question wins: an answer from the core that arrives after a newer question was
 * asked, or after the page moved on to another case or register, is dropped, so an older
 * (slower) answer never overwrites a newer one.
 *
 *   const latest = new Latest();
 *   const mine = latest.ask();          // a new question: answers to older ones are moot
 *   const result = await core.call(...);
 *   if (!latest.holds(mine)) return;    // the page has moved on
 *
 * `latest.now()` is a ticket that leaves earlier questions standing (a save, while the list
 * refreshes), and `latest.moveOn()` makes every outstanding answer moot (a new case).
 */
export class Latest {
  #count = 0;

  ask() {
    this.#count += 1;
    return this.#count;
  }

  now() {
    return this.#count;
  }

  moveOn() {
    this.#count += 1;
  }

  /** @param {number} ticket */
  holds(ticket) {
    return ticket === this.#count;
  }
}

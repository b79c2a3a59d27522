// Drafts of a form in this browser: saved as the user types, kept for a fixed number of days
// (the core's DRAFT_RETENTION_DAYS, given by the page), deleted on request, and never
// overwritten by a second tab of the same form.
//
// One tab at a time keeps a form's draft (the "keeper"). Tabs of a form talk over a
// BroadcastChannel: a new tab says "hello", the keeper answers, and the new tab stops saving
// and says so, with a button to keep the draft from this tab instead (the other tab is told
// and stops). A delete is announced too, so no tab writes a deleted draft back. Where the
// channel is missing, the `storage` event shows a write by another tab, and this tab stops.
// Nothing is silently dropped: a tab that does not keep the draft says so, and still holds
// everything typed in it.
import * as storage from "./storage.js";
import { words } from "./words.js";

export const DRAFT_PREFIX = "csprcore-draft-";
export const HANDOFF_PREFIX = "csprcore-handoff-";
const DAY = 24 * 60 * 60 * 1000;

const time = (ms) => new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

/** A stored record ({saved, ...}) when it is readable and younger than `days`; else null.
 *  A timestamp that is missing, not a number or in the future counts as expired. */
export function freshRecord(raw, days, now = Date.now()) {
  let record;
  try {
    record = JSON.parse(raw ?? "null");
  } catch {
    return null;
  }
  const saved = record?.saved;
  if (typeof saved !== "number" || !Number.isFinite(saved)) return null;
  if (saved > now + DAY || now - saved > days * DAY) return null;
  return record;
}

/** Remove every form's drafts (and unread hand-offs) older than `days` or unreadable.
 *  Every page runs this when it loads, so the promise holds for a form nobody reopens. */
export function expireDrafts(days, now = Date.now()) {
  for (const key of [...storage.keysStartingWith(DRAFT_PREFIX),
    ...storage.keysStartingWith(HANDOFF_PREFIX)]) {
    if (!freshRecord(storage.getItem(key), days, now)) storage.removeItem(key);
  }
}

export class Drafts {
  /**
   * @param {string} formId
   * @param {number} days how long a draft is kept
   * @param {object} ui {status, notice, noticeText, takeButton}: the page's elements
   * @param {() => object} readAnswers what the form holds now
   */
  constructor(formId, days, ui, readAnswers) {
    this.key = `${DRAFT_PREFIX}${formId}`;
    this.days = days;
    this.ui = ui;
    this.readAnswers = readAnswers;
    this.tab = crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
    this.opened = performance.timeOrigin || Date.now();
    this.keeper = true;
    this.timer = null;
    this.unsaved = false;
    this.storageProblem = null;
    storage.onStorageProblem((kind) => {
      this.storageProblem = kind;
      this.say(words(kind === "full" ? "draft_storage_full" : "draft_storage_blocked"));
    });
    ui.takeButton?.addEventListener("click", () => this.takeOver());
    if ("BroadcastChannel" in window) {
      this.channel = new BroadcastChannel(this.key);
      this.channel.onmessage = ({ data }) => this.onMessage(data);
      this.post("hello");
    }
    window.addEventListener("storage", (event) => this.onStorage(event));
  }

  say(text) {
    this.ui.status.textContent = text;
  }

  post(type, extra = {}) {
    this.channel?.postMessage({ type, tab: this.tab, opened: this.opened, ...extra });
  }

  notice(text) {
    const { notice, noticeText } = this.ui;
    if (!notice) return;
    noticeText.textContent = text;
    notice.hidden = false;
  }

  /** Stop keeping the draft (another tab does, or it was deleted there), saying why. */
  standDown(text) {
    this.cancel();
    this.keeper = false;
    this.notice(text);
    if (this.ui.takeButton) this.ui.takeButton.hidden = false;
  }

  onMessage(data) {
    if (!data || data.tab === this.tab) return;
    if (data.type === "hello") {
      this.post("here", { keeper: this.keeper });
      if (this.keeper) {
        this.notice(words("draft_also_open"));
        if (this.ui.takeButton) this.ui.takeButton.hidden = true;
      }
    } else if (data.type === "here" && data.keeper && this.keeper) {
      // Two tabs opened at once both think they keep the draft: the newer one gives way.
      const newer = this.opened > data.opened || (this.opened === data.opened && this.tab > data.tab);
      if (newer) {
        this.standDown(words("draft_already_open"));
      }
    } else if (data.type === "take") {
      this.standDown(words("draft_taken"));
    } else if (data.type === "deleted") {
      this.standDown(words("draft_deleted_elsewhere"));
      this.say(words("draft_deleted_elsewhere_status"));
    }
  }

  onStorage(event) {
    if (event.key !== this.key || !this.keeper) return;
    if (event.newValue === null) {
      this.standDown(words("draft_deleted_elsewhere"));
      return;
    }
    let writer;
    try {
      writer = JSON.parse(event.newValue)?.tab;
    } catch {
      writer = null;
    }
    if (writer !== this.tab) {
      this.standDown(words("draft_saved_elsewhere"));
    }
  }

  takeOver() {
    this.keeper = true;
    this.post("take");
    this.saveNow();
    if (!this.storageProblem) this.say(words("draft_kept_here", { time: time(Date.now()) }));
    // The button goes with its notice: the keyboard focus moves to what it did.
    this.ui.notice.hidden = true;
    this.ui.status.tabIndex = -1;
    this.ui.status.focus();
  }

  /** The draft's answers, when there is one to restore (an old or unreadable one is removed). */
  restore() {
    const raw = storage.getItem(this.key);
    if (raw === null) return null;
    const draft = freshRecord(raw, this.days);
    if (!draft || typeof draft.answers !== "object" || draft.answers === null) {
      storage.removeItem(this.key);
      this.say(words("draft_expired", { days: this.days }));
      return null;
    }
    this.say(words("draft_restored", { time: new Date(draft.saved).toLocaleString("en-GB", {
      dateStyle: "long", timeStyle: "short" }) }));
    return draft.answers;
  }

  /** Save soon (answers typed quickly are saved once). */
  saveSoon() {
    this.unsaved = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveNow(), 400);
  }

  cancel() {
    clearTimeout(this.timer);
    this.timer = null;
    this.unsaved = false;
  }

  saveNow() {
    this.cancel();
    if (!this.keeper) {
      this.say(words("draft_not_kept_here"));
      return;
    }
    const stored = storage.setItem(this.key, JSON.stringify({
      saved: Date.now(), tab: this.tab, answers: this.readAnswers() }));
    if (stored) this.say(words("draft_saved", { time: time(Date.now()) }));
    // An older draft that could not be replaced must not come back as if it were this one.
    else storage.removeItem(this.key);
  }

  /** A change typed just before the page closes is not lost. */
  flush() {
    if (this.unsaved) this.saveNow();
  }

  /** Delete the draft: nothing pending is written after it, and other tabs are told. */
  remove() {
    this.cancel();
    const removed = storage.removeItem(this.key);
    this.post("deleted");
    this.keeper = true;
    if (this.ui.notice) this.ui.notice.hidden = true;
    this.say(words(removed ? "draft_deleted" : "form_cleared"));
  }
}

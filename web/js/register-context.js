// What the case register's parts share: the core, the page's words, what the page holds
// (one state object, so that each part reads the same register), and the small helpers each
// part uses to place the core's words in the page. No rule and no words of its own.
import { Latest, startCore } from "./core.js";
import { sentence } from "./form-ui.js";
import { words } from "./words.js";

/**
 * @typedef {object} RegisterState
 * @property {object | null} register the register document, as the core gave it
 * @property {string | null} fileName the file it came from or was last saved to
 * @property {FileSystemFileHandle | null} handle that file, where the browser has the API
 * @property {{lastModified: number, hash: string} | null} recorded that file when opened or
 *   last saved
 * @property {object | null} base the register as that file held it then: what a colleague's
 *   save is merged from
 * @property {boolean} unsaved changes not yet in the file
 * @property {number} changes bumped by every change of the register: a save clears
 *   `unsaved` only when no change came while it was writing
 * @property {string | null} loaded the case's boxes as they were when the case was shown
 *   (null: no case)
 * @property {number | null | undefined} current undefined: the list; null: a new case; a
 *   number: that case
 * @property {{from: string, to: string} | null} lastReport the period of the report shown
 */

/**
 * @typedef {object} RegisterParts
 * @property {ReturnType<typeof import("./register-file.js").fileKeeping>} file
 * @property {ReturnType<typeof import("./register-list.js").caseList>} list
 * @property {ReturnType<typeof import("./register-case.js").caseEditor>} editor
 * @property {ReturnType<typeof import("./register-report.js").timelinessReport>} report
 */

/**
 * @param {HTMLElement} root
 * @param {HTMLElement} page
 */
export function registerContext(root, page) {
  /** @type {Record<string, string>} */
  const text = JSON.parse(page.querySelector("[data-register-text]").textContent);
  /** @type {RegisterState} */
  const state = {
    register: null,
    fileName: null,
    handle: null,
    recorded: null,
    base: null,
    unsaved: false,
    changes: 0,
    loaded: null,
    current: undefined,
    lastReport: null,
  };

  /** Show errors at a file box's own message (the box named `field`). */
  function fileErrors(field, errors) {
    const box = page.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (!box) return;
    const message = errors.map((e) => sentence(e.message)).join(" ");
    box.hidden = !message;
    box.closest(".cs-form-group")?.classList.toggle("cs-form-group--error", !!message);
    if (!message) {
      box.replaceChildren();
      return;
    }
    box.replaceChildren(el("span", "cs-visually-hidden", `${words("error_prefix")} `), message);
  }

  return {
    core: startCore(root),
    page,
    text,
    state,
    siteRoot: page.dataset.siteRoot,
    /** A new register or file makes older answers from the core moot. */
    latest: new Latest(),
    /** @param {string} selector */
    $: (selector) => page.querySelector(selector),
    /** The core's refusal, in words (an internal failure says so and keeps everything). */
    refusal(result) {
      const errors = result?.errors?.length ? result.errors : [{ message: text.core_failed }];
      return errors.map((e) => sentence(e.message)).join(" ");
    },
    /** The core's errors, or its "could not answer" when it gave none. */
    errorsOf(result) {
      return result?.errors?.length ? result.errors : [{ field: "", message: text.core_failed }];
    },
    fileErrors,
    // Set by case-register.js, which joins the parts:
    /** @type {RegisterParts} */
    parts: /** @type {any} */ ({}),
    /** @type {import("./drafts.js").Drafts} */
    drafts: null,
    /** Ask in `panel` before `action` would lose work; `from` gets the focus back on "No".
     * @type {(panel: HTMLElement, words: string, yes: string, action: () => void,
     *   from: HTMLElement) => void} */
    ask: null,
    /** A change to the register: not yet in the file, kept in the draft, shown again.
     * @type {(register: object) => void} */
    changed: null,
    /** Forget the register and everything shown of it: every box, hidden ones too.
     * @type {(options?: {keepMessage?: boolean}) => void} */
    clearAll: null,
  };
}

/** @typedef {ReturnType<typeof registerContext>} RegisterContext */

/** The page's words with their {placeholders} filled in. */
export const fill = (template, values) =>
  template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));

/**
 * @param {string} tag
 * @param {string} [className]
 * @param {string | null} [content]
 */
export function el(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined && content !== null) node.textContent = content;
  return node;
}

/** Say `message` in a notice area; `problem` shows it as an error. */
export function say(area, message, problem = false) {
  if (!message) {
    area.replaceChildren();
    return;
  }
  area.replaceChildren(el("p", problem ? "cs-error-message" : "", message));
}

/** At most `maxBytes` and one more of a file's text (the core refuses a larger one). */
export async function readText(file, maxBytes) {
  return file.slice(0, maxBytes + 1).text();
}

export async function sha256(content) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(content));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A table's column names, for a phone, where each row is a card naming each value. */
export function columnNames(table) {
  return [...table.querySelectorAll("thead th")].map((th) => th.textContent);
}

// The page glue every form tool shares (the referral; Appendix 1's templates): drafts on
// this device, repeatable rows, checks by the core, "Check your answers", files and exports.
// Field names, messages, the summary and the files all come from the core; this only carries
// them between the page and the worker.
import { Latest, startCore } from "./core.js";
import { summary } from "./check-answers.js";
import { Component } from "./component.js";
import { Drafts, HANDOFF_PREFIX } from "./drafts.js";
import {
  applyShowIf, base64ToBlob, clearErrors, debounce, download, readAnswers, readFile,
  refusedFile, sentence, showErrors, today, updateCounts, writeAnswers,
} from "./form-ui.js";
import * as storage from "./storage.js";
import { words } from "./words.js";

const ROW = "__i__";

/** A draft saved before a field was renamed, with its answers under the current names
 *  (the core's ``renamed_answers``; a date's three boxes follow their field; an answer that
 *  moved to another field is ``"field=answer": "field=answer"``). */
function renameOld(answers, renamed) {
  if (!answers) return answers;
  const out = {};
  for (const [name, value] of Object.entries(answers)) {
    const moved = typeof value === "string" ? renamed[`${name}=${value}`] : undefined;
    if (typeof moved === "string") {
      const at = moved.indexOf("=");
      out[moved.slice(0, at)] = moved.slice(at + 1);
      continue;
    }
    const [, field, box = ""] = /^(.*?)(-day|-month|-year)?$/.exec(name);
    const current = Object.hasOwn(renamed, field) ? renamed[field] + box : name;
    if (!(current in out) || current === name) out[current] = value;
  }
  return out;
}

/**
 * What a page's own glue (rapid-review.js, action-plan.js...) works through.
 * @typedef {object} FormPage
 * @property {ReturnType<typeof startCore>} core
 * @property {HTMLFormElement} form
 * @property {HTMLElement} root
 * @property {(answers: object, options?: {sameCase?: boolean}) => void} setAnswers
 *   fills the form in; the same case (a file's filling-in) keeps what the page said
 * @property {() => void} saveDraft
 * @property {(where: HTMLElement, message: string, isError?: boolean) => void} say
 * @property {() => string} today
 * @property {Latest} thisCase moves on whenever the form starts another case
 */

/**
 * A form tool (the referral, the scoping return, the Rapid Review, the local review, the
 * action plan): the shared form machinery on the form its page renders. A form with files
 * of its own to read or make (the Rapid Review's "Add agency returns") adds them in
 * `ready(page)`.
 */
export class FormTool extends Component {
  /** @param {Element} root */
  constructor(root) {
    super(root);
    const form = /** @type {HTMLFormElement} */ (this.need("form[data-form]"));
    /** @type {FormPage} */
    this.page = startFormPage(this.root, form);
    this.ready(this.page);
  }

  /** @param {FormPage} page */
  // eslint-disable-next-line no-unused-vars
  ready(page) {}
}

/**
 * @param {HTMLElement} root
 * @param {HTMLFormElement} form
 * @returns {FormPage}
 */
function startFormPage(root, form) {
  const formId = form.dataset.form;
  const draftDays = Number(form.dataset.draftDays);
  const summaryBox = form.querySelector("[data-error-summary]");
  const checkView = root.querySelector("[data-check-view]");
  const draftStatus = root.querySelector("[data-draft-status]");
  const fileMessage = root.querySelector("[data-file-message]");
  const exportMessage = root.querySelector("[data-export-message]");
  const namesWarning = root.querySelector("[data-names-warning]");
  const core = startCore(root);
  // What each computed field says before anything is typed, to show again for a new case.
  const computedAtFirst = new Map(
    [...form.querySelectorAll("[data-computed-for]")].map((el) => [el, el.textContent]));
  const now = () => new Date().toLocaleString("en-GB", {
    day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit",
  }).replace(",", ""); // dd/mm/yyyy hh:mm, local time

  // --- repeatable rows -------------------------------------------------------------------

  function rowsOf(name) {
    return [...form.querySelectorAll(`[data-rows="${name}"] > [data-row]`)];
  }

  function renumber(name) {
    const rows = rowsOf(name);
    rows.forEach((row, index) => {
      for (const el of row.querySelectorAll("*")) {
        for (const attr of ["id", "for", "name", "aria-describedby", "data-field",
          "data-error-for", "data-count-for", "data-show-if-prefix"]) {
          const value = el.getAttribute(attr);
          if (!value) continue;
          el.setAttribute(attr, value
            .replace(new RegExp(`^${name}\\.(\\d+|${ROW})\\.`), `${name}.${index}.`)
            .replace(new RegExp(`${name}-(\\d+|${ROW})-`, "g"), `${name}-${index}-`));
        }
      }
      row.querySelector("[data-row-number]").textContent = String(index + 1);
      row.querySelector("[data-remove-row]").textContent =
        row.querySelector("[data-remove-row]").textContent.replace(/ \d+$/, "") + ` ${index + 1}`;
    });
    const empty = form.querySelector(`[data-rows-empty="${name}"]`);
    if (empty) empty.hidden = rows.length > 0;
    // A part takes at most its limit (the core's Repeat.max_items): no more rows are offered.
    const section = form.querySelector(`[data-repeat="${name}"]`);
    const add = form.querySelector(`[data-add-row="${name}"]`);
    const full = rows.length >= (Number(section?.dataset.maxItems) || Infinity);
    if (add) add.hidden = full;
    const limit = form.querySelector(`[data-rows-full="${name}"]`);
    if (limit) limit.hidden = !full;
  }

  function newRow(name) {
    const template = /** @type {HTMLTemplateElement} */ (
      form.querySelector(`template[data-row-template="${name}"]`));
    return /** @type {HTMLElement} */ (template.content.firstElementChild.cloneNode(true));
  }

  function addRow(name, { focus = false } = {}) {
    const row = newRow(name);
    form.querySelector(`[data-rows="${name}"]`).append(row);
    renumber(name);
    applyShowIf(form);
    updateCounts(form);
    if (focus) row.querySelector("input, textarea")?.focus();
    return row;
  }

  // As many rows of each part as the answers have, added in one pass and numbered once (a
  // row at a time renumbered every row each time). The core refuses a file with more rows
  // than a part takes, so the count here is at most the part's limit.
  function setRowCounts(answers) {
    for (const section of form.querySelectorAll("[data-repeat]")) {
      const name = section.dataset.repeat;
      const pattern = new RegExp(`^${name}\\.(\\d+)\\.`);
      let wanted = 0;
      for (const key of Object.keys(answers)) {
        const match = key.match(pattern);
        if (match) wanted = Math.max(wanted, Number(match[1]) + 1);
      }
      const max = Number(section.dataset.maxItems) || Infinity;
      wanted = Math.min(wanted, max);
      for (const row of rowsOf(name).slice(wanted)) row.remove();
      const missing = wanted - rowsOf(name).length;
      if (missing > 0) {
        const batch = document.createDocumentFragment();
        for (let i = 0; i < missing; i++) batch.append(newRow(name));
        form.querySelector(`[data-rows="${name}"]`).append(batch);
      }
      renumber(name);
    }
  }

  form.addEventListener("click", (event) => {
    const add = /** @type {HTMLElement} */ (event.target).closest("[data-add-row]");
    if (add) {
      addRow(add.dataset.addRow, { focus: true });
      drafts.saveNow();
      return;
    }
    const remove = /** @type {HTMLElement} */ (event.target).closest("[data-remove-row]");
    if (remove) {
      const row = remove.closest("[data-row]");
      const name = row.dataset.row;
      row.remove();
      renumber(name);
      drafts.saveNow();
      form.querySelector(`[data-add-row="${name}"]`).focus();
    }
  });

  // --- one case at a time ----------------------------------------------------------------

  /** Make the form hold exactly `answers` and nothing else: every input (hidden, repeated
   *  or shown-if), the computed fields, the warnings, the errors and the summary. A restored
   *  draft, an opened file, a deleted draft and a file's filling-in all come through here.
   *  Unless it is the same case (filled in from a file), what the page said about files is
   *  cleared too. */
  const thisCase = new Latest();
  function setAnswers(answers, { sameCase = false } = {}) {
    if (!sameCase) thisCase.moveOn();
    setRowCounts(answers);
    writeAnswers(form, answers);
    showChecker(answers.checker);
    clearErrors(form, summaryBox);
    showWarnings([]);
    for (const [el, text] of computedAtFirst) el.textContent = text;
    if (!checkView.hidden) showForm();
    returnToCheck = false;
    backToCheck.hidden = true;
    // What the page said about the previous case's files goes with it.
    if (!sameCase) for (const box of root.querySelectorAll(".cs-notice")) box.replaceChildren();
    // So do the date its letters were to carry, any warning about names in them, and any
    // box of a page's own (an agency's name for its sheet), which no answer names.
    if (!sameCase) {
      const dateBoxes = /** @type {NodeListOf<HTMLInputElement>} */ (
        checkView.querySelectorAll("[name^='letter_date-']"));
      for (const box of dateBoxes) box.value = "";
      const ownBoxes = /** @type {NodeListOf<HTMLInputElement>} */ (
        form.querySelectorAll("input:not([name]):not([type='file'])"));
      for (const box of ownBoxes) box.value = "";
      hideNames();
    }
    refreshLive();
  }

  // --- what the core works out as the user types (computed fields, warnings such as a
  // meeting outside its window or a name the PDF cannot show) ------------------------------

  function showWarnings(warnings) {
    for (const old of form.querySelectorAll("[data-form-warning]")) old.remove();
    for (const warning of warnings) {
      const fid = warning.field.replaceAll(".", "-");
      const group = form.querySelector(`[data-field="${CSS.escape(fid)}"]`);
      if (!group) continue;
      const box = document.createElement("div");
      box.className = "cs-form-warning";
      box.dataset.formWarning = warning.field;
      const icon = document.createElement("span");
      icon.className = "cs-form-warning__icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = "!";
      const text = document.createElement("strong");
      text.className = "cs-form-warning__text";
      const hidden = document.createElement("span");
      hidden.className = "cs-visually-hidden";
      hidden.textContent = "Warning: ";
      text.append(hidden, document.createTextNode(warning.message));
      box.append(icon, text);
      group.append(box);
    }
  }

  const live = new Latest();
  async function refreshLive() {
    const mine = live.ask();
    const result = await core.call("form_computed", {
      form: formId, answers: readAnswers(form), today: today() });
    // Only the newest answers are shown: an older reply may belong to the previous case.
    if (!live.holds(mine)) return;
    // A failed call is shown by the core's status area; what was typed stays as it is.
    if (!result.ok) return;
    for (const item of result.computed) {
      const el = form.querySelector(`[data-computed-for="${CSS.escape(item.field)}"]`);
      if (el) el.textContent = item.text;
    }
    showWarnings(result.warnings);
  }
  const refreshLater = debounce(refreshLive, 300);

  // --- drafts on this device ---------------------------------------------------------------

  const drafts = new Drafts(formId, draftDays, {
    status: draftStatus,
    notice: root.querySelector("[data-tab-notice]"),
    noticeText: root.querySelector("[data-tab-notice-text]"),
    takeButton: root.querySelector("[data-take-draft]"),
  }, () => readAnswers(form));
  const saveDraft = () => drafts.saveNow();

  // Deleting cannot be undone, so it is asked first (GOV.UK: confirm a destructive action).
  const deleteButton = root.querySelector("[data-delete-draft]");
  const confirmBox = root.querySelector("[data-delete-confirm]");
  deleteButton?.addEventListener("click", () => {
    confirmBox.hidden = false;
    confirmBox.querySelector("h2, h3, p")?.focus();
  });
  confirmBox?.querySelector("[data-delete-cancel]").addEventListener("click", () => {
    confirmBox.hidden = true;
    deleteButton.focus();
  });
  confirmBox?.querySelector("[data-delete-yes]").addEventListener("click", () => {
    drafts.remove(); // first: nothing pending is written back after it
    confirmBox.hidden = true;
    setAnswers({});
    deleteButton.focus();
  });

  form.addEventListener("input", (event) => {
    if (/** @type {HTMLElement} */ (event.target).matches("[data-maxlength]")) updateCounts(form);
    drafts.saveSoon();
    refreshLater();
  });
  form.addEventListener("change", () => {
    applyShowIf(form);
    drafts.saveSoon();
    refreshLater();
  });
  window.addEventListener("pagehide", () => drafts.flush());

  // --- the criteria checker's answers ----------------------------------------------------

  function showChecker(value) {
    const panel = form.querySelector("[data-checker-outcome]");
    if (!panel) return;
    let record;
    try {
      record = value ? JSON.parse(value) : null;
    } catch {
      record = null;
    }
    panel.hidden = !record;
    if (record) {
      panel.querySelector("[data-checker-text]").textContent = record.checked_at
        ? words("checker_answers_on", { date: record.checked_at })
        : words("checker_answers");
    }
  }

  // The criteria checker's answers arrive in this browser's storage, or, where storage is
  // blocked or full, in the address's fragment (never sent to any server, nor in a
  // Referer); either is removed as soon as it is read.
  async function takeHandoff(draftOpen) {
    const params = new URLSearchParams(location.search);
    if (params.get("from") !== "checker") return;
    const key = `${HANDOFF_PREFIX}${formId}`;
    const fragment = new URLSearchParams(location.hash.slice(1)).get("checker");
    const raw = fragment ?? storage.getItem(key);
    storage.removeItem(key);
    history.replaceState(null, "", location.pathname);
    let handoff;
    try {
      handoff = JSON.parse(raw ?? "null");
    } catch {
      handoff = null;
    }
    if (!handoff) return;
    const result = await core.call("referral_from_check", handoff);
    if (!result.ok) return say(fileMessage, sentence(result.errors[0].message), true);
    const choice = root.querySelector("[data-handoff-choice]");
    if (!draftOpen || !choice) {
      setAnswers(result.answers);
      saveDraft();
      return;
    }
    // A draft of some case is open: never merge a new case into it without asking.
    choice.hidden = false;
    choice.querySelector("h2").focus();
    const decide = (merge) => {
      choice.hidden = true;
      if (!merge) drafts.remove();
      if (merge) setAnswers({ ...readAnswers(form), ...result.answers }, { sameCase: true });
      else setAnswers(result.answers);
      saveDraft();
      form.querySelector("input:not([type=hidden]), textarea, select")?.focus();
    };
    choice.querySelector("[data-handoff-new]").onclick = () => decide(false);
    choice.querySelector("[data-handoff-add]").onclick = () => decide(true);
  }

  // --- files -----------------------------------------------------------------------------

  function say(box, message, isError = false) {
    box.replaceChildren();
    if (!message) return;
    const p = document.createElement("p");
    p.className = isError ? "cs-error-message" : "";
    p.textContent = message;
    box.append(p);
  }

  root.querySelector("[data-save-file]")?.addEventListener("click", async () => {
    const result = await core.call("form_export", {
      form: formId, format: "json", answers: readAnswers(form), today: today() });
    if (!result.ok) return say(fileMessage, sentence(result.errors[0].message), true);
    download(result.filename, new Blob([result.text], { type: result.mime }));
    say(fileMessage, words("file_saved", { name: result.filename }));
  });

  const opener = /** @type {HTMLInputElement | null} */ (root.querySelector("[data-open-file]"));
  opener?.addEventListener("change", async () => {
    const file = opener.files?.[0];
    if (!file) return;
    let read;
    try {
      read = await readFile(file, Number(opener.dataset.maxBytes));
    } catch {
      opener.value = "";
      return say(fileMessage, words("file_unreadable", { name: file.name }), true);
    }
    opener.value = "";
    const result = await core.call("form_open", { form: formId, ...read });
    if (!result.ok) {
      return say(fileMessage, refusedFile(result), true);
    }
    setAnswers(result.answers);
    saveDraft();
    say(fileMessage, words("file_opened", { name: file.name }));
  });

  // --- check answers and export ----------------------------------------------------------

  let returnToCheck = false;

  function showForm(focusId) {
    checkView.hidden = true;
    form.hidden = false;
    if (focusId) {
      const target = document.getElementById(focusId);
      target?.closest(".cs-form-group")?.scrollIntoView({ block: "start" });
      target?.focus({ preventScroll: true });
    }
  }

  function renderSummary(sections) {
    checkView.querySelector("[data-summary]").replaceChildren(...summary(sections, (href) => {
      returnToCheck = true;
      backToCheck.hidden = false;
      showForm(href.slice(1));
    }));
  }

  function renderCheckWarnings(warnings) {
    const box = checkView.querySelector("[data-check-warnings]");
    if (!box) return;
    const list = box.querySelector("ul");
    list.replaceChildren();
    for (const warning of warnings) {
      const item = document.createElement("li");
      item.textContent = sentence(warning.message);
      list.append(item);
    }
    box.hidden = warnings.length === 0;
  }

  async function checkAnswers() {
    const result = await core.call("form_check", {
      form: formId, answers: readAnswers(form), today: today() });
    if (result.failed) return showErrors(form, summaryBox, result.errors);
    if (!result.ok) return showErrors(form, summaryBox, result.errors);
    clearErrors(form, summaryBox);
    renderSummary(result.summary);
    renderCheckWarnings(result.warnings ?? []);
    form.hidden = true;
    backToCheck.hidden = true;
    returnToCheck = false;
    checkView.hidden = false;
    exportMessage.replaceChildren();
    checkView.focus();
    window.scrollTo({ top: checkView.getBoundingClientRect().top + window.scrollY - 80 });
  }

  // "Change" returns to the field; this returns to the answers (GOV.UK "and back").
  const backToCheck = document.createElement("button");
  backToCheck.type = "button";
  backToCheck.className = "md-button md-button--primary cs-back-to-check";
  backToCheck.textContent = words("back_to_check");
  backToCheck.hidden = true;
  backToCheck.addEventListener("click", checkAnswers);
  form.querySelector("[data-check]").after(backToCheck);

  form.querySelector("[data-check]").addEventListener("click", checkAnswers);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    checkAnswers();
  });
  form.addEventListener("focusin", (event) => {
    // Beside the field being changed, a quick way back to the summary.
    if (!returnToCheck) return;
    const group = /** @type {HTMLElement} */ (event.target).closest(".cs-form-group");
    if (group && !group.contains(backToCheck)) group.after(backToCheck);
  });
  checkView.querySelector("[data-back-to-form]").addEventListener("click", () => showForm());
  checkView.querySelector("[data-print-button]").addEventListener("click", () => window.print());

  /** The "Date on the letters" boxes as an ISO date for the core to check (blank: today). */
  function letterDate() {
    const box = (part) => /** @type {HTMLInputElement | null} */ (
      checkView.querySelector(`[name="letter_date-${part}"]`))?.value.trim();
    const [day, month, year] = ["day", "month", "year"].map((p) => box(p) ?? "");
    if (!day && !month && !year) return {};
    return { date: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` };
  }

  // A document whose free text holds a name the referral gives (the core's ``names``) is
  // made only when the user says so, after seeing which boxes hold one.
  let namesFormat = null;
  function showNames(format, errors) {
    namesFormat = format;
    namesWarning.querySelector("[data-names-list]").replaceChildren(...errors.map((e) => {
      const item = document.createElement("li");
      item.textContent = sentence(e.message);
      return item;
    }));
    namesWarning.hidden = false;
    namesWarning.focus();
  }
  function hideNames() {
    if (!namesWarning) return;
    namesWarning.hidden = true;
    namesFormat = null;
  }
  namesWarning?.querySelector("[data-names-anyway]").addEventListener("click", () => {
    const format = namesFormat;
    hideNames();
    if (format) makeExport(format, null, { allowNames: true });
  });

  async function makeExport(format, button, { allowNames = false } = {}) {
    if (button) button.disabled = true;
    hideNames();
    say(exportMessage, words(format === "json" ? "making_file" : "making_document"));
    try {
      const result = await core.call("form_export", {
        form: formId, format, answers: readAnswers(form), today: today(), now: now(),
        ...letterDate(), ...(allowNames ? { allow_names: true } : {}) });
      if (result.failed) return say(exportMessage, sentence(result.errors[0].message), true);
      if (result.names) {
        say(exportMessage, "");
        return showNames(format, result.errors);
      }
      if (!result.ok && result.errors.every((e) => e.field === "date")) {
        // The "Date on the letters" is in this view, not in the form: said and fixed here.
        say(exportMessage, sentence(result.errors[0].message), true);
        checkView.querySelector("[name='letter_date-day']")?.focus();
        return;
      }
      if (!result.ok) {
        showForm();
        return showErrors(form, summaryBox, result.errors);
      }
      const blob = result.base64
        ? base64ToBlob(result.base64, result.mime)
        : new Blob([result.text], { type: result.mime });
      download(result.filename, blob);
      say(exportMessage, words("file_downloaded", { name: result.filename }));
      const next = checkView.querySelector("[data-next-steps]");
      if (next) next.hidden = false;
    } catch (error) {
      say(exportMessage, words("not_made", { problem: error.message }), true);
    } finally {
      if (button) button.disabled = false;
    }
  }
  for (const button of checkView.querySelectorAll("[data-export]")) {
    button.addEventListener("click", () => makeExport(button.dataset.export, button));
  }

  // --- start -------------------------------------------------------------------------------

  const restored = renameOld(drafts.restore(), JSON.parse(form.dataset.renamed || "{}"));
  if (restored) setAnswers(restored);
  applyShowIf(form);
  updateCounts(form);
  // Only a draft with something in it is a case the hand-off could be mixed into.
  const draftOpen = Object.values(restored ?? {}).some((v) => (Array.isArray(v) ? v.length : v));
  takeHandoff(draftOpen);
  refreshLive();
  // A page's own glue (the Rapid Review's "Add agency returns") works through these.
  // thisCase moves on whenever the form starts another case, so an answer the core gives
  // about the previous one can be dropped.
  return { core, form, root, setAnswers, saveDraft, say, today, thisCase };
}

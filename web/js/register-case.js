// One case of the register: its boxes, its deadlines, what it is waiting for, its timeline
// and every step, as the core gives them; saving or deleting it, and filling it in from a
// document the partnership's tools saved (a referral, a Rapid Review...).
import { Latest } from "./core.js";
import { clearErrors, readAnswers, showErrors, today, writeAnswers } from "./form-ui.js";
import { showPicture } from "./picture.js";
import { columnNames, el, fill, readText, say } from "./register-context.js";

/** A date's error links to its first box (GOV.UK): "meeting" -> #meeting-day. */
export function linked(errors, prefix = "") {
  return errors.map((error) => {
    const field = `${prefix}${error.field ?? ""}`;
    const first = document.getElementById(`${field}-day`);
    return { ...error, field, ...(first ? { href: `#${first.id}` } : {}) };
  });
}

/** @param {import("./register-context.js").RegisterContext} r */
export function caseEditor(r) {
  const { core, text, state: s, $, latest, page } = r;
  const caseForm = /** @type {HTMLFormElement} */ ($("[data-case-form]"));
  const caseView = $("[data-case-view]");
  const caseTitle = $("[data-case-title]");
  const caseDetails = $("[data-case-details]");
  const caseMore = $("[data-case-more]");
  const caseSummary = caseForm.querySelector("[data-error-summary]");
  const caseMessage = $("[data-case-message]");
  const caseConfirm = $("[data-delete-case-confirm]");
  const backConfirm = $("[data-back-confirm]");
  const documentMessage = $("[data-document-file-message]");
  const waitingBlock = $("[data-case-waiting-block]");
  const stepsTable = $("[data-steps]");
  // Which case the page shows: an answer about one case never fills in another, nor a new
  // case being typed, nor the list the user went back to.
  const shown = new Latest();

  /** Whether the register is still as it was at `taken` (s.changes): an answer computed
   *  from an older register would undo a change saved meanwhile, so it is not applied. */
  function stillAsAt(taken, where) {
    if (s.changes === taken) return true;
    say(where, text.changed_meanwhile, true);
    return false;
  }

  /** The boxes as the page reads them, in one comparable form. */
  function boxes() {
    const answers = readAnswers(caseForm);
    return JSON.stringify(Object.keys(answers).sort().map((k) => [k, answers[k]]));
  }
  /** Keep what the boxes hold now as what was shown (a case opened, added or saved). */
  function remember() {
    s.loaded = boxes();
  }
  /** Has anything been typed in the case shown that is not saved to the register? */
  function changed() {
    return s.current !== undefined && s.loaded !== null && !caseView.hidden && boxes() !== s.loaded;
  }

  /** Empty everything shown of a case, hidden parts too (nothing of it is left behind). */
  function clearView() {
    caseTitle.textContent = text.new_case_heading;
    $("[data-case-stage]").replaceChildren();
    $("[data-case-deadlines]").replaceChildren();
    $("[data-case-warnings]").replaceChildren();
    $("[data-case-waiting]").replaceChildren();
    waitingBlock.hidden = true;
    $("[data-timeline]").replaceChildren();
    stepsTable.querySelector("tbody").replaceChildren();
    $("[data-sources]").replaceChildren();
    $("[data-sources-block]").hidden = true;
    caseDetails.hidden = true;
    caseMore.hidden = true;
    caseView.hidden = true;
  }

  function add() {
    shown.moveOn();
    s.current = null;
    writeAnswers(caseForm, {});
    remember();
    clearErrors(caseForm, caseSummary);
    say(caseMessage, "");
    clearView();
    caseConfirm.hidden = true;
    backConfirm.hidden = true;
    r.parts.list.hide();
    caseTitle.focus();
    r.drafts.saveSoon();
  }

  /** Show case `index` as the core describes it; `answers` keeps what was typed. */
  async function open(index, { answers = null, focus = true, keepMessages = false } = {}) {
    const mine = latest.now();
    const view = shown.ask();
    const result = await core.call("register_case", { register: s.register, index, today: today() });
    if (!latest.holds(mine) || !shown.holds(view)) return;
    if (!result.ok) {
      say(r.parts.list.message, r.refusal(result), true);
      return;
    }
    s.current = index;
    const c = result.case;
    // What was loaded is what a change is measured from, whatever a draft brings back.
    writeAnswers(caseForm, result.answers);
    remember();
    if (answers) writeAnswers(caseForm, answers);
    clearErrors(caseForm, caseSummary);
    if (!keepMessages) {
      say(caseMessage, "");
      say(documentMessage, "");
      r.fileErrors("document-file", []);
    }
    caseConfirm.hidden = true;
    backConfirm.hidden = true;
    caseTitle.textContent = fill(text.case_heading, { reference: c.reference });
    $("[data-case-stage]").textContent = result.stage_label;
    $("[data-case-deadlines]").replaceChildren(...(result.deadlines.length
      ? result.deadlines.map(deadline)
      : [el("li", "", text.deadlines_none)]));
    // Which dates would let further steps be worked out, as the core words it.
    const waiting = Array.isArray(result.waiting) ? result.waiting : [];
    $("[data-case-waiting]").replaceChildren(...waiting.map((w) => {
      const li = el("li", "", w.text);
      li.dataset.needs = (w.needs ?? []).join(" ");
      const steps = el("ul");
      steps.append(...(w.milestones ?? []).map((m) => el("li", "", m.label)));
      li.append(steps);
      return li;
    }));
    waitingBlock.hidden = waiting.length === 0;
    $("[data-case-warnings]").replaceChildren(...(result.warnings ?? []).map((w) => {
      const p = el("p", "cs-form-warning");
      p.append(el("strong", "", `${text.warning}: `), w.message ?? String(w));
      return p;
    }));
    showPicture($("[data-timeline]"), result.timeline);
    const names = columnNames(stepsTable);
    stepsTable.querySelector("tbody").replaceChildren(...result.steps.map((x) => step(x, names)));
    const sources = result.sources_text ?? [];
    $("[data-sources]").replaceChildren(...sources.map((x) => el("li", "", x)));
    $("[data-sources-block]").hidden = sources.length === 0;
    caseDetails.hidden = false;
    caseMore.hidden = false;
    r.parts.list.hide();
    if (focus) caseTitle.focus();
    r.drafts.saveSoon();
  }

  function deadline(d) {
    const li = el("li");
    li.dataset.deadline = d.id;
    li.dataset.due = d.due;
    li.dataset.status = d.status;
    li.append(el("strong", `cs-tag cs-tag--${d.status}`, d.status_label), " ",
      `${d.label}: ${d.due_text} (${d.left_text})`);
    return li;
  }

  function step(x, names) {
    const tr = document.createElement("tr");
    tr.dataset.step = x.id;
    tr.dataset.state = x.state;
    const number = el("td", "", x.number === undefined || x.number === null ? "" : String(x.number));
    const label = /** @type {HTMLTableCellElement} */ (el("th", "", x.label));
    label.scope = "row";
    const when = el("td");
    if (x.due) {
      const time = /** @type {HTMLTimeElement} */ (el("time", "", x.date_text));
      time.dateTime = x.due;
      when.append(time);
    } else {
      when.textContent = x.date_text ?? "";
    }
    const basis = el("td");
    basis.append(el("span", "", x.basis ?? ""));
    if (x.note) basis.append(el("p", "cs-register__note", x.note));
    const section = el("td");
    const link = /** @type {HTMLAnchorElement} */ (el("a", "", x.section));
    link.href = r.siteRoot + x.cite_path;
    if (x.section_title) link.title = x.section_title;
    section.append(link);
    const state = el("td");
    if (x.state_label) state.append(el("strong", `cs-tag cs-tag--${x.state}`, x.state_label));
    // On a phone each step is a card, each value with its column's name (case-register.css).
    [number, label, when, basis, section, state].forEach((cell, i) => {
      if (cell.tagName === "TD") cell.dataset.label = names[i] ?? "";
    });
    tr.append(number, label, when, basis, section, state);
    return tr;
  }

  /** The core's refusal of the boxes, beside each box and in the summary. */
  function showRefusal(result) {
    showErrors(caseForm, caseSummary, linked(r.errorsOf(result)));
  }

  caseForm.addEventListener("input", () => r.drafts.saveSoon());
  caseForm.addEventListener("change", () => r.drafts.saveSoon());
  caseForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!s.register) return;
    const answers = readAnswers(caseForm);
    const mine = latest.now();
    const taken = s.changes;
    const view = shown.now();
    const result = await core.call("register_save_case", {
      register: s.register, index: s.current ?? null, answers });
    if (!latest.holds(mine) || !shown.holds(view) || !stillAsAt(taken, caseMessage)) return;
    if (!result.ok) {
      showRefusal(result);
      return;
    }
    r.changed(result.register);
    await open(result.index, { focus: false });
    say(caseMessage, text.case_saved);
    caseTitle.focus();
  });

  for (const button of page.querySelectorAll("[data-back]")) {
    button.addEventListener("click", () => {
      const index = s.current;
      const back = () => {
        backConfirm.hidden = true;
        r.parts.list.backTo(index);
      };
      if (changed()) r.ask(backConfirm, text.case_changes_back, text.case_back_yes, back, button);
      else back();
    });
  }
  $("[data-add-case]").addEventListener("click", add);

  $("[data-delete-case]").addEventListener("click", () => {
    caseConfirm.hidden = false;
    caseConfirm.querySelector("p").focus();
  });
  $("[data-delete-case-cancel]").addEventListener("click", () => {
    caseConfirm.hidden = true;
    $("[data-delete-case]").focus();
  });
  $("[data-delete-case-yes]").addEventListener("click", async () => {
    if (s.current === undefined || s.current === null) return;
    const reference = readAnswers(caseForm).reference ?? "";
    const mine = latest.now();
    const taken = s.changes;
    const view = shown.now();
    const result = await core.call("register_delete_case", { register: s.register, index: s.current });
    if (!latest.holds(mine) || !shown.holds(view) || !stillAsAt(taken, caseMessage)) return;
    if (!result.ok) {
      say(caseMessage, r.refusal(result), true);
      return;
    }
    caseConfirm.hidden = true;
    r.changed(result.register);
    backConfirm.hidden = true;
    await r.parts.list.backTo(null);
    say(r.parts.list.message, fill(text.case_deleted, { reference }));
  });

  /** A saved document: into case `index()`, or (null) a new case started from it. */
  function documentInput(name, index) {
    const input = /** @type {HTMLInputElement} */ ($(`[data-${name}]`));
    const message = $(`[data-${name}-message]`);
    input.addEventListener("change", async () => {
      const [file] = input.files ?? [];
      if (!file || !s.register) return;
      r.fileErrors(name, []);
      say(message, text.document_reading);
      let content;
      try {
        content = await readText(file, Number(input.dataset.maxBytes));
      } catch {
        say(message, "");
        r.fileErrors(name, [{ message: fill(text.file_unreadable, { name: file.name }) }]);
        return;
      } finally {
        input.value = "";
      }
      let forCase = index();
      const mine = latest.now();
      let taken = s.changes;
      // What is typed in the case and not saved goes to the register first, checked by the
      // core like "Save the case"; the document then fills only what the saved case lacks.
      let saved = false;
      if (forCase !== null && changed()) {
        const answers = readAnswers(caseForm);
        const first = await core.call("register_save_case", { register: s.register, index: forCase, answers });
        if (!latest.holds(mine)) return;
        if (!stillAsAt(taken, message)) return;
        if (!first.ok) {
          say(message, "");
          r.fileErrors(name, [{ message: text.document_not_added }]);
          showRefusal(first);
          return;
        }
        clearErrors(caseForm, caseSummary);
        r.changed(first.register);
        taken = s.changes;
        forCase = first.index;
        saved = true;
      }
      const result = await core.call("register_add_document", {
        register: s.register, index: forCase, file: { name: file.name, content }, today: today() });
      if (!latest.holds(mine)) return;
      if (!stillAsAt(taken, message)) return;
      say(message, "");
      if (!result.ok) {
        // The case as saved (the boxes' own words, as the core keeps them), then the refusal.
        if (saved) await open(forCase, { focus: false, keepMessages: true });
        if (!latest.holds(mine)) return;
        r.fileErrors(name, r.errorsOf(result));
        input.focus();
        return;
      }
      r.changed(result.register);
      await open(result.index, { focus: forCase === null, keepMessages: true });
      // The core's words about what it filled in, beside the case's own document box.
      documentMessage.replaceChildren(...(result.messages ?? []).map((m) => el("p", "", m)));
    });
  }
  documentInput("document-file", () => s.current ?? null);
  documentInput("new-document-file", () => null);

  return {
    form: caseForm,
    changed,
    add,
    open,
    /** The case is no longer shown (the list is): an answer about it is dropped. */
    leave: () => shown.moveOn(),
    /** Every box of the case and everything shown of it emptied, hidden ones too. */
    clear() {
      s.loaded = null;
      writeAnswers(caseForm, {});
      clearErrors(caseForm, caseSummary);
      clearView();
      r.fileErrors("document-file", []);
      r.fileErrors("new-document-file", []);
      backConfirm.hidden = true;
      caseConfirm.hidden = true;
    },
  };
}

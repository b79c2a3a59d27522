// Page glue for the case register. No rule, no date and no message of its own: it carries the
// register (one JSON document) between the page and the core (csprcore.api register_*) and
// places the core's answers in the page with DOM calls and textContent. Its words come from
// the JSON block the build renders from csprcore.views.register_page.PAGE_TEXT.
// Its parts, each over one region of the page: the file (register-file.js), the list
// (register-list.js), a case (register-case.js) and the report (register-report.js); this
// file joins them, keeps the draft on this device and asks before anything would lose work.
import { Component, createAll } from "./component.js";
import { keptFile } from "./file-handle.js";
import { Drafts } from "./drafts.js";
import { readAnswers, writeAnswers } from "./form-ui.js";
import { caseEditor } from "./register-case.js";
import { fill, registerContext, say } from "./register-context.js";
import { fileKeeping } from "./register-file.js";
import { caseList } from "./register-list.js";
import { timelinessReport } from "./register-report.js";

export class CaseRegister extends Component {
  static moduleName = "csprcore-case-register";

  /** @param {Element} root */
  constructor(root) {
    super(root);
    start(this.root, this.need("[data-register]"));
  }
}

createAll(CaseRegister);

/**
 * @param {HTMLElement} root
 * @param {HTMLElement} page
 */
function start(root, page) {
  const r = registerContext(root, page);
  const { core, text, state: s, $, latest } = r;

  r.drafts = new Drafts("case-register", Number(page.dataset.draftDays), {
    status: $("[data-draft-status]"),
    notice: $("[data-tab-notice]"),
    noticeText: $("[data-tab-notice-text]"),
    takeButton: $("[data-take-draft]"),
  }, () => ({
    register: s.register,
    name: s.fileName,
    unsaved: s.unsaved,
    editing: s.current === undefined
      ? null
      : { index: s.current, answers: readAnswers(r.parts.editor.form) },
  }));
  window.addEventListener("pagehide", () => r.drafts.flush());

  // Whatever would lose work is confirmed first, in a panel that asks and names what would
  // be lost; one question at a time.
  const panels = [$("[data-new-confirm]"), $("[data-back-confirm]")];
  let pending = null;
  r.ask = (panel, words, yes, action, from) => {
    for (const other of panels) other.hidden = true;
    pending = { action, from, panel };
    panel.querySelector("[data-confirm-text]").textContent = words;
    panel.querySelector("[data-confirm-yes]").textContent = yes;
    panel.hidden = false;
    panel.querySelector("p").focus();
  };
  for (const cancel of page.querySelectorAll("[data-new-cancel], [data-back-cancel]")) {
    cancel.addEventListener("click", () => {
      if (pending) pending.panel.hidden = true;
      pending?.from.focus();
      pending = null;
    });
  }
  for (const yes of page.querySelectorAll("[data-new-yes], [data-back-yes]")) {
    yes.addEventListener("click", () => {
      const asked = pending;
      pending = null;
      if (!asked) return;
      asked.panel.hidden = true;
      asked.action();
    });
  }

  /** A change to the register: not yet in the file, kept in the draft, shown again. */
  r.changed = (doc) => {
    s.register = doc;
    s.changes += 1;
    s.unsaved = true;
    r.drafts.saveNow();
    r.parts.file.setStatus();
    r.parts.list.refresh();
    r.parts.report.refresh();
  };

  /** Forget the register and everything shown of it: every box, hidden ones too. */
  r.clearAll = ({ keepMessage = false } = {}) => {
    latest.moveOn();
    Object.assign(s, {
      register: null, fileName: null, handle: null, recorded: null, base: null, unsaved: false,
      current: undefined,
    });
    s.changes += 1;
    pending = null;
    $("[data-delete-confirm]").hidden = true;
    for (const area of page.querySelectorAll(".cs-notice")) {
      if (!(keepMessage && area === r.parts.file.message)) area.replaceChildren();
    }
    for (const part of Object.values(r.parts)) part.clear();
    r.parts.file.setStatus();
  };

  r.parts.file = fileKeeping(r);
  r.parts.list = caseList(r);
  r.parts.editor = caseEditor(r);
  r.parts.report = timelinessReport(r);

  // --- the draft on this device ------------------------------------------------------------

  const deleteDraft = $("[data-delete-draft]");
  const deleteConfirm = $("[data-delete-confirm]");
  deleteDraft.addEventListener("click", () => {
    deleteConfirm.hidden = false;
    deleteConfirm.querySelector("p").focus();
  });
  $("[data-delete-cancel]").addEventListener("click", () => {
    deleteConfirm.hidden = true;
    deleteDraft.focus();
  });
  $("[data-delete-yes]").addEventListener("click", () => {
    r.drafts.remove(); // first: nothing pending is written back after it
    deleteConfirm.hidden = true;
    r.clearAll();
    r.parts.file.keep(); // the draft is gone, and the file's handle with it
    r.parts.list.show();
    deleteDraft.focus();
  });

  async function restoreDraft(saved) {
    // The draft is read by the core like any file, before anything on the page uses it.
    const mine = latest.ask();
    const name = typeof saved.name === "string" && saved.name ? saved.name : text.default_file_name;
    const result = await core.call("register_open", {
      file: { name, content: JSON.stringify(saved.register) } });
    if (!latest.holds(mine)) return;
    const fileMessage = r.parts.file.message;
    if (!result.ok) {
      say(fileMessage, r.refusal(result), true);
      return;
    }
    s.register = result.register;
    s.fileName = typeof saved.name === "string" && saved.name ? saved.name : null;
    s.unsaved = saved.unsaved === true;
    // The file it came from, where this browser kept its handle: Save writes back to it.
    const kept = s.fileName ? await keptFile() : null;
    if (!latest.holds(mine)) return;
    if (kept && kept.name === s.fileName) {
      s.handle = kept.handle;
      s.recorded = kept.recorded ?? null;
      s.base = kept.base ?? null;
    }
    r.parts.file.setStatus();
    if (s.fileName) {
      say(fileMessage, fill(s.handle ? text.file_restored_in_place : text.file_restored,
                            { name: s.fileName }));
    }
    r.parts.list.show();
    const editing = saved.editing;
    if (editing && typeof editing === "object" && editing.answers) {
      if (editing.index === null) {
        r.parts.editor.add();
        writeAnswers(r.parts.editor.form, editing.answers);
      } else if (Number.isInteger(editing.index)) {
        await r.parts.editor.open(editing.index, { answers: editing.answers });
      }
      // What was restored is the draft already kept: "restored" stays said, not "saved".
      r.drafts.cancel();
    }
  }

  r.parts.file.setStatus();
  const draft = r.drafts.restore();
  if (draft && draft.register) restoreDraft(draft);
}

// Page glue for the case register. No rule, no date and no message of its own: it carries the
// register (one JSON document) between the page and the core (csprcore.api register_*), keeps
// the unit's file (open, save in place after checking nobody else has saved it, save a copy,
// download), keeps a draft on this device, and places the core's answers in the page with DOM
// calls and textContent. Its words come from the JSON block the build renders from
// csprcore.views.register_page.PAGE_TEXT.
import { startCore } from "./core.js";
import { Drafts } from "./drafts.js";
import { keepFile, keptFile } from "./file-handle.js";
import {
  base64ToBlob, clearErrors, download, readAnswers, readFile, sentence, showErrors, today,
  writeAnswers,
} from "./form-ui.js";
import { showPicture } from "./picture.js";

const root = document.getElementById("csprcore-tool");
const page = root?.querySelector("[data-register]");
if (root && page) start();

function start() {
  const core = startCore(root);
  const text = JSON.parse(page.querySelector("[data-register-text]").textContent);
  const siteRoot = page.dataset.siteRoot;
  const $ = (selector) => page.querySelector(selector);

  // --- what the page holds -----------------------------------------------------------------
  let register = null; // the register document, as the core gave it
  let fileName = null; // the file it came from or was last saved to
  let handle = null; // its FileSystemFileHandle, where the browser has the API
  let recorded = null; // {lastModified, hash} of that file when opened or last saved
  let base = null; // the register as that file held it then: what a colleague's save is merged from
  let merging = null; // {target, name, theirs, choices, mine} while conflicts are asked
  let unsaved = false; // changes not yet in the file
  let changes = 0; // bumped by every change of the register: a save clears `unsaved` only
  // when no change came while it was writing
  let loaded = null; // the case's boxes as they were when the case was shown (null: no case)
  let current; // undefined: the list; null: a new case; a number: that case
  let generation = 0; // a new register or file makes older answers from the core moot
  let lastReport = null; // {from, to} of the report shown

  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }

  /** Say `message` in a notice area; `problem` shows it as an error. */
  function say(area, message, problem = false) {
    if (!message) {
      area.replaceChildren();
      return;
    }
    area.replaceChildren(el("p", problem ? "cs-error-message" : "", message));
  }

  /** The core's refusal, in words (an internal failure says so and keeps everything). */
  function refusal(result) {
    const errors = result?.errors?.length ? result.errors : [{ message: text.core_failed }];
    return errors.map((e) => sentence(e.message)).join(" ");
  }

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
    box.replaceChildren(el("span", "cs-visually-hidden", "Error: "), message);
  }

  // --- the draft on this device ------------------------------------------------------------

  const caseForm = $("[data-case-form]");
  const drafts = new Drafts("case-register", Number(page.dataset.draftDays), {
    status: $("[data-draft-status]"),
    notice: $("[data-tab-notice]"),
    noticeText: $("[data-tab-notice-text]"),
    takeButton: $("[data-take-draft]"),
  }, () => ({
    register,
    name: fileName,
    unsaved,
    editing: current === undefined ? null : { index: current, answers: readAnswers(caseForm) },
  }));
  window.addEventListener("pagehide", () => drafts.flush());

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
    drafts.remove(); // first: nothing pending is written back after it
    deleteConfirm.hidden = true;
    clearAll();
    keepTheFile(); // the draft is gone, and the file's handle with it
    showRegister();
    deleteDraft.focus();
  });

  /** A change to the register: not yet in the file, kept in the draft, shown again. */
  function changed(doc) {
    register = doc;
    changes += 1;
    unsaved = true;
    drafts.saveNow();
    setFileStatus();
    refreshList();
    refreshReport();
  }

  // --- the file ----------------------------------------------------------------------------

  const fileStatus = $("[data-file-status]");
  const fileMessage = $("[data-file-message]");
  const saveButton = $("[data-save]");
  const copyButton = $("[data-save-copy]");
  const fallbackInput = $("[data-register-input]");
  const newConfirm = $("[data-new-confirm]");
  const conflict = $("[data-conflict]");
  const canPick = typeof window.showOpenFilePicker === "function";
  const canSaveAs = typeof window.showSaveFilePicker === "function";
  const fileTypes = [{ description: text.file_filter, accept: { "application/json": [".json"] } }];

  /** Keep the file's handle (and what it held) for after a reload; none: forget it. */
  function keepTheFile() {
    keepFile(handle ? { handle, name: fileName, recorded, base } : null);
  }

  function setFileStatus() {
    let words = text.file_none;
    if (register && !fileName) words = text.file_new;
    else if (register) words = fill(handle ? text.file_open_in_place : text.file_open, { name: fileName });
    if (register && unsaved) words = `${words} ${text.file_unsaved}`;
    fileStatus.textContent = words;
    saveButton.disabled = !register;
    copyButton.disabled = !register;
  }

  async function sha256(content) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(content));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function readText(file, maxBytes) {
    return file.slice(0, maxBytes + 1).text();
  }

  /** Hand a file's text to the core; on success it becomes the register on the page. */
  async function openText(name, content, { fileHandle = null, lastModified = null } = {}) {
    const mine = ++generation;
    say(fileMessage, text.file_reading);
    const result = await core.call("register_open", { file: { name, content } });
    if (mine !== generation) return false;
    if (!result.ok) {
      say(fileMessage, "");
      fileErrors("register-file", result.errors?.length ? result.errors : [{ message: text.core_failed }]);
      return false;
    }
    fileErrors("register-file", []);
    clearAll({ keepMessage: true });
    register = result.register;
    fileName = name;
    handle = fileHandle;
    recorded = fileHandle ? { lastModified, hash: await sha256(content) } : null;
    base = fileHandle ? result.register : null;
    keepTheFile();
    unsaved = false;
    drafts.saveNow();
    setFileStatus();
    say(fileMessage, [fill(text.file_opened, { name }), result.summary_text].filter(Boolean).join(" "));
    showRegister();
    return true;
  }

  async function openFromHandle(fileHandle) {
    let file;
    let content;
    try {
      file = await fileHandle.getFile();
      content = await readText(file, Number(fallbackInput.dataset.maxBytes));
    } catch {
      say(fileMessage, fill(text.file_unreadable, { name: fileHandle.name }), true);
      return;
    }
    await openText(file.name, content, { fileHandle, lastModified: file.lastModified });
  }

  async function pickAndOpen() {
    if (!canPick) {
      fallbackInput.click();
      return;
    }
    let picked;
    try {
      [picked] = await window.showOpenFilePicker({ types: fileTypes });
    } catch (error) {
      if (error?.name === "AbortError") say(fileMessage, text.file_cancelled);
      else fallbackInput.click(); // the picker is refused here (a policy, a frame): the input
      return;
    }
    if (picked) await openFromHandle(picked);
  }

  fallbackInput.addEventListener("change", async () => {
    const [file] = fallbackInput.files ?? [];
    if (!file) return;
    let content;
    try {
      content = await readText(file, Number(fallbackInput.dataset.maxBytes));
    } catch {
      say(fileMessage, fill(text.file_unreadable, { name: file.name }), true);
      return;
    } finally {
      fallbackInput.value = "";
    }
    await openText(file.name, content);
  });

  // Whatever would lose work (changes not in the file, or boxes of a case not saved to the
  // register) is confirmed first, in a panel that asks and names what would be lost.
  let pendingAction = null;
  function ask(panel, words, yes, action, from) {
    for (const other of [newConfirm, backConfirm]) other.hidden = true;
    pendingAction = { action, from, panel };
    panel.querySelector("[data-confirm-text]").textContent = words;
    panel.querySelector("[data-confirm-yes]").textContent = yes;
    panel.hidden = false;
    panel.querySelector("p").focus();
  }
  function confirmThen(action, words, yes, from, caseWords) {
    if (caseChanged()) ask(newConfirm, caseWords, yes, action, from);
    else if (register && unsaved) ask(newConfirm, words, yes, action, from);
    else action();
  }
  for (const cancel of page.querySelectorAll("[data-new-cancel], [data-back-cancel]")) {
    cancel.addEventListener("click", () => {
      if (pendingAction) pendingAction.panel.hidden = true;
      pendingAction?.from.focus();
      pendingAction = null;
    });
  }
  for (const yes of page.querySelectorAll("[data-new-yes], [data-back-yes]")) {
    yes.addEventListener("click", () => {
      const pending = pendingAction;
      pendingAction = null;
      if (!pending) return;
      pending.panel.hidden = true;
      pending.action();
    });
  }

  const openButton = $("[data-open]");
  const newButton = $("[data-new]");
  openButton.addEventListener("click", () => confirmThen(
    pickAndOpen, text.open_confirm, text.open_yes, openButton, text.case_changes_open));
  newButton.addEventListener("click", () => confirmThen(
    startNew, text.new_confirm, text.new_yes, newButton, text.case_changes_new));

  // --- starting from the unit's spreadsheet ------------------------------------------------

  const sheetInput = $("[data-sheet-input]");
  const sheetMap = $("[data-sheet-map]");
  let sheet = null; // {name, base64} of the chosen sheet while its columns are asked

  sheetInput.addEventListener("change", async () => {
    const [file] = sheetInput.files ?? [];
    sheetInput.value = "";
    if (!file) return;
    fileErrors("sheet", []);
    sheetMap.hidden = true;
    let chosen;
    try {
      chosen = await readFile(file, Number(sheetInput.dataset.maxBytes));
    } catch {
      fileErrors("sheet", [{ message: fill(text.file_unreadable, { name: file.name }) }]);
      return;
    }
    const result = await core.call("register_sheet_columns", { file: chosen });
    if (!result.ok) {
      fileErrors("sheet", result.errors?.length ? result.errors : [{ message: text.core_failed }]);
      return;
    }
    sheet = chosen;
    sheetMap.querySelector("[data-sheet-map-hint]").textContent =
      fill(text.sheet_map_hint, { name: chosen.name });
    sheetMap.querySelector("[data-sheet-columns]").replaceChildren(
      ...result.columns.map((column, i) => columnChoice(column, i, result)));
    sheetMap.hidden = false;
    sheetMap.querySelector("h3").focus();
  });

  function columnChoice(column, i, result) {
    const group = el("div", "cs-form-group");
    const label = el("label", "cs-label", column || `Column ${i + 1}`);
    label.htmlFor = `sheet-column-${i}`;
    const select = document.createElement("select");
    select.className = "cs-select";
    select.id = `sheet-column-${i}`;
    select.dataset.column = column;
    select.append(new Option(text.sheet_unused, ""),
                  ...result.targets.map(([id, words]) => new Option(words, id)));
    select.value = result.suggested[column] ?? "";
    group.append(label, select);
    return group;
  }

  $("[data-sheet-cancel]").addEventListener("click", () => {
    sheet = null;
    sheetMap.hidden = true;
    sheetInput.focus();
  });

  const importButton = $("[data-sheet-import]");
  importButton.addEventListener("click", async () => {
    if (!sheet) return;
    const map = {};
    for (const select of sheetMap.querySelectorAll("select")) {
      if (select.value && select.dataset.column) map[select.dataset.column] = select.value;
    }
    const result = await core.call("register_import", { file: sheet, map });
    if (!result.ok) {
      fileErrors("sheet", result.errors?.length ? result.errors : [{ message: text.core_failed }]);
      $("#register-sheet").focus();
      return;
    }
    fileErrors("sheet", []);
    confirmThen(() => startFromSheet(result), text.sheet_confirm, text.sheet_yes,
                importButton, text.case_changes_new);
  });

  function startFromSheet(result) {
    sheet = null;
    clearAll();
    register = result.register;
    keepTheFile();
    unsaved = true; // a register not yet saved as a file
    changes += 1;
    drafts.saveNow();
    setFileStatus();
    say(fileMessage, result.messages.join(" "));
    showRegister();
    $("#register-list-title").focus();
  }

  async function startNew() {
    const mine = ++generation;
    const result = await core.call("register_new", {});
    if (mine !== generation) return;
    if (!result.ok) {
      say(fileMessage, refusal(result), true);
      return;
    }
    clearAll();
    register = result.register;
    keepTheFile();
    drafts.saveNow();
    setFileStatus();
    say(fileMessage, text.new_done);
    showRegister();
    $("#register-list-title").focus();
  }

  /** Forget the register and everything shown of it: every box, hidden ones too. */
  function clearAll({ keepMessage = false } = {}) {
    generation += 1;
    changes += 1;
    register = null;
    fileName = null;
    handle = null;
    recorded = null;
    base = null;
    unsaved = false;
    lastReport = null;
    loaded = null;
    writeAnswers(caseForm, {});
    clearErrors(caseForm, caseForm.querySelector("[data-error-summary]"));
    clearCaseView();
    writeAnswers(reportForm, {});
    clearErrors(reportForm, reportForm.querySelector("[data-error-summary]"));
    const filters = /** @type {NodeListOf<HTMLInputElement | HTMLSelectElement>} */ (
      page.querySelectorAll("[data-filter-text], [data-filter-stage], [data-filter-status]"));
    for (const input of filters) {
      input.value = "";
    }
    for (const area of page.querySelectorAll(".cs-notice")) {
      if (!(keepMessage && area === fileMessage)) area.replaceChildren();
    }
    fileErrors("register-file", []);
    fileErrors("document-file", []);
    fileErrors("new-document-file", []);
    fileErrors("sheet", []);
    conflict.hidden = true;
    conflict.querySelector("[data-conflict-text]").replaceChildren();
    merging = null;
    $("[data-merge]").hidden = true;
    $("[data-sheet-map]").hidden = true;
    newConfirm.hidden = true;
    backConfirm.hidden = true;
    pendingAction = null;
    caseConfirm.hidden = true;
    rows = [];
    tbody.replaceChildren();
    showing.textContent = "";
    clearReport();
    setFileStatus();
  }

  /** The register as the file's text (the core writes it). */
  async function registerText() {
    const result = await core.call("register_export", { register, format: "json", today: today() });
    if (!result.ok) {
      say(fileMessage, refusal(result), true);
      return null;
    }
    return { text: result.text, filename: result.filename };
  }

  function problemOf(error) {
    return error?.message || error?.name || String(error);
  }

  async function writeTo(target, content) {
    const writable = await target.createWritable();
    try {
      await writable.write(content);
      await writable.close();
    } catch (error) {
      await writable.abort?.().catch(() => {});
      throw error;
    }
    const written = await target.getFile();
    return { lastModified: written.lastModified, hash: await sha256(await written.text()) };
  }

  async function allowed(target) {
    if (typeof target.queryPermission !== "function") return true;
    if ((await target.queryPermission({ mode: "readwrite" })) === "granted") return true;
    if (typeof target.requestPermission !== "function") return false;
    return (await target.requestPermission({ mode: "readwrite" })) === "granted";
  }

  // One save in place at a time: a second click (a double click on Save) waits for the first
  // and then compares the file with what the first wrote. Run side by side, each would find
  // the other's write on disk and report a conflict nobody caused.
  let saving = Promise.resolve();
  function save() {
    const next = saving.then(saveOnce);
    saving = next.catch(() => {});
    return next;
  }

  async function saveOnce() {
    if (!register) return;
    conflict.hidden = true;
    if (!handle) {
      await saveByDownload();
      return;
    }
    const name = fileName;
    const target = handle;
    const mine = generation;
    try {
      // Asked first, while the click still counts as the user's.
      if (!(await allowed(target))) {
        say(fileMessage, fill(text.save_denied, { name }), true);
        return;
      }
      const taken = changes;
      const writing = register;
      const out = await registerText();
      if (!out || mine !== generation) return;
      // Has anyone saved the file since it was opened here? Its time and its content say.
      let onDisk;
      try {
        onDisk = await target.getFile();
      } catch (error) {
        if (error?.name === "NotFoundError") {
          showConflict(fill(text.conflict_gone, { name }));
          return;
        }
        throw error;
      }
      const diskText = await onDisk.text();
      const hash = await sha256(diskText);
      if (!recorded || onDisk.lastModified !== recorded.lastModified || hash !== recorded.hash) {
        // Someone saved since: merge what each changed where the page knows what both
        // started from; otherwise offer a copy or the newer file.
        if (base) await startMerge(target, name, diskText, mine);
        else showConflict(fill(text.conflict, { name }));
        return;
      }
      const now = await writeTo(target, out.text);
      if (mine !== generation) return;
      recorded = now;
      base = writing;
      keepTheFile();
      if (changes === taken) unsaved = false; // a change made meanwhile is not in the file
      drafts.saveNow();
      setFileStatus();
      say(fileMessage, fill(text.file_saved, { name }));
    } catch (error) {
      if (error?.name === "NotAllowedError" || error?.name === "SecurityError") {
        say(fileMessage, fill(text.save_denied, { name }), true);
      } else if (error?.name === "NotFoundError") {
        showConflict(fill(text.conflict_gone, { name }));
      } else {
        say(fileMessage, fill(text.save_failed, { name, problem: problemOf(error) }), true);
      }
    }
  }

  async function saveByDownload() {
    const taken = changes;
    const mine = generation;
    const out = await registerText();
    if (!out || mine !== generation) return;
    const name = fileName ?? out.filename ?? text.default_file_name;
    // A register never saved before has no old file to replace: the message says so.
    const words = fileName ? text.file_downloaded : text.file_downloaded_new;
    download(name, new Blob([out.text], { type: "application/json" }));
    fileName = name;
    if (changes === taken) unsaved = false; // a change made meanwhile is not in the file
    drafts.saveNow();
    setFileStatus();
    say(fileMessage, fill(words, { name }));
  }

  async function saveCopy() {
    if (!register) return;
    if (!canSaveAs) {
      conflict.hidden = true;
      handle = null;
      recorded = null;
      await saveByDownload();
      return;
    }
    let target;
    try {
      target = await window.showSaveFilePicker({
        suggestedName: fileName ?? text.default_file_name, types: fileTypes });
    } catch (error) {
      if (error?.name === "AbortError") say(fileMessage, text.file_cancelled);
      else say(fileMessage, fill(text.save_copy_failed, { problem: problemOf(error) }), true);
      return;
    }
    const mine = generation;
    try {
      const taken = changes;
      const out = await registerText();
      if (!out || mine !== generation) return;
      const now = await writeTo(target, out.text);
      if (mine !== generation) return;
      // From now on the page works on the copy, as "Save as" does.
      handle = target;
      fileName = target.name;
      recorded = now;
      base = register;
      keepTheFile();
      if (changes === taken) unsaved = false; // a change made meanwhile is not in the file
      conflict.hidden = true;
      drafts.saveNow();
      setFileStatus();
      say(fileMessage, fill(text.file_saved, { name: fileName }));
    } catch (error) {
      say(fileMessage, fill(text.save_copy_failed, { problem: problemOf(error) }), true);
    }
  }

  // --- merging a colleague's save --------------------------------------------------------

  const mergePanel = $("[data-merge]");

  async function startMerge(target, name, diskText, mine) {
    const theirs = await core.call("register_open", { file: { name, content: diskText } });
    if (mine !== generation) return;
    if (!theirs.ok) {
      showConflict(fill(text.conflict, { name }));
      return;
    }
    merging = { target, name, theirs: theirs.register, choices: [], mine };
    await settleMerge();
  }

  async function settleMerge() {
    const m = merging;
    if (!m) return;
    const result = await core.call("register_merge", {
      base, ours: register, theirs: m.theirs, choices: m.choices });
    if (m !== merging || m.mine !== generation) return;
    if (!result.ok) {
      merging = null;
      mergePanel.hidden = true;
      showConflict(fill(text.conflict, { name: m.name }));
      return;
    }
    if (result.conflicts.length) {
      mergePanel.querySelector("[data-merge-intro]").textContent =
        fill(text.merge_intro, { name: m.name, count: String(result.conflicts.length) });
      mergePanel.querySelector("[data-merge-question]").textContent = result.conflicts[0].question;
      m.asking = result.conflicts[0];
      const first = mergePanel.hidden;
      mergePanel.hidden = false;
      if (first) mergePanel.querySelector("h3").focus();
      else mergePanel.querySelector("[data-merge-take='ours']").focus();
      return;
    }
    merging = null;
    mergePanel.hidden = true;
    try {
      const taken = changes;
      register = result.register;
      const out = await registerText();
      if (!out || m.mine !== generation) return;
      const now = await writeTo(m.target, out.text);
      if (m.mine !== generation) return;
      recorded = now;
      base = result.register;
      keepTheFile();
      if (changes === taken) unsaved = false;
      drafts.saveNow();
      setFileStatus();
      refreshList();
      refreshReport();
      say(fileMessage, fill(text.merged_saved, { name: m.name }));
    } catch (error) {
      say(fileMessage, fill(text.save_failed, { name: m.name, problem: problemOf(error) }), true);
    }
  }

  for (const button of mergePanel.querySelectorAll("[data-merge-take]")) {
    button.addEventListener("click", () => {
      const m = merging;
      if (!m?.asking) return;
      m.choices.push({ reference: m.asking.reference, field: m.asking.field,
                       take: button.dataset.mergeTake });
      m.asking = null;
      settleMerge();
    });
  }

  function showConflict(words) {
    say(fileMessage, "");
    conflict.querySelector("[data-conflict-text]").textContent = words;
    conflict.hidden = false;
    conflict.querySelector("p").focus();
  }

  saveButton.addEventListener("click", save);
  copyButton.addEventListener("click", saveCopy);
  $("[data-conflict-copy]").addEventListener("click", saveCopy);

  // --- the list ----------------------------------------------------------------------------

  const listView = $("[data-list-view]");
  const caseView = $("[data-case-view]");
  const reportSection = $("[data-report-section]");
  const registerBody = $("[data-register-body]");
  const summary = $("[data-register-summary]");
  const tbody = $("[data-cases] tbody");
  const showing = $("[data-showing]");
  const noCases = $("[data-no-cases]");
  const stageFilter = $("[data-filter-stage]");
  const statusFilter = $("[data-filter-status]");
  const textFilter = $("[data-filter-text]");
  const listMessage = $("[data-list-message]");
  let rows = [];

  async function refreshList() {
    if (!register) {
      registerBody.hidden = true;
      summary.textContent = text.no_register;
      tbody.replaceChildren();
      return;
    }
    const mine = generation;
    const result = await core.call("register_view", { register, today: today() });
    if (mine !== generation) return;
    if (!result.ok) {
      summary.textContent = refusal(result);
      return;
    }
    summary.textContent = result.summary_text;
    rows = result.rows;
    tbody.replaceChildren(...rows.map(row));
    registerBody.hidden = false;
    noCases.hidden = rows.length > 0;
    applyFilter();
  }

  // The column names, for each cell on a phone, where the table is a list of cards.
  let labelsCache = null;
  function columnLabels() {
    labelsCache ??= [...page.querySelectorAll("[data-cases] thead th")].map((th) => th.textContent);
    return labelsCache;
  }

  function row(r) {
    const tr = document.createElement("tr");
    const next = r.next_deadline;
    const status = next ? next.status : "none";
    tr.dataset.index = String(r.index);
    tr.dataset.stage = r.stage;
    tr.dataset.status = status;
    tr.dataset.search = `${r.reference} ${r.child_initials} ${r.child_initials.replace(/\s+/g, "")}`
      .toLowerCase();
    tr.className = `cs-register__row cs-register__row--${status}`;
    const reference = el("th");
    reference.scope = "row";
    const open = el("button", "cs-register__open", r.reference);
    open.type = "button";
    open.dataset.openCase = String(r.index);
    open.setAttribute("aria-label", fill(text.open_case, { reference: r.reference }));
    open.addEventListener("click", () => openCase(r.index));
    reference.append(open);
    const child = el("td", "", r.child_age
      ? fill(text.child, { initials: r.child_initials, age: r.child_age })
      : r.child_initials);
    const stage = el("td", "", r.stage_label);
    const when = el("td");
    const state = el("td");
    if (next) {
      const time = el("time", "cs-register__due", next.due_text);
      time.dateTime = next.due;
      when.dataset.due = next.due;
      when.dataset.deadline = next.id;
      when.append(time, el("span", "", next.label), el("span", "cs-register__left", next.left_text));
      state.append(el("strong", `cs-tag cs-tag--${next.status}`, next.status_label));
    } else {
      when.append(el("span", "", text.no_deadline));
      state.append(el("strong", "cs-tag cs-tag--none", text.status_none));
    }
    // Which date would let the next deadline be worked out, when the core says (nothing due).
    if (typeof r.hint === "string" && r.hint) {
      when.append(el("span", "cs-register__hint", r.hint));
    }
    const labels = columnLabels();
    [child, stage, when, state].forEach((cell, i) => {
      cell.dataset.label = labels[i + 1] ?? "";
    });
    tr.append(reference, child, stage, when, state);
    return tr;
  }

  // Filtering is done here, on the rows already shown, so typing stays quick however many
  // cases there are; it hides rows, it decides nothing.
  let filterFrame = 0;
  function applyFilter() {
    cancelAnimationFrame(filterFrame);
    filterFrame = requestAnimationFrame(() => {
      const stage = stageFilter.value;
      const status = statusFilter.value;
      const words = textFilter.value.trim().toLowerCase();
      let shown = 0;
      for (const tr of tbody.children) {
        const visible = (!stage || tr.dataset.stage === stage)
          && (!status || tr.dataset.status === status)
          && (!words || tr.dataset.search.includes(words));
        tr.hidden = !visible;
        if (visible) shown += 1;
      }
      const words2 = fill(text.showing, { shown, total: tbody.children.length });
      if (showing.textContent !== words2) showing.textContent = words2;
    });
  }
  stageFilter.addEventListener("change", applyFilter);
  statusFilter.addEventListener("change", applyFilter);
  textFilter.addEventListener("input", applyFilter);

  function showRegister() {
    loaded = null;
    caseView.hidden = true;
    listView.hidden = false;
    reportSection.hidden = false;
    current = undefined;
    refreshList();
    refreshReport();
  }

  /** Back from a case to the list, with the keyboard on that case's row. */
  async function backToList(index) {
    current = undefined;
    loaded = null;
    backConfirm.hidden = true;
    caseView.hidden = true;
    listView.hidden = false;
    reportSection.hidden = false;
    drafts.saveSoon();
    await refreshList();
    const button = index === undefined || index === null
      ? null
      : tbody.querySelector(`[data-open-case="${index}"]`);
    if (button && !button.closest("tr").hidden) button.focus();
    else $("#register-list-title").focus();
  }

  // --- exports -----------------------------------------------------------------------------

  const exportMessage = $("[data-export-message]");
  function offer(result) {
    const blob = result.base64
      ? base64ToBlob(result.base64, result.mime)
      : new Blob([result.text], { type: result.mime });
    download(result.filename, blob);
  }
  for (const button of page.querySelectorAll("[data-export]")) {
    button.addEventListener("click", async () => {
      if (!register) return;
      say(exportMessage, "");
      const result = await core.call("register_export", {
        register, format: button.dataset.export, today: today() });
      if (!result.ok) {
        say(exportMessage, refusal(result), true);
        return;
      }
      offer(result);
    });
  }

  // --- a case ------------------------------------------------------------------------------

  const caseTitle = $("[data-case-title]");
  const caseDetails = $("[data-case-details]");
  const caseMore = $("[data-case-more]");
  const caseSummary = caseForm.querySelector("[data-error-summary]");
  const caseMessage = $("[data-case-message]");
  const caseConfirm = $("[data-delete-case-confirm]");
  const backConfirm = $("[data-back-confirm]");
  const documentMessage = $("[data-document-file-message]");
  const waitingBlock = $("[data-case-waiting-block]");

  /** The boxes as the page reads them, in one comparable form. */
  function boxes() {
    const answers = readAnswers(caseForm);
    return JSON.stringify(Object.keys(answers).sort().map((k) => [k, answers[k]]));
  }
  /** Keep what the boxes hold now as what was shown (a case opened, added or saved). */
  function remember() {
    loaded = boxes();
  }
  /** Has anything been typed in the case shown that is not saved to the register? */
  function caseChanged() {
    return current !== undefined && loaded !== null && !caseView.hidden && boxes() !== loaded;
  }

  /** Empty everything shown of a case, hidden parts too (nothing of it is left behind). */
  function clearCaseView() {
    caseTitle.textContent = text.new_case_heading;
    $("[data-case-stage]").replaceChildren();
    $("[data-case-deadlines]").replaceChildren();
    $("[data-case-warnings]").replaceChildren();
    $("[data-case-waiting]").replaceChildren();
    waitingBlock.hidden = true;
    $("[data-timeline]").replaceChildren();
    $("[data-steps] tbody").replaceChildren();
    $("[data-sources]").replaceChildren();
    $("[data-sources-block]").hidden = true;
    caseDetails.hidden = true;
    caseMore.hidden = true;
    caseView.hidden = true;
  }

  function showCaseView() {
    listView.hidden = true;
    reportSection.hidden = true;
    caseView.hidden = false;
  }

  function addCase() {
    current = null;
    writeAnswers(caseForm, {});
    remember();
    clearErrors(caseForm, caseSummary);
    say(caseMessage, "");
    clearCaseView();
    caseConfirm.hidden = true;
    backConfirm.hidden = true;
    showCaseView();
    caseTitle.focus();
    drafts.saveSoon();
  }

  /** Show case `index` as the core describes it; `answers` keeps what was typed. */
  async function openCase(index, { answers = null, focus = true, keepMessages = false } = {}) {
    const mine = generation;
    const result = await core.call("register_case", { register, index, today: today() });
    if (mine !== generation) return;
    if (!result.ok) {
      say(listMessage, refusal(result), true);
      return;
    }
    current = index;
    const c = result.case;
    // What was loaded is what a change is measured from, whatever a draft brings back.
    writeAnswers(caseForm, result.answers);
    remember();
    if (answers) writeAnswers(caseForm, answers);
    clearErrors(caseForm, caseSummary);
    if (!keepMessages) {
      say(caseMessage, "");
      say(documentMessage, "");
      fileErrors("document-file", []);
    }
    caseConfirm.hidden = true;
    backConfirm.hidden = true;
    caseTitle.textContent = fill(text.case_heading, { reference: c.reference });
    $("[data-case-stage]").textContent = result.stage_label;
    const list = $("[data-case-deadlines]");
    list.replaceChildren(...(result.deadlines.length
      ? result.deadlines.map((d) => {
        const li = el("li");
        li.dataset.deadline = d.id;
        li.dataset.due = d.due;
        li.dataset.status = d.status;
        li.append(el("strong", `cs-tag cs-tag--${d.status}`, d.status_label), " ",
          `${d.label}: ${d.due_text} (${d.left_text})`);
        return li;
      })
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
    $("[data-steps] tbody").replaceChildren(...result.steps.map(step));
    const sources = result.sources_text ?? [];
    $("[data-sources]").replaceChildren(...sources.map((s) => el("li", "", s)));
    $("[data-sources-block]").hidden = sources.length === 0;
    caseDetails.hidden = false;
    caseMore.hidden = false;
    showCaseView();
    if (focus) caseTitle.focus();
    drafts.saveSoon();
  }

  function step(s) {
    const tr = document.createElement("tr");
    tr.dataset.step = s.id;
    tr.dataset.state = s.state;
    const number = el("td", "", s.number === undefined || s.number === null ? "" : String(s.number));
    const label = el("th", "", s.label);
    label.scope = "row";
    const when = el("td");
    if (s.due) {
      const time = el("time", "", s.date_text);
      time.dateTime = s.due;
      when.append(time);
    } else {
      when.textContent = s.date_text ?? "";
    }
    const basis = el("td");
    basis.append(el("span", "", s.basis ?? ""));
    if (s.note) basis.append(el("p", "cs-register__note", s.note));
    const section = el("td");
    const link = el("a", "", s.section);
    link.href = siteRoot + s.cite_path;
    if (s.section_title) link.title = s.section_title;
    section.append(link);
    const state = el("td");
    if (s.state_label) state.append(el("strong", `cs-tag cs-tag--${s.state}`, s.state_label));
    // On a phone each step is a card, each value with its column's name (case-register.css).
    const names = [...page.querySelectorAll("[data-steps] thead th")].map((th) => th.textContent);
    [number, label, when, basis, section, state].forEach((cell, i) => {
      if (cell.tagName === "TD") cell.dataset.label = names[i] ?? "";
    });
    tr.append(number, label, when, basis, section, state);
    return tr;
  }

  // A date's error links to its first box (GOV.UK): "meeting" -> #meeting-day.
  function linked(errors, prefix = "") {
    return errors.map((error) => {
      const field = `${prefix}${error.field}`;
      const first = document.getElementById(`${field}-day`);
      return { ...error, field, ...(first ? { href: `#${first.id}` } : {}) };
    });
  }

  caseForm.addEventListener("input", () => drafts.saveSoon());
  caseForm.addEventListener("change", () => drafts.saveSoon());
  caseForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!register) return;
    const answers = readAnswers(caseForm);
    const mine = generation;
    const result = await core.call("register_save_case", { register, index: current ?? null, answers });
    if (mine !== generation) return;
    if (!result.ok) {
      const errors = result.errors?.length ? result.errors : [{ field: "", message: text.core_failed }];
      showErrors(caseForm, caseSummary, linked(errors.map((e) => ({ ...e, field: e.field ?? "" }))));
      return;
    }
    changed(result.register);
    await openCase(result.index, { focus: false });
    say(caseMessage, text.case_saved);
    caseTitle.focus();
  });

  for (const button of page.querySelectorAll("[data-back]")) {
    button.addEventListener("click", () => {
      const index = current;
      if (caseChanged()) {
        ask(backConfirm, text.case_changes_back, text.case_back_yes, () => backToList(index), button);
      } else {
        backToList(index);
      }
    });
  }
  $("[data-add-case]").addEventListener("click", addCase);

  $("[data-delete-case]").addEventListener("click", () => {
    caseConfirm.hidden = false;
    caseConfirm.querySelector("p").focus();
  });
  $("[data-delete-case-cancel]").addEventListener("click", () => {
    caseConfirm.hidden = true;
    $("[data-delete-case]").focus();
  });
  $("[data-delete-case-yes]").addEventListener("click", async () => {
    if (current === undefined || current === null) return;
    const reference = readAnswers(caseForm).reference ?? "";
    const mine = generation;
    const result = await core.call("register_delete_case", { register, index: current });
    if (mine !== generation) return;
    if (!result.ok) {
      say(caseMessage, refusal(result), true);
      return;
    }
    caseConfirm.hidden = true;
    changed(result.register);
    await backToList(null);
    say(listMessage, fill(text.case_deleted, { reference }));
  });

  /** A saved document: into case `index`, or (null) a new case started from it. */
  function documentInput(name, index) {
    const input = $(`[data-${name}]`);
    const message = $(`[data-${name}-message]`);
    input.addEventListener("change", async () => {
      const [file] = input.files ?? [];
      if (!file || !register) return;
      fileErrors(name, []);
      say(message, text.document_reading);
      let content;
      try {
        content = await readText(file, Number(input.dataset.maxBytes));
      } catch {
        say(message, "");
        fileErrors(name, [{ message: fill(text.file_unreadable, { name: file.name }) }]);
        return;
      } finally {
        input.value = "";
      }
      let forCase = index();
      const mine = generation;
      // What is typed in the case and not saved goes to the register first, checked by the
      // core like "Save the case"; the document then fills only what the saved case lacks.
      let saved = false;
      if (forCase !== null && caseChanged()) {
        const answers = readAnswers(caseForm);
        const first = await core.call("register_save_case", { register, index: forCase, answers });
        if (mine !== generation) return;
        if (!first.ok) {
          say(message, "");
          const errors = first.errors?.length ? first.errors : [{ field: "", message: text.core_failed }];
          fileErrors(name, [{ message: text.document_not_added }]);
          showErrors(caseForm, caseSummary, linked(errors.map((e) => ({ ...e, field: e.field ?? "" }))));
          return;
        }
        clearErrors(caseForm, caseSummary);
        changed(first.register);
        forCase = first.index;
        saved = true;
      }
      const result = await core.call("register_add_document", {
        register, index: forCase, file: { name: file.name, content }, today: today() });
      if (mine !== generation) return;
      say(message, "");
      if (!result.ok) {
        // The case as saved (the boxes' own words, as the core keeps them), then the refusal.
        if (saved) await openCase(forCase, { focus: false, keepMessages: true });
        if (mine !== generation) return;
        fileErrors(name, result.errors?.length ? result.errors : [{ message: text.core_failed }]);
        input.focus();
        return;
      }
      changed(result.register);
      await openCase(result.index, { focus: forCase === null, keepMessages: true });
      // The core's words about what it filled in, beside the case's own document box.
      $("[data-document-file-message]").replaceChildren(
        ...(result.messages ?? []).map((m) => el("p", "", m)));
    });
  }
  documentInput("document-file", () => current ?? null);
  documentInput("new-document-file", () => null);

  // --- the timeliness report ---------------------------------------------------------------

  const reportForm = $("[data-report-form]");
  const reportSummary = reportForm.querySelector("[data-error-summary]");
  const reportStatus = $("[data-report-status]");
  const reportBody = $("[data-report-body]");
  const reportMessage = $("[data-report-message]");

  /** Empty the report shown: its period, table, chart and sentences. */
  function clearReport() {
    reportBody.hidden = true;
    reportStatus.textContent = text.report_empty;
    $("[data-report-period]").textContent = text.report_period;
    $("[data-measures] tbody").replaceChildren();
    $("[data-chart]").replaceChildren();
    $("[data-report-lines]").replaceChildren();
  }

  /** A period box as the core reads it: ISO when it has anything in it, else left out. */
  function period(name) {
    const a = readAnswers(reportForm);
    const [day, month, year] = ["day", "month", "year"].map((p) => (a[`${name}-${p}`] ?? "").trim());
    if (!day && !month && !year) return undefined;
    const pad = (v) => (/^\d$/.test(v) ? `0${v}` : v);
    return `${year}-${pad(month)}-${pad(day)}`;
  }

  function setPeriodBoxes(name, iso) {
    const [year, month, day] = iso.split("-");
    reportForm.querySelector(`[name="${name}-day"]`).value = String(Number(day));
    reportForm.querySelector(`[name="${name}-month"]`).value = String(Number(month));
    reportForm.querySelector(`[name="${name}-year"]`).value = year;
  }

  async function refreshReport({ explicit = false } = {}) {
    if (!register) {
      reportBody.hidden = true;
      reportStatus.textContent = text.report_empty;
      return;
    }
    const payload = { register, today: today() };
    const from = explicit ? period("report-from") : lastReport?.from;
    const to = explicit ? period("report-to") : lastReport?.to;
    if (from !== undefined) payload.from = from;
    if (to !== undefined) payload.to = to;
    const mine = generation;
    const result = await core.call("register_report", payload);
    if (mine !== generation) return;
    if (!result.ok) {
      const errors = result.errors?.length ? result.errors : [{ field: "", message: text.core_failed }];
      const known = errors.filter((e) => e.field === "from" || e.field === "to");
      if (known.length) {
        showErrors(reportForm, reportSummary, linked(errors, "report-"), { focus: explicit });
      } else {
        clearErrors(reportForm, reportSummary);
        reportStatus.textContent = refusal(result);
      }
      return;
    }
    clearErrors(reportForm, reportSummary);
    lastReport = { from: result.from, to: result.to };
    setPeriodBoxes("report-from", result.from);
    setPeriodBoxes("report-to", result.to);
    reportStatus.textContent = "";
    const heading = $("[data-report-period]");
    heading.textContent = result.period_text;
    $("[data-measures] tbody").replaceChildren(...result.measures.map(measure));
    showPicture($("[data-chart]"), result.chart);
    $("[data-report-lines]").replaceChildren(...result.lines.map((line) => el("li", "", line)));
    reportBody.hidden = false;
    if (explicit) heading.focus();
  }

  function measure(m) {
    const tr = document.createElement("tr");
    tr.dataset.measure = m.id;
    tr.dataset.met = String(m.met);
    tr.dataset.total = String(m.total);
    tr.dataset.unknown = String(m.unknown);
    const label = el("th", "", m.label);
    label.scope = "row";
    const met = el("td", "", m.words);
    const missed = el("td");
    if (m.missed.length) {
      const list = el("ul", "cs-register__missed");
      list.append(...m.missed.map((x) => {
        const li = el("li", "", x.text);
        li.dataset.reference = x.reference;
        li.dataset.late = String(x.working_days_late);
        return li;
      }));
      missed.append(list);
    } else {
      missed.textContent = text.missed_none;
    }
    tr.dataset.pending = String(m.pending);
    tr.dataset.noStartDate = m.no_start_date.join(" ");
    const unknown = el("td", "", m.unknown_text);
    const pending = el("td", "", m.pending_text);
    const noStart = el("td", "", m.no_start_text);
    // On a phone each measure is a card, each value with its column's name.
    const names = [...page.querySelectorAll("[data-measures] thead th")].map((th) => th.textContent);
    [met, missed, unknown, pending, noStart].forEach((cell, i) => {
      cell.dataset.label = names[i + 1] ?? "";
    });
    tr.append(label, met, missed, unknown, pending, noStart);
    return tr;
  }

  reportForm.addEventListener("submit", (event) => {
    event.preventDefault();
    refreshReport({ explicit: true });
  });
  for (const button of page.querySelectorAll("[data-report-export]")) {
    button.addEventListener("click", async () => {
      if (!register || !lastReport) return;
      say(reportMessage, "");
      const result = await core.call("register_report_export", {
        register, ...lastReport, format: button.dataset.reportExport, today: today() });
      if (!result.ok) {
        say(reportMessage, refusal(result), true);
        return;
      }
      offer(result);
    });
  }

  // --- start: the draft, if there is one ---------------------------------------------------

  setFileStatus();
  const draft = drafts.restore();
  if (draft && draft.register) restoreDraft(draft);

  async function restoreDraft(saved) {
    // The draft is read by the core like any file, before anything on the page uses it.
    const mine = ++generation;
    const name = typeof saved.name === "string" && saved.name ? saved.name : text.default_file_name;
    const result = await core.call("register_open", {
      file: { name, content: JSON.stringify(saved.register) } });
    if (mine !== generation) return;
    if (!result.ok) {
      say(fileMessage, refusal(result), true);
      return;
    }
    register = result.register;
    fileName = typeof saved.name === "string" && saved.name ? saved.name : null;
    unsaved = saved.unsaved === true;
    // The file it came from, where this browser kept its handle: Save writes back to it.
    const kept = fileName ? await keptFile() : null;
    if (mine !== generation) return;
    if (kept && kept.name === fileName) {
      handle = kept.handle;
      recorded = kept.recorded ?? null;
      base = kept.base ?? null;
    }
    setFileStatus();
    if (fileName) say(fileMessage, fill(handle ? text.file_restored_in_place : text.file_restored, { name: fileName }));
    showRegister();
    const editing = saved.editing;
    if (editing && typeof editing === "object" && editing.answers) {
      if (editing.index === null) {
        addCase();
        writeAnswers(caseForm, editing.answers);
      } else if (Number.isInteger(editing.index)) {
        await openCase(editing.index, { answers: editing.answers });
      }
    }
  }
}

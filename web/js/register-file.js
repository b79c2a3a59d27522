// The case register's file: open it (in place where the browser can, else by upload), start a
// new one or one from the unit's spreadsheet, save in place after checking nobody else has
// saved it (merging what each changed when someone has), save a copy, or download.
import { keepFile } from "./file-handle.js";
import { download, readFile, today } from "./form-ui.js";
import { el, fill, readText, say, sha256 } from "./register-context.js";

/** @param {import("./register-context.js").RegisterContext} r */
export function fileKeeping(r) {
  const { core, text, state: s, $, latest } = r;
  const fileStatus = $("[data-file-status]");
  const fileMessage = $("[data-file-message]");
  const saveButton = /** @type {HTMLButtonElement} */ ($("[data-save]"));
  const copyButton = /** @type {HTMLButtonElement} */ ($("[data-save-copy]"));
  const fallbackInput = /** @type {HTMLInputElement} */ ($("[data-register-input]"));
  const newConfirm = $("[data-new-confirm]");
  const conflict = $("[data-conflict]");
  const mergePanel = $("[data-merge]");
  const sheetInput = /** @type {HTMLInputElement} */ ($("[data-sheet-input]"));
  const sheetMap = $("[data-sheet-map]");
  const canPick = typeof window.showOpenFilePicker === "function";
  const canSaveAs = typeof window.showSaveFilePicker === "function";
  const fileTypes = [{ description: text.file_filter, accept: { "application/json": [".json"] } }];
  let merging = null; // {target, name, theirs, choices, mine, asking} while conflicts are asked
  let sheet = null; // {name, base64} of the chosen sheet while its columns are asked

  /** Keep the file's handle (and what it held) for after a reload; none: forget it. */
  function keep() {
    keepFile(s.handle ? { handle: s.handle, name: s.fileName, recorded: s.recorded, base: s.base } : null);
  }

  function setStatus() {
    let words = text.file_none;
    if (s.register && !s.fileName) words = text.file_new;
    else if (s.register) {
      words = fill(s.handle ? text.file_open_in_place : text.file_open, { name: s.fileName });
    }
    if (s.register && s.unsaved) words = `${words} ${text.file_unsaved}`;
    fileStatus.textContent = words;
    saveButton.disabled = !s.register;
    copyButton.disabled = !s.register;
  }

  /** Written to the file: the draft keeps up, and the status says so. */
  function written() {
    r.drafts.saveNow();
    setStatus();
  }

  /** A register the page now holds instead of the last: the list and report show it. */
  function started(register, message, { unsaved = false } = {}) {
    r.clearAll();
    s.register = register;
    if (unsaved) {
      s.unsaved = true; // a register not yet saved as a file
      s.changes += 1;
    }
    keep();
    written();
    say(fileMessage, message);
    r.parts.list.show();
    $("#register-list-title").focus();
  }

  // --- opening -----------------------------------------------------------------------------

  /** Hand a file's text to the core; on success it becomes the register on the page. */
  async function openText(name, content, { fileHandle = null, lastModified = null } = {}) {
    const mine = latest.ask();
    say(fileMessage, text.file_reading);
    const result = await core.call("register_open", { file: { name, content } });
    if (!latest.holds(mine)) return false;
    if (!result.ok) {
      say(fileMessage, "");
      r.fileErrors("register-file", r.errorsOf(result));
      return false;
    }
    r.fileErrors("register-file", []);
    r.clearAll({ keepMessage: true });
    s.register = result.register;
    s.fileName = name;
    s.handle = fileHandle;
    s.recorded = fileHandle ? { lastModified, hash: await sha256(content) } : null;
    s.base = fileHandle ? result.register : null;
    keep();
    s.unsaved = false;
    written();
    say(fileMessage, [fill(text.file_opened, { name }), result.summary_text].filter(Boolean).join(" "));
    r.parts.list.show();
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

  async function startNew() {
    const mine = latest.ask();
    const result = await core.call("register_new", {});
    if (!latest.holds(mine)) return;
    if (!result.ok) {
      say(fileMessage, r.refusal(result), true);
      return;
    }
    started(result.register, text.new_done);
  }

  // Whatever would lose work (changes not in the file, or boxes of a case not saved to the
  // register) is confirmed first, in a panel that asks and names what would be lost.
  function confirmThen(action, words, yes, from, caseWords) {
    if (r.parts.editor.changed()) r.ask(newConfirm, caseWords, yes, action, from);
    else if (s.register && s.unsaved) r.ask(newConfirm, words, yes, action, from);
    else action();
  }

  const openButton = $("[data-open]");
  const newButton = $("[data-new]");
  openButton.addEventListener("click", () => confirmThen(
    pickAndOpen, text.open_confirm, text.open_yes, openButton, text.case_changes_open));
  newButton.addEventListener("click", () => confirmThen(
    startNew, text.new_confirm, text.new_yes, newButton, text.case_changes_new));

  // --- starting from the unit's spreadsheet ------------------------------------------------

  sheetInput.addEventListener("change", async () => {
    const [file] = sheetInput.files ?? [];
    sheetInput.value = "";
    if (!file) return;
    r.fileErrors("sheet", []);
    sheetMap.hidden = true;
    let chosen;
    try {
      chosen = await readFile(file, Number(sheetInput.dataset.maxBytes));
    } catch {
      r.fileErrors("sheet", [{ message: fill(text.file_unreadable, { name: file.name }) }]);
      return;
    }
    const mine = latest.now();
    const result = await core.call("register_sheet_columns", { file: chosen });
    if (!latest.holds(mine)) return; // a new register, or the draft deleted, meanwhile
    if (!result.ok) {
      r.fileErrors("sheet", r.errorsOf(result));
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
    const label = /** @type {HTMLLabelElement} */ (
      el("label", "cs-label", column || fill(text.sheet_column, { number: i + 1 })));
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
    const mine = latest.now();
    const result = await core.call("register_import", { file: sheet, map });
    if (!latest.holds(mine)) return;
    if (!result.ok) {
      r.fileErrors("sheet", r.errorsOf(result));
      $("#register-sheet").focus();
      return;
    }
    r.fileErrors("sheet", []);
    confirmThen(() => startFromSheet(result), text.sheet_confirm, text.sheet_yes,
                importButton, text.case_changes_new);
  });

  function startFromSheet(result) {
    sheet = null;
    started(result.register, result.messages.join(" "), { unsaved: true });
  }

  // --- saving ------------------------------------------------------------------------------

  /** The register as the file's text (the core writes it). */
  async function registerText() {
    const result = await core.call("register_export", {
      register: s.register, format: "json", today: today() });
    if (!result.ok) {
      say(fileMessage, r.refusal(result), true);
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
    const now = await target.getFile();
    return { lastModified: now.lastModified, hash: await sha256(await now.text()) };
  }

  async function allowed(target) {
    if (typeof target.queryPermission !== "function") return true;
    if ((await target.queryPermission({ mode: "readwrite" })) === "granted") return true;
    if (typeof target.requestPermission !== "function") return false;
    return (await target.requestPermission({ mode: "readwrite" })) === "granted";
  }

  /** What `target` holds now is the register the page had when it wrote it. */
  function savedTo(now, writing, taken) {
    s.recorded = now;
    s.base = writing;
    keep();
    if (s.changes === taken) s.unsaved = false; // a change made meanwhile is not in the file
    written();
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
    if (!s.register) return;
    conflict.hidden = true;
    if (!s.handle) {
      await saveByDownload();
      return;
    }
    const name = s.fileName;
    const target = s.handle;
    const mine = latest.now();
    try {
      // Asked first, while the click still counts as the user's.
      if (!(await allowed(target))) {
        say(fileMessage, fill(text.save_denied, { name }), true);
        return;
      }
      const taken = s.changes;
      const writing = s.register;
      const out = await registerText();
      if (!out || !latest.holds(mine)) return;
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
      if (!s.recorded || onDisk.lastModified !== s.recorded.lastModified || hash !== s.recorded.hash) {
        // Someone saved since: merge what each changed where the page knows what both
        // started from; otherwise offer a copy or the newer file.
        if (s.base) await startMerge(target, name, diskText, mine);
        else showConflict(fill(text.conflict, { name }));
        return;
      }
      const now = await writeTo(target, out.text);
      if (!latest.holds(mine)) return;
      savedTo(now, writing, taken);
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
    const taken = s.changes;
    const mine = latest.now();
    const out = await registerText();
    if (!out || !latest.holds(mine)) return;
    const name = s.fileName ?? out.filename ?? text.default_file_name;
    // A register never saved before has no old file to replace: the message says so.
    const words = s.fileName ? text.file_downloaded : text.file_downloaded_new;
    download(name, new Blob([out.text], { type: "application/json" }));
    s.fileName = name;
    if (s.changes === taken) s.unsaved = false; // a change made meanwhile is not in the file
    written();
    say(fileMessage, fill(words, { name }));
  }

  async function saveCopy() {
    if (!s.register) return;
    if (!canSaveAs) {
      conflict.hidden = true;
      s.handle = null;
      s.recorded = null;
      await saveByDownload();
      return;
    }
    let target;
    try {
      target = await window.showSaveFilePicker({
        suggestedName: s.fileName ?? text.default_file_name, types: fileTypes });
    } catch (error) {
      if (error?.name === "AbortError") say(fileMessage, text.file_cancelled);
      else say(fileMessage, fill(text.save_copy_failed, { problem: problemOf(error) }), true);
      return;
    }
    const mine = latest.now();
    try {
      const taken = s.changes;
      const writing = s.register;
      const out = await registerText();
      if (!out || !latest.holds(mine)) return;
      const now = await writeTo(target, out.text);
      if (!latest.holds(mine)) return;
      // From now on the page works on the copy, as "Save as" does.
      s.handle = target;
      s.fileName = target.name;
      conflict.hidden = true;
      savedTo(now, writing, taken);
      say(fileMessage, fill(text.file_saved, { name: s.fileName }));
    } catch (error) {
      say(fileMessage, fill(text.save_copy_failed, { problem: problemOf(error) }), true);
    }
  }

  // --- merging a colleague's save ----------------------------------------------------------

  async function startMerge(target, name, diskText, mine) {
    const theirs = await core.call("register_open", { file: { name, content: diskText } });
    if (!latest.holds(mine)) return;
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
      base: s.base, ours: s.register, theirs: m.theirs, choices: m.choices });
    if (m !== merging || !latest.holds(m.mine)) return;
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
      const taken = s.changes;
      s.register = result.register;
      const out = await registerText();
      if (!out || !latest.holds(m.mine)) return;
      const now = await writeTo(m.target, out.text);
      if (!latest.holds(m.mine)) return;
      savedTo(now, result.register, taken);
      r.parts.list.refresh();
      r.parts.report.refresh();
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

  return {
    message: fileMessage,
    keep,
    setStatus,
    /** Everything this part shows, hidden parts too, emptied. */
    clear() {
      r.fileErrors("register-file", []);
      r.fileErrors("sheet", []);
      conflict.hidden = true;
      conflict.querySelector("[data-conflict-text]").replaceChildren();
      merging = null;
      mergePanel.hidden = true;
      // The sheet's columns carry its headings, and the sheet its cases: neither stays.
      sheet = null;
      sheetMap.hidden = true;
      sheetMap.querySelector("[data-sheet-columns]").replaceChildren();
      newConfirm.hidden = true;
    },
  };
}

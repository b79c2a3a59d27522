// The case register's list: every case with its next deadline as the core words it,
// filtered on the page (which hides rows and decides nothing), and the register's exports.
import { base64ToBlob, download, today } from "./form-ui.js";
import { columnNames, el, fill, say } from "./register-context.js";

/** Download a file the core made (text, or base64 for a PDF). */
export function offer(result) {
  const blob = result.base64
    ? base64ToBlob(result.base64, result.mime)
    : new Blob([result.text], { type: result.mime });
  download(result.filename, blob);
}

/** @param {import("./register-context.js").RegisterContext} r */
export function caseList(r) {
  const { core, text, state: s, $, latest, page } = r;
  const listView = $("[data-list-view]");
  const caseView = $("[data-case-view]");
  const reportSection = $("[data-report-section]");
  const registerBody = $("[data-register-body]");
  const summary = $("[data-register-summary]");
  const table = $("[data-cases]");
  const tbody = table.querySelector("tbody");
  const showing = $("[data-showing]");
  const noCases = $("[data-no-cases]");
  const stageFilter = /** @type {HTMLSelectElement} */ ($("[data-filter-stage]"));
  const statusFilter = /** @type {HTMLSelectElement} */ ($("[data-filter-status]"));
  const textFilter = /** @type {HTMLInputElement} */ ($("[data-filter-text]"));
  const listMessage = $("[data-list-message]");
  const exportMessage = $("[data-export-message]");
  let labels = null; // the column names, read once: a register may list thousands of cases

  async function refresh() {
    if (!s.register) {
      registerBody.hidden = true;
      summary.textContent = text.no_register;
      tbody.replaceChildren();
      return;
    }
    const mine = latest.now();
    const result = await core.call("register_view", { register: s.register, today: today() });
    if (!latest.holds(mine)) return;
    if (!result.ok) {
      summary.textContent = r.refusal(result);
      return;
    }
    summary.textContent = result.summary_text;
    tbody.replaceChildren(...result.rows.map(row));
    registerBody.hidden = false;
    noCases.hidden = result.rows.length > 0;
    applyFilter();
  }

  /** @param {import("./messages").RowView} c */
  function row(c) {
    const tr = document.createElement("tr");
    const next = c.next_deadline;
    const status = next ? next.status : "none";
    tr.dataset.index = String(c.index);
    tr.dataset.stage = c.stage;
    tr.dataset.status = status;
    tr.dataset.search = `${c.reference} ${c.child_initials} ${c.child_initials.replace(/\s+/g, "")}`
      .toLowerCase();
    tr.className = `cs-register__row cs-register__row--${status}`;
    const reference = /** @type {HTMLTableCellElement} */ (el("th"));
    reference.scope = "row";
    const open = /** @type {HTMLButtonElement} */ (el("button", "cs-register__open", c.reference));
    open.type = "button";
    open.dataset.openCase = String(c.index);
    open.setAttribute("aria-label", fill(text.open_case, { reference: c.reference }));
    open.addEventListener("click", () => r.parts.editor.open(c.index));
    reference.append(open);
    const child = el("td", "", c.child_age
      ? fill(text.child, { initials: c.child_initials, age: c.child_age })
      : c.child_initials);
    const stage = el("td", "", c.stage_label);
    const when = el("td");
    const state = el("td");
    if (next) {
      const time = /** @type {HTMLTimeElement} */ (el("time", "cs-register__due", next.due_text));
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
    if (typeof c.hint === "string" && c.hint) {
      when.append(el("span", "cs-register__hint", c.hint));
    }
    labels ??= columnNames(table);
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
      for (const tr of /** @type {HTMLCollectionOf<HTMLElement>} */ (tbody.children)) {
        const visible = (!stage || tr.dataset.stage === stage)
          && (!status || tr.dataset.status === status)
          && (!words || tr.dataset.search.includes(words));
        tr.hidden = !visible;
        if (visible) shown += 1;
      }
      const sentence = fill(text.showing, { shown, total: tbody.children.length });
      if (showing.textContent !== sentence) showing.textContent = sentence;
    });
  }
  stageFilter.addEventListener("change", applyFilter);
  statusFilter.addEventListener("change", applyFilter);
  textFilter.addEventListener("input", applyFilter);

  /** The list and the report, in place of a case. */
  function showList() {
    r.parts.editor.leave();
    s.current = undefined;
    s.loaded = null;
    caseView.hidden = true;
    listView.hidden = false;
    reportSection.hidden = false;
  }

  for (const button of page.querySelectorAll("[data-export]")) {
    button.addEventListener("click", async () => {
      if (!s.register) return;
      say(exportMessage, "");
      const result = await core.call("register_export", {
        register: s.register, format: button.dataset.export, today: today() });
      if (!result.ok) {
        say(exportMessage, r.refusal(result), true);
        return;
      }
      offer(result);
    });
  }

  return {
    message: listMessage,
    refresh,
    show() {
      showList();
      refresh();
      r.parts.report.refresh();
    },
    /** Back from a case to the list, with the keyboard on that case's row. */
    async backTo(index) {
      showList();
      r.drafts.saveSoon();
      await refresh();
      const button = index === undefined || index === null
        ? null
        : tbody.querySelector(`[data-open-case="${index}"]`);
      if (button && !button.closest("tr").hidden) button.focus();
      else $("#register-list-title").focus();
    },
    /** The list hidden while a case is shown. */
    hide() {
      listView.hidden = true;
      reportSection.hidden = true;
      caseView.hidden = false;
    },
    clear() {
      stageFilter.value = "";
      statusFilter.value = "";
      textFilter.value = "";
      tbody.replaceChildren();
      showing.textContent = "";
    },
  };
}

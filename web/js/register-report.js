// The register's timeliness report for a period: each measure the core counts (met, missed by
// whom and by how much, not yet known, no date to count from), its chart and its sentences,
// and the report as a file.
import { clearErrors, readAnswers, showErrors, today, writeAnswers } from "./form-ui.js";
import { showPicture } from "./picture.js";
import { linked } from "./register-case.js";
import { columnNames, el, say } from "./register-context.js";
import { offer } from "./register-list.js";

/** @param {import("./register-context.js").RegisterContext} r */
export function timelinessReport(r) {
  const { core, text, state: s, $, latest, page } = r;
  const reportForm = /** @type {HTMLFormElement} */ ($("[data-report-form]"));
  const reportSummary = reportForm.querySelector("[data-error-summary]");
  const reportStatus = $("[data-report-status]");
  const reportBody = $("[data-report-body]");
  const reportMessage = $("[data-report-message]");
  const measures = $("[data-measures]");

  /** Empty the report shown: its period, table, chart and sentences. */
  function clear() {
    reportBody.hidden = true;
    reportStatus.textContent = text.report_empty;
    $("[data-report-period]").textContent = text.report_period;
    measures.querySelector("tbody").replaceChildren();
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
    const box = (part) => /** @type {HTMLInputElement} */ (
      reportForm.querySelector(`[name="${name}-${part}"]`));
    box("day").value = String(Number(day));
    box("month").value = String(Number(month));
    box("year").value = year;
  }

  async function refresh({ explicit = false } = {}) {
    if (!s.register) {
      reportBody.hidden = true;
      reportStatus.textContent = text.report_empty;
      return;
    }
    const payload = { register: s.register, today: today() };
    const from = explicit ? period("report-from") : s.lastReport?.from;
    const to = explicit ? period("report-to") : s.lastReport?.to;
    if (from !== undefined) payload.from = from;
    if (to !== undefined) payload.to = to;
    const mine = latest.now();
    const result = await core.call("register_report", payload);
    if (!latest.holds(mine)) return;
    if (!result.ok) {
      const errors = r.errorsOf(result);
      const known = errors.filter((e) => e.field === "from" || e.field === "to");
      if (known.length) {
        // The report shown is another period's: it goes while its period is wrong.
        if (explicit) reportBody.hidden = true;
        showErrors(reportForm, reportSummary, linked(errors, "report-"), { focus: explicit });
      } else {
        clearErrors(reportForm, reportSummary);
        reportStatus.textContent = r.refusal(result);
      }
      return;
    }
    clearErrors(reportForm, reportSummary);
    s.lastReport = { from: result.from, to: result.to };
    setPeriodBoxes("report-from", result.from);
    setPeriodBoxes("report-to", result.to);
    reportStatus.textContent = "";
    const heading = $("[data-report-period]");
    heading.textContent = result.period_text;
    const names = columnNames(measures);
    measures.querySelector("tbody").replaceChildren(...result.measures.map((m) => measure(m, names)));
    showPicture($("[data-chart]"), result.chart);
    $("[data-report-lines]").replaceChildren(...result.lines.map((line) => el("li", "", line)));
    reportBody.hidden = false;
    if (explicit) heading.focus();
  }

  /**
   * @param {import("./messages").MeasureView} m
   * @param {string[]} names the table's column names
   */
  function measure(m, names) {
    const tr = document.createElement("tr");
    tr.dataset.measure = m.id;
    tr.dataset.met = String(m.met);
    tr.dataset.total = String(m.total);
    tr.dataset.unknown = String(m.unknown);
    const label = /** @type {HTMLTableCellElement} */ (el("th", "", m.label));
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
    [met, missed, unknown, pending, noStart].forEach((cell, i) => {
      cell.dataset.label = names[i + 1] ?? "";
    });
    tr.append(label, met, missed, unknown, pending, noStart);
    return tr;
  }

  reportForm.addEventListener("submit", (event) => {
    event.preventDefault();
    refresh({ explicit: true });
  });
  for (const button of page.querySelectorAll("[data-report-export]")) {
    button.addEventListener("click", async () => {
      if (!s.register || !s.lastReport) return;
      say(reportMessage, "");
      const result = await core.call("register_report_export", {
        register: s.register, ...s.lastReport, format: button.dataset.reportExport, today: today() });
      if (!result.ok) {
        say(reportMessage, r.refusal(result), true);
        return;
      }
      offer(result);
    });
  }

  return {
    refresh,
    /** The period's boxes and everything shown of the report emptied. */
    clear() {
      s.lastReport = null;
      writeAnswers(reportForm, {});
      clearErrors(reportForm, reportSummary);
      clear();
    },
  };
}

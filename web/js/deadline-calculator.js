// Page glue for the deadline calculator. No rule, no date arithmetic and no message of its
// own: it sends the date boxes as typed to the core (csprcore.api "deadlines"), and places
// the core's JSON answer in the page with DOM calls and textContent. Its few words come
// from the JSON block that the build renders from csprcore.views.deadlines.PAGE_TEXT.
import { Component, createAll } from "./component.js";
import { Latest, startCore } from "./core.js";
import { clearErrors, download, readAnswers, showErrors, today } from "./form-ui.js";
import { showPicture } from "./picture.js";
const LIVE_DELAY = 300;

export class DeadlineCalculator extends Component {
  static moduleName = "csprcore-deadline-calculator";

  /** @param {Element} root */
  constructor(root) {
    super(root);
    start(this.root, /** @type {HTMLFormElement} */ (this.need("[data-deadline-form]")));
  }
}

createAll(DeadlineCalculator);

/**
 * @param {HTMLElement} root
 * @param {HTMLFormElement} form
 */
function start(root, form) {
  const core = startCore(root);
  const text = JSON.parse(root.querySelector("[data-deadline-text]").textContent);
  const summary = form.querySelector("[data-error-summary]");
  const eventsBox = form.querySelector("[data-events]");
  const closureBox = form.querySelector("[data-closures]");
  const closureGroup = closureBox.querySelector("[data-field=closure]");
  const closureList = closureBox.querySelector("[data-closure-list]");
  const closuresNone = closureBox.querySelector("[data-closures-none]");
  const results = root.querySelector("[data-results]");
  const status = results.querySelector("[data-results-status]");
  const body = results.querySelector("[data-results-body]");
  const siteRoot = results.dataset.siteRoot;

  let closures = [];
  let closureErrors = [];
  const latest = new Latest();
  let shownErrors = "[]";
  let timer = null;

  // Live updates wait for a pause in typing, so a half-typed year does not withdraw the
  // results; once the date being typed has all its boxes filled in (day, month and a
  // four-digit year), it is worked out at once. Asking explicitly cancels a pending update.
  function schedule(event) {
    clearTimeout(timer);
    const boxes = event?.target?.closest?.("[data-field]")?.querySelectorAll("input") ?? [];
    const [day, month, year] = [...boxes].map((box) => box.value.trim());
    const filled = boxes.length === 3 && /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month)
      && /^\d{4}$/.test(year);
    timer = setTimeout(() => update(), filled ? 0 : LIVE_DELAY);
  }

  function payload(extra = {}) {
    return { ...readAnswers(eventsBox), closures: [...closures], today: today(), ...extra };
  }

  function setStatus(message) {
    if (status.textContent !== message) status.textContent = message;
  }

  // A date field's error links to its first box (GOV.UK): "referral" -> #referral-day.
  function linked(errors) {
    return errors.map((error) => {
      const first = document.getElementById(`${error.field}-day`);
      return first ? { ...error, href: `#${first.id}` } : error;
    });
  }

  function groupHasFocus(field) {
    const group = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
    return !!group && group.contains(document.activeElement);
  }

  function clearResults() {
    body.hidden = true;
    results.querySelector("[data-warnings]").replaceChildren();
    results.querySelector("[data-milestones] tbody").replaceChildren();
    results.querySelector("[data-timeline]").replaceChildren();
  }

  // --- results ---------------------------------------------------------------------------

  async function update({ explicit = false } = {}) {
    if (explicit) clearTimeout(timer);
    const mine = latest.ask();
    let result;
    try {
      result = await core.call("deadlines", payload());
    } catch {
      return; // the core's own status area says what went wrong and offers a retry
    }
    if (!latest.holds(mine)) return; // a newer request is on its way
    const errors = [...(result.ok ? [] : result.errors), ...closureErrors];
    // While typing, a date still being entered is not an error yet: its message waits
    // until the user leaves the date or asks for the deadlines.
    const shown = explicit ? errors : errors.filter((e) => !groupHasFocus(e.field));
    // Redraw the errors only when they change, so a live update never moves focus.
    const key = JSON.stringify(shown);
    if (explicit || key !== shownErrors) {
      if (shown.length) showErrors(form, summary, linked(shown), { focus: explicit });
      else clearErrors(form, summary);
      shownErrors = key;
    }
    if (!result.ok) {
      clearResults();
      setStatus(shown.length ? text.results_invalid : text.results_incomplete);
      return;
    }
    render(result);
    // Asked for explicitly: take the user to the answer (or to "enter at least one date").
    if (explicit && !shown.length) results.querySelector("h2").focus();
  }

  function render(result) {
    if (!result.milestones.length) {
      // Nothing to tabulate; the core may still warn (a step past its calendar's years).
      clearResults();
      renderWarnings(result.warnings);
      setStatus(result.summary_text || text.results_empty);
      return;
    }
    setStatus(result.summary_text);
    renderWarnings(result.warnings);
    renderTable(result.milestones);
    renderUnlock(result.unlock);
    renderTimeline(result.timeline);
    renderList(results.querySelector("[data-bank-holidays]"), result.bank_holidays);
    results.querySelector("[data-bank-holidays-none]").hidden = result.bank_holidays.length > 0;
    renderList(results.querySelector("[data-events-used]"), result.events_used);
    body.hidden = false;
  }

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function renderWarnings(warnings) {
    const box = results.querySelector("[data-warnings]");
    box.replaceChildren(
      ...warnings.map((warning) => {
        const div = el("div", "cs-warning-text");
        const icon = el("span", "cs-warning-text__icon", "!");
        icon.setAttribute("aria-hidden", "true");
        const strong = el("strong", "cs-warning-text__text");
        strong.append(el("span", "cs-visually-hidden", `${text.warning}: `), warning.message);
        div.append(icon, strong);
        return div;
      }),
    );
  }

  function renderTable(milestones) {
    const table = results.querySelector("[data-milestones]");
    const labels = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
    const rows = milestones.map((m) => {
      const tr = document.createElement("tr");
      tr.dataset.milestone = m.id;
      if (m.due) tr.dataset.due = m.due;
      else {
        tr.dataset.earliest = m.earliest;
        tr.dataset.latest = m.latest;
      }
      if (m.status) tr.dataset.status = m.status;
      tr.className = `cs-deadlines__row cs-deadlines__row--${m.status ?? "upcoming"}`;

      const number = el("td", "cs-deadlines__number", String(m.number));
      const label = el("th", "cs-deadlines__label", m.label);
      label.scope = "row";

      const when = el("td", "cs-deadlines__date");
      if (m.due) {
        const time = el("time", "", m.date_text);
        time.dateTime = m.due;
        when.append(time);
      } else {
        when.textContent = m.date_text;
      }

      const basis = el("td", "cs-deadlines__basis");
      basis.append(el("span", "", m.basis));
      if (m.note) {
        const note = el("p", "cs-deadlines__note");
        note.append(el("strong", "", `${text.reading} `), m.note);
        basis.append(note);
      }

      const section = el("td", "cs-deadlines__section");
      const link = el("a", "", m.section);
      link.href = siteRoot + m.cite_path;
      link.title = m.section_title;
      section.append(link);

      const state = el("td", "cs-deadlines__status");
      if (m.status) state.append(el("strong", `cs-tag cs-tag--${m.status}`, m.status_text));

      const cells = [number, label, when, basis, section, state];
      cells.forEach((cell, i) => {
        cell.dataset.label = labels[i];
      });
      tr.append(...cells);
      return tr;
    });
    table.querySelector("tbody").replaceChildren(...rows);
  }

  function renderUnlock(unlock) {
    const block = results.querySelector("[data-unlock-block]");
    const list = block.querySelector("[data-unlock]");
    list.replaceChildren(
      ...unlock.map((item) => {
        const li = el("li", "", item.text);
        const inner = el("ul");
        inner.append(...item.milestones.map((m) => el("li", "", m.label)));
        li.append(inner);
        return li;
      }),
    );
    block.hidden = unlock.length === 0;
  }

  function renderList(list, items) {
    list.replaceChildren(...items.map((item) => el("li", "", item.line)));
  }

  function renderTimeline(tree) {
    showPicture(results.querySelector("[data-timeline]"), tree);
  }

  // --- office closure days -----------------------------------------------------------------

  function closureAnswers() {
    return readAnswers(closureGroup);
  }

  async function addClosure() {
    let result;
    try {
      result = await core.call("deadlines", {
        closures: [...closures],
        today: today(),
        ...closureAnswers(),
      });
    } catch {
      return;
    }
    if (!result.ok) {
      closureErrors = result.errors;
      await update({ explicit: true });
      return;
    }
    closureErrors = [];
    const added = result.closures.length !== closures.length;
    closures = result.closures;
    renderClosures(result.closure_days);
    for (const input of closureGroup.querySelectorAll("input")) input.value = "";
    if (added || !closureList.children.length) closureGroup.querySelector("input").focus();
    await update();
  }

  function renderClosures(days) {
    closureList.replaceChildren(
      ...days.map((day) => {
        const li = el("li", "cs-deadlines__closure");
        li.dataset.closure = day.date;
        const remove = el("button", "md-button cs-deadlines__remove", text.remove_closure);
        remove.type = "button";
        remove.append(el("span", "cs-visually-hidden", ` ${day.text}`));
        remove.addEventListener("click", () => removeClosure(day.date, li));
        li.append(el("span", "", day.line), remove);
        return li;
      }),
    );
    closuresNone.hidden = days.length > 0;
  }

  function removeClosure(iso, li) {
    closures = closures.filter((d) => d !== iso);
    const next = li.nextElementSibling ?? li.previousElementSibling;
    li.remove();
    closuresNone.hidden = closures.length > 0;
    (next?.querySelector("button") ?? closureBox.querySelector("#deadline-closure-list-title"))
      .focus();
    update();
  }

  // --- events ------------------------------------------------------------------------------

  eventsBox.addEventListener("input", schedule);
  eventsBox.addEventListener("focusout", (event) => {
    // Leaving a date shows any problem with it.
    const group = /** @type {HTMLElement} */ (event.target).closest("[data-field]");
    if (group && !group.contains(/** @type {Node | null} */ (event.relatedTarget))) schedule();
  });
  closureGroup.addEventListener("input", () => {
    if (!closureErrors.length) return;
    closureErrors = [];
    schedule();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // Enter in the closure day adds it; anywhere else it works out the deadlines.
    if (closureGroup.contains(document.activeElement)) addClosure();
    else update({ explicit: true });
  });
  closureBox.querySelector("[data-add-closure]").addEventListener("click", addClosure);

  results.querySelector("[data-print-button]").addEventListener("click", () => window.print());
  results.querySelector("[data-calendar]").addEventListener("click", async () => {
    let result;
    try {
      result = await core.call("deadlines_ics", payload());
    } catch {
      return;
    }
    if (!result.ok) {
      showErrors(form, summary, linked(result.errors), { focus: true });
      shownErrors = JSON.stringify(result.errors);
      return;
    }
    download(result.filename, new Blob([result.text], { type: result.mime }));
  });

  core.onState((state) => {
    if (state === "ready") {
      setStatus(text.results_empty);
      update();
    }
  });
}

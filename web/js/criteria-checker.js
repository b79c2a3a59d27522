// Page glue for the criteria checker. No rule and no wording lives here: the questions are
// rendered at build time from csprcore.rules.criteria, the conclusions come from the core's
// `check` (run in the worker), and every word placed here comes from the page's
// #criteria-checker-data block, which the build writes from the core.
// What a user chooses is only ever sent to the worker and shown with textContent.
import { Component, createAll } from "./component.js";
import { Latest, startCore } from "./core.js";
import { applyShowIf, base64ToBlob, debounce, download, readAnswers } from "./form-ui.js";
import * as storage from "./storage.js";

export class CriteriaChecker extends Component {
  static moduleName = "csprcore-criteria-checker";

  /** @param {Element} root */
  constructor(root) {
    super(root);
    // The questions and the checker's words are placed beside the tool by the build.
    const form = this.need("#criteria-form", document);
    const data = JSON.parse(this.need("#criteria-checker-data", document).textContent);
    setUp(this.root, form, data);
  }
}

createAll(CriteriaChecker);

function setUp(root, form, data) {
  const core = startCore(root);
  const T = data.text;
  const panel = document.getElementById("criteria-result");
  const summary = panel.querySelector("[data-result-summary]");
  const empty = panel.querySelector("[data-result-empty]");
  const waiting = panel.querySelector("[data-result-waiting]");
  const errorBox = panel.querySelector("[data-result-error]");
  const errorText = panel.querySelector("[data-result-error-text]");
  const body = panel.querySelector("[data-result-body]");
  const actionStatus = document.querySelector("[data-action-status]");
  const latest = new Latest();

  /** The answers as the core's facts: names are fact keys, values the core's values. */
  function facts() {
    const answers = readAnswers(form);
    for (const [key, value] of Object.entries(answers)) {
      if (Array.isArray(value) && value.length === 0) delete answers[key];
    }
    return answers;
  }

  function show(which) {
    empty.hidden = which !== "empty";
    waiting.hidden = which !== "waiting";
    errorBox.hidden = which !== "error";
    body.hidden = which !== "result";
  }

  function citeLink(cite) {
    const info = data.cites[cite];
    const link = document.createElement("a");
    link.href = info.href;
    link.textContent = info.label;
    link.title = info.title;
    return link;
  }

  function reasonItem(text, cite) {
    const item = document.createElement("li");
    item.append(`${text} (`, citeLink(cite), ")");
    return item;
  }

  function render(result) {
    for (const key of data.conclusions) {
      const el = panel.querySelector(`[data-conclusion="${key}"]`);
      const value = result[key];
      el.dataset.value = value;
      const tag = el.querySelector("[data-answer]");
      tag.textContent = data.answer_words[value];
      tag.className = `cs-tag cs-tag--${value}`;
    }
    for (const el of panel.querySelectorAll("[data-conclusion]")) {
      const key = el.dataset.conclusion;
      const items = result.reasons
        .filter((r) => r.finding === key)
        .map((r) => reasonItem(r.text, r.cite));
      el.querySelector("[data-reasons]").replaceChildren(...items);
      el.querySelector(".cs-conclusion__why").hidden = items.length === 0;
    }
    const circumstances = panel.querySelector("[data-circumstances]");
    const found = result.national_review_circumstances.map((key) => {
      const item = document.createElement("li");
      item.dataset.circumstance = key;
      item.textContent = data.circumstances[key];
      return item;
    });
    if (!found.length && result.serious_case === "no") {
      const item = document.createElement("li");
      item.className = "cs-conclusion__none";
      item.textContent = T.circumstances_none_not_serious;
      found.push(item);
    }
    circumstances.replaceChildren(...found);
    const national = panel.querySelector('[data-conclusion="national_review_circumstances"]');
    national.dataset.count = String(result.national_review_circumstances.length);

    const steps = result.next_steps.map((step) => {
      const item = document.createElement("li");
      item.append(`${step.text} (`, citeLink(step.cite), ")");
      if (step.milestone) {
        item.dataset.milestone = step.milestone;
        const link = document.createElement("a");
        link.href = data.deadlines_href;
        link.className = "cs-checker__milestone";
        link.textContent = T.milestone_link;
        item.append(" ", link);
      }
      return item;
    });
    panel.querySelector("[data-next-steps]").replaceChildren(...steps);
    panel.querySelector("[data-next-steps]").hidden = steps.length === 0;
    panel.querySelector("[data-next-steps-none]").hidden = steps.length !== 0;
    show("result");
    announce(
      data.conclusions
        .map((key) => `${data.short[key]}: ${data.summary_words[result[key]]}.`)
        .join(" "),
    );
  }

  /** The polite live line: changed only when the result changes, so nothing is repeated,
   *  and only once answers settle (moving through radios with the arrow keys changes the
   *  answer at each step; the results show at once, the screen reader hears the last). */
  const announce = debounce((text) => {
    if (summary.textContent !== text) summary.textContent = text;
  }, 700);

  function clearResult() {
    for (const el of panel.querySelectorAll("[data-conclusion]")) {
      delete el.dataset.value;
      el.querySelector("[data-reasons]").replaceChildren();
    }
    panel.querySelector("[data-circumstances]").replaceChildren();
    panel.querySelector("[data-next-steps]").replaceChildren();
    announce("");
    show("empty");
  }

  async function assess() {
    const current = facts();
    const mine = latest.ask();
    fillPrintAnswers();
    if (Object.keys(current).length === 0) {
      clearResult();
      return;
    }
    if (core.state !== "ready") show(core.state === "error" ? "error" : "waiting");
    let result;
    try {
      result = await core.call("check", current);
    } catch {
      if (latest.holds(mine)) {
        errorText.textContent = T.result_error;
        show("error");
      }
      return;
    }
    if (!latest.holds(mine)) return; // a newer answer has been given meanwhile
    if (!result.ok) {
      errorText.textContent = result.errors.map((e) => e.message).join(" ");
      show("error");
      return;
    }
    render(result);
  }

  // Each answer is assessed at once (a call takes milliseconds); a newer answer given while
  // one is being assessed wins (see `latest` in assess).
  form.addEventListener("change", () => {
    applyShowIf(form);
    assess();
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  // Answers given before the core was ready (or before a retry) are assessed once it is.
  core.onState((state) => {
    if (state === "ready" && Object.keys(facts()).length) assess();
  });

  applyShowIf(form);
  // The browser may restore choices on "back": assess them as if just given.
  if (Object.keys(facts()).length) assess();

  // --- actions ---------------------------------------------------------------------------

  function now() {
    const d = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} `
      + `${two(d.getHours())}:${two(d.getMinutes())}`;
  }

  function fillPrintAnswers() {
    const list = document.querySelector("[data-print-list]");
    const items = [];
    for (const group of form.querySelectorAll(".cs-form-group")) {
      if (group.hidden) continue;
      const legend = group.querySelector("legend");
      const chosen = [...group.querySelectorAll("input:checked")].map(
        (input) => form.querySelector(`label[for="${CSS.escape(input.id)}"]`).textContent,
      );
      const dt = document.createElement("dt");
      dt.textContent = legend.textContent;
      const dd = document.createElement("dd");
      dd.textContent = chosen.join("; ") || T.not_answered;
      items.push(dt, dd);
    }
    list.replaceChildren(...items);
    document.querySelector("[data-print-checked-at]").textContent = `${T.print_checked_at} ${now()}`;
  }

  const actions = {
    referral() {
      const handoff = { saved: Date.now(), facts: facts(), checked_at: now() };
      const text = JSON.stringify(handoff);
      // Carried to the referral form in this browser only: in its storage, or where storage
      // is blocked or full, in the address's fragment, which is never sent to a server or
      // in a Referer. The referral page reads either and removes it at once.
      if (storage.setItem(data.handoff_key, text)) {
        window.location.assign(data.referral_href);
      } else {
        window.location.assign(
          `${data.referral_href}#${new URLSearchParams({ checker: text })}`);
      }
    },
    async record(button) {
      // Not disabled while busy: a disabled button would lose the keyboard focus.
      if (button.getAttribute("aria-disabled") === "true") return;
      button.setAttribute("aria-disabled", "true");
      actionStatus.textContent = T.record_preparing;
      try {
        const result = await core.call("check_record", {
          facts: facts(), checked_at: now(), format: button.dataset.format || "pdf" });
        if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(" "));
        download(result.filename, base64ToBlob(result.base64, result.mime));
        actionStatus.textContent = T.record_ready;
      } catch {
        actionStatus.textContent = T.record_failed;
      } finally {
        button.removeAttribute("aria-disabled");
      }
    },
    print() {
      fillPrintAnswers();
      window.print();
    },
    restart() {
      form.reset();
      applyShowIf(form);
      latest.moveOn();
      clearResult();
      fillPrintAnswers();
      actionStatus.textContent = T.restarted;
      form.querySelector("input")?.focus();
    },
  };

  for (const button of document.querySelectorAll("[data-action]")) {
    button.addEventListener("click", () => actions[button.dataset.action](button));
  }
  window.addEventListener("beforeprint", fillPrintAnswers);
}

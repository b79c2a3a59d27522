// Generic form plumbing shared by every tool page. No rule and no message of its own:
// field names, show-if conditions and error messages all come from the core (through the
// HTML rendered at build time, or a worker result). Values are only ever set with .value,
// .checked and .textContent, so what a user types is never read as markup.
import { words } from "./words.js";

/** The page's answers as {name: value}; checkboxes give arrays. Inputs inside a question
 *  that is hidden (its show-if does not hold) are left out, unless `includeHidden`. */
export function readAnswers(form, { includeHidden = false } = {}) {
  const answers = {};
  for (const el of form.querySelectorAll("input[name], textarea[name], select[name]")) {
    if (el.type === "file") continue;
    if (!includeHidden && el.closest("[data-show-if][hidden]")) continue;
    if (el.type === "radio") {
      if (el.checked) answers[el.name] = el.value;
    } else if (el.type === "checkbox") {
      answers[el.name] ??= [];
      if (el.checked) answers[el.name].push(el.value);
    } else {
      answers[el.name] = el.value;
    }
  }
  return answers;
}

/** Set every input, hidden ones included, to exactly what `answers` holds: an input the
 *  answers do not name is emptied. A restored draft, an opened file and a deleted draft all
 *  come through here, so nothing of one case is left behind in the next. */
export function writeAnswers(form, answers) {
  for (const el of form.querySelectorAll("input[name], textarea[name], select[name]")) {
    if (el.type === "file") continue;
    const value = Object.hasOwn(answers, el.name) ? answers[el.name] : undefined;
    if (el.type === "radio") el.checked = value === el.value;
    else if (el.type === "checkbox") el.checked = Array.isArray(value) && value.includes(el.value);
    else el.value = typeof value === "string" ? value : "";
  }
  applyShowIf(form);
  updateCounts(form);
}

/** A chosen file for the core: its name and at most `maxBytes` + 1 of its bytes, as base64
 *  (one byte more than the core accepts is enough for it to refuse the file). The core
 *  decodes the bytes itself, strictly, so a file that is not UTF-8 is refused, not
 *  silently repaired. */
export function readFile(file, maxBytes) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, base64: url.slice(url.indexOf(",") + 1 || url.length) });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file.slice(0, maxBytes + 1));
  });
}

/** `text` as a sentence: one full stop at the end, never two. */
export function sentence(text) {
  const trimmed = String(text ?? "").trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The core's refusal of a file, which changes nothing and says so (a core that could not
 *  answer at all says so itself). */
export function refusedFile(result) {
  const problem = sentence(result.errors[0].message);
  return result.failed ? problem : words("file_refused", { problem });
}

/** The core's one show-if rule (csprcore.rules.visibility.shown, checked against this by a test):
 *  shown while any named field (its name after `prefix`) has a listed value; a list answer
 *  counts when any of its items is listed. */
export function isShown(rule, answers, prefix = "") {
  const conditions = Object.entries(rule ?? {});
  return conditions.length === 0 || conditions.some(([name, values]) => {
    const value = answers[prefix + name];
    return (Array.isArray(value) ? value : [value]).some((v) => values.includes(v));
  });
}

/** Show each [data-show-if] element only while its condition holds (isShown). */
export function applyShowIf(form) {
  // Conditions read every answer, whether its question is shown or not.
  const answers = readAnswers(form, { includeHidden: true });
  for (const el of form.querySelectorAll("[data-show-if]")) {
    el.hidden = !isShown(JSON.parse(el.dataset.showIf), answers, el.dataset.showIfPrefix ?? "");
  }
}

/** "You have 20 characters remaining", from the field's data-maxlength. */
export function updateCounts(form) {
  for (const area of form.querySelectorAll("[data-maxlength]")) {
    const count = form.querySelector(`[data-count-for="${CSS.escape(area.id)}"]`);
    if (!count) continue;
    const left = Number(area.dataset.maxlength) - area.value.length;
    const n = Math.abs(left).toLocaleString("en-GB");
    const one = Math.abs(left) === 1;
    count.textContent = left >= 0
      ? words(one ? "character_left" : "characters_left", { count: n })
      : words(one ? "character_over" : "characters_over", { count: n });
    count.classList.toggle("cs-character-count--over", left < 0);
  }
}

function fieldId(name) {
  return name.replaceAll(".", "-");
}

/** Clear every error message and the summary. */
export function clearErrors(form, summary) {
  for (const p of form.querySelectorAll("[data-error-for]")) {
    p.hidden = true;
    p.textContent = "";
  }
  for (const g of form.querySelectorAll(".cs-form-group--error")) {
    g.classList.remove("cs-form-group--error");
  }
  for (const el of form.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    const ids = (el.getAttribute("aria-describedby") ?? "").split(" ").filter(
      (id) => id && !id.endsWith("-error"),
    );
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }
  if (summary) {
    summary.hidden = true;
    summary.querySelector("ul").replaceChildren();
  }
}

/** Show the core's errors: a summary that takes focus and links to each field (GOV.UK
 *  "There is a problem"), and the message at each field. Nothing typed is changed. */
export function showErrors(form, summary, errors, { focus = true } = {}) {
  clearErrors(form, summary);
  if (!errors.length) return;
  const list = summary.querySelector("ul");
  for (const error of errors) {
    const id = fieldId(error.field ?? "");
    const href = error.href ?? `#${id}`;
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = href;
    link.textContent = error.message;
    link.addEventListener("click", (event) => {
      const target = document.getElementById(href.slice(1)) ?? document.getElementById(id);
      if (!target) return;
      event.preventDefault();
      const group = target.closest(".cs-form-group");
      (group?.querySelector("legend, label") ?? target).scrollIntoView({ block: "start" });
      target.focus?.({ preventScroll: true });
    });
    item.append(link);
    list.append(item);
    const message = form.querySelector(`[data-error-for="${CSS.escape(id)}"]`);
    if (message && !message.textContent) {
      message.hidden = false;
      const hidden = document.createElement("span");
      hidden.className = "md-visually-hidden cs-visually-hidden";
      hidden.textContent = `${words("error_prefix")} `;
      message.replaceChildren(hidden, document.createTextNode(error.message));
      message.closest(".cs-form-group")?.classList.add("cs-form-group--error");
      const group = message.closest(".cs-form-group");
      for (const input of group?.querySelectorAll("input, textarea, select") ?? []) {
        if (input.type === "radio" || input.type === "checkbox") continue;
        input.setAttribute("aria-invalid", "true");
        const ids = new Set((input.getAttribute("aria-describedby") ?? "").split(" "));
        ids.add(message.id);
        input.setAttribute("aria-describedby", [...ids].filter(Boolean).join(" "));
      }
      const fieldset = group?.querySelector("fieldset");
      if (fieldset) {
        const ids = new Set((fieldset.getAttribute("aria-describedby") ?? "").split(" "));
        ids.add(message.id);
        fieldset.setAttribute("aria-describedby", [...ids].filter(Boolean).join(" "));
      }
    }
  }
  summary.hidden = false;
  if (focus) summary.focus();
}

/** Offer a file to the user (a Blob made here; nothing is uploaded anywhere). */
/** The user's own calendar day (YYYY-MM-DD) from this device's clock: the core works out
 *  every status against it. */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function download(filename, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64ToBlob(base64, mime) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}

/** Call fn at most once per `ms` of quiet (answers typed quickly are assessed once). */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

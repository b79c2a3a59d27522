// "Fill in from the referral" and "Add agency returns": the user picks saved JSON files, the
// core reads and checks them and gives back the form's answers with only its empty boxes
// filled, and sentences saying what it did. This only carries the files and the answers.
import { readAnswers, readFile, refusedFile, sentence } from "./form-ui.js";
import { words } from "./words.js";

/**
 * @param {import("./form-page.js").FormPage} page what startFormPage gives its glue.
 * @param {string} name the file input's data attribute, without "data-": it names the picker
 *   and its message box ("data-NAME-message").
 * @param {"form_start_from" | "rapid_review_add_returns" | "action_plan_add_updates"} fn
 *   the core function that reads the files and fills the form in.
 * @param {(files: {name: string, base64: string}[]) => object} payload the call's payload
 *   beyond the form's answers and today's date.
 */
export function fillFromFiles(page, name, fn, payload) {
  const { core, form, root, setAnswers, saveDraft, say, today, thisCase } = page;
  const input = /** @type {HTMLInputElement | null} */ (root.querySelector(`[data-${name}]`));
  const message = root.querySelector(`[data-${name}-message]`);
  if (!input || !message) return;
  input.addEventListener("change", async () => {
    const chosen = [...(input.files ?? [])];
    if (!chosen.length) return;
    say(message, words("files_reading"));
    let files;
    try {
      files = await Promise.all(chosen.map((file) => readFile(file, Number(input.dataset.maxBytes))));
    } catch {
      say(message, words("files_unreadable"), true);
      return;
    } finally {
      input.value = "";
    }
    // The answers are read after the files, so nothing typed meanwhile is lost.
    const forCase = thisCase.now();
    const result = await core.call(fn, {
      ...payload(files), form: form.dataset.form, answers: readAnswers(form), today: today() });
    // The draft was deleted (or another opened) while the core read the files: what it
    // found belongs to the old case and must not fill in the new one.
    if (!thisCase.holds(forCase)) return;
    if (!result.ok) {
      say(message, refusedFile(result), true);
      return;
    }
    if (result.changed) {
      setAnswers(result.answers, { sameCase: true });
      saveDraft();
    }
    const refused = new Set((result.refused ?? []).map((e) => sentence(e.message)));
    message.replaceChildren(...result.messages.map((text) => {
      const p = document.createElement("p");
      p.textContent = text;
      if (refused.has(text)) p.className = "cs-error-message";
      return p;
    }));
  });
}

// The Rapid Review Template page: the shared form machinery, plus "Add agency returns",
// which hands the agencies' saved scoping returns to the core and puts back what it gives:
// one row per agency, with what the user has already written kept. The core reads and
// checks every file; this only carries them.
import { startFormPage } from "./form-page.js";
import { readAnswers } from "./form-ui.js";

startFormPage({
  onReady({ core, form, root, setAnswers, saveDraft, say, today }) {
    const input = root.querySelector("[data-add-returns]");
    const message = root.querySelector("[data-add-returns-message]");
    if (!input) return;
    input.addEventListener("change", async () => {
      const chosen = [...(input.files ?? [])];
      if (!chosen.length) return;
      // Read at most one byte more than the core accepts: enough for it to refuse a file.
      const limit = Number(input.dataset.maxBytes) + 1;
      const files = await Promise.all(chosen.map(async (file) => ({
        name: file.name, content: await file.slice(0, limit).text() })));
      input.value = "";
      say(message, "Adding the returns…");
      const result = await core.call("rapid_review_add_returns", {
        answers: readAnswers(form), files, today: today() });
      if (!result.ok) {
        say(message, `${result.errors[0].message}. Your answers have not changed.`, true);
        return;
      }
      if (result.changed) {
        setAnswers(result.answers);
        saveDraft();
      }
      message.replaceChildren();
      for (const text of result.messages) {
        const p = document.createElement("p");
        p.textContent = text;
        if (result.refused.some((e) => `${e.message}.` === text)) {
          p.className = "cs-error-message";
        }
        message.append(p);
      }
      if (!result.changed && result.refused.length) {
        const p = document.createElement("p");
        p.textContent = "Nothing was added: your answers have not changed.";
        message.append(p);
      }
    });
  },
});

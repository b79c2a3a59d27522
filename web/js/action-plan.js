// The action plan page: the shared form machinery, plus "Start from the local review", an
// agency's update sheet and "Add agencies' updates". The progress (counts, overdue actions,
// the next monitoring date) is worked out by the core as the answers change, like every
// computed field; the sheets are made and read by the core too.
import { createAll } from "./component.js";
import { fillFromFiles } from "./file-fill.js";
import { FormTool } from "./form-page.js";
import { base64ToBlob, download, readAnswers, sentence } from "./form-ui.js";
import { words } from "./words.js";

export class ActionPlan extends FormTool {
  static moduleName = "csprcore-action-plan";

  /** @param {import("./form-page.js").FormPage} page */
  ready(page) {
    fillFromFiles(page, "from-local-review", "form_start_from", ([file]) => ({ file }));
    fillFromFiles(page, "add-updates", "action_plan_add_updates", (files) => ({ files }));
    const button = page.root.querySelector("[data-agency-sheet]");
    const name = /** @type {HTMLInputElement} */ (page.root.querySelector("[data-agency-name]"));
    const message = page.root.querySelector("[data-agency-sheet-message]");
    button?.addEventListener("click", async () => {
      const result = await page.core.call("action_plan_agency_update", {
        answers: readAnswers(page.form), agency: name.value, today: page.today() });
      if (!result.ok) {
        page.say(message, sentence(result.errors[0].message), true);
        return;
      }
      download(result.filename, base64ToBlob(result.base64, result.mime));
      page.say(message, words("sheet_downloaded", { name: result.filename }));
    });
  }
}

createAll(ActionPlan);

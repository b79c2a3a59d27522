// The Rapid Review record page: the shared form machinery, plus two ways to fill it from
// saved files: "Fill in from the referral" and "Add agency returns" (one row per agency).
import { createAll } from "./component.js";
import { fillFromFiles } from "./file-fill.js";
import { FormTool } from "./form-page.js";

export class RapidReview extends FormTool {
  static moduleName = "csprcore-rapid-review";

  /** @param {import("./form-page.js").FormPage} page */
  ready(page) {
    fillFromFiles(page, "from-referral", "form_start_from", ([file]) => ({ file }));
    fillFromFiles(page, "add-returns", "rapid_review_add_returns", (files) => ({ files }));
  }
}

createAll(RapidReview);

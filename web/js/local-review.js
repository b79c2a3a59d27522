// The local review record page: the shared form machinery, plus "Start from the Rapid
// Review": the core reads the Rapid Review's saved file, refuses one that did not decide on a
// local review, and fills the record's empty boxes.
import { createAll } from "./component.js";
import { fillFromFiles } from "./file-fill.js";
import { FormTool } from "./form-page.js";

export class LocalReview extends FormTool {
  static moduleName = "csprcore-local-review";

  /** @param {import("./form-page.js").FormPage} page */
  ready(page) {
    fillFromFiles(page, "from-rapid-review", "form_start_from", ([file]) => ({ file }));
  }
}

createAll(LocalReview);

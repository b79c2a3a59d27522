// The agencies' scoping return page: the shared form machinery on the scoping model,
// plus "Fill in from the referral". The return-by date is worked out by the core (the
// partnership's Appendix 1 timescale after the referral).
import { createAll } from "./component.js";
import { fillFromFiles } from "./file-fill.js";
import { FormTool } from "./form-page.js";

export class ScopingReturn extends FormTool {
  static moduleName = "csprcore-scoping-return";

  /** @param {import("./form-page.js").FormPage} page */
  ready(page) {
    fillFromFiles(page, "from-referral", "form_start_from", ([file]) => ({ file }));
  }
}

createAll(ScopingReturn);

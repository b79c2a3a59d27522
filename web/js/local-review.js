// The local review record page: the shared form machinery, plus "Start from the Rapid
// Review": the core reads the Rapid Review's saved file, refuses one that did not decide on a
// local review, and fills the record's empty boxes.
import { startFormPage } from "./form-page.js";
import { fillFromFiles } from "./file-fill.js";

startFormPage({
  onReady(page) {
    fillFromFiles(page, "from-rapid-review", "form_start_from", ([file]) => ({ file }));
  },
});

// The action plan page: the shared form machinery, plus "Start from the local review". The
// progress (counts, overdue actions, the next monitoring date) is worked out by the core as
// the answers change, like every computed field.
import { startFormPage } from "./form-page.js";
import { fillFromFiles } from "./file-fill.js";

startFormPage({
  onReady(page) {
    fillFromFiles(page, "from-local-review", "form_start_from", ([file]) => ({ file }));
  },
});

// The agencies' scoping return page: the shared form machinery on the scoping model,
// plus "Fill in from the referral". The return-by date is worked out by the core (the
// partnership's Appendix 1 timescale after the referral).
import { startFormPage } from "./form-page.js";
import { fillFromFiles } from "./file-fill.js";

startFormPage({
  onReady(page) {
    fillFromFiles(page, "from-referral", "form_start_from", ([file]) => ({ file }));
  },
});

// The agencies' Initial Scoping return page: the shared form machinery on the scoping model.
// The return-by date is worked out by the core (referral + 5 working days, Appendix 1).
import { startFormPage } from "./form-page.js";

startFormPage();

// The referral form page: the shared form machinery on the referral model.
import { startFormPage } from "./form-page.js";

startFormPage();

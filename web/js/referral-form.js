// The referral form page: the shared form machinery on the referral model.
import { createAll } from "./component.js";
import { FormTool } from "./form-page.js";

export class ReferralForm extends FormTool {
  static moduleName = "csprcore-referral-form";
}

createAll(ReferralForm);

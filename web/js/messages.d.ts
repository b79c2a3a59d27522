// Written by scripts/message_types.py from csprcore.api.messages and csprcore.api.FUNCTIONS:
// do not edit (make message-types writes it again).

/** A function of the core a page may call (csprcore.api.FUNCTIONS). */
export type FunctionName =
  | "action_plan_add_updates"
  | "action_plan_agency_update"
  | "bank_holidays"
  | "check"
  | "check_record"
  | "criteria_questions"
  | "deadlines"
  | "deadlines_ics"
  | "form_check"
  | "form_computed"
  | "form_export"
  | "form_open"
  | "form_start_from"
  | "info"
  | "local_review_dates"
  | "rapid_review_add_returns"
  | "referral_from_check"
  | "register_add_document"
  | "register_case"
  | "register_delete_case"
  | "register_example"
  | "register_export"
  | "register_import"
  | "register_merge"
  | "register_new"
  | "register_open"
  | "register_report"
  | "register_report_export"
  | "register_save_case"
  | "register_sheet_columns"
  | "register_view"
  | "workdays_add"
  | "workdays_between";

/** A problem with one field (`""`: with the request as a whole), in words for the user. */
export interface FieldMessage {
  field: string;
  message: string;
  href?: string;
}

/** The core could not do what was asked; nothing was changed. */
export interface Refusal {
  ok: false;
  errors: FieldMessage[];
  internal?: string;
  names?: true;
  failed?: true;
}

/** Every answer that is not a refusal; each function adds its own keys. */
export interface Answered {
  ok: true;
}

/** A file for the user to download: `text`, or `base64` for a binary one (a PDF). */
export interface MadeFile {
  ok: true;
  filename: string;
  mime: string;
  text?: string;
  base64?: string;
}

/** What every call resolves to: a refusal, or the function's answer (its own keys). */
export type Answer = Refusal | (Answered & Record<string, any>);

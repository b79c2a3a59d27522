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

/** `register_open`: the register as checked, and how many cases it has, in words. */
export interface RegisterOpened {
  register: Record<string, any>;
  summary_text: string;
}

/** A case's deadline as the list and the case show it. */
export interface DeadlineView {
  id: string;
  label: string;
  due: string;
  due_text: string;
  working_days_left: number;
  left_text: string;
  status: "on_time" | "due_soon" | "overdue";
  status_label: string;
  cite: string;
}

/** A case in the list: its stage and its next deadline (`None`: nothing due; then `hint` may say which date would give one). */
export interface RowView {
  index: number;
  reference: string;
  child_initials: string;
  child_age: string;
  stage: string;
  stage_label: string;
  next_deadline: DeadlineView | null;
  hint: string | null;
}

/** A filter's choice with the number of cases it would show. */
export interface CountView {
  id: string;
  label: string;
  count: number;
}

/** The register's list, soonest next deadline first. */
export interface ListView {
  rows: RowView[];
  stages: CountView[];
  statuses: CountView[];
  summary_text: string;
  today: string;
}

/** `register_view`: the register as checked (what the page sends back next), and its list. */
export interface RegisterList {
  rows: RowView[];
  stages: CountView[];
  statuses: CountView[];
  summary_text: string;
  today: string;
  register: Record<string, any>;
}

/** A case that missed a measure, and by how many working days. */
export interface MissedView {
  reference: string;
  working_days_late: number;
  text: string;
}

/** One timeliness measure for the period: met of counted, who missed it and by how much, the cases past their last day with no date, those still within it, those with no date to count from. */
export interface MeasureView {
  id: string;
  label: string;
  cite: string;
  section: string;
  section_title: string;
  cite_path: string;
  met: number;
  total: number;
  percent: number | null;
  words: string;
  missed: MissedView[];
  unknown: number;
  unknown_references: string[];
  pending: number;
  no_start_date: string[];
  unknown_text: string;
  pending_text: string;
  no_start_text: string;
}

export interface ReportView {
  from: string;
  to: string;
  period_text: string;
  measures: MeasureView[];
  lines: string[];
  chart: Record<string, any>;
}

/** The functions whose answers are typed (csprcore.api.answers.ANSWERS). */
export interface AnswerOf {
  register_open: RegisterOpened;
  register_report: ReportView;
  register_view: RegisterList;
}

/** What a call of `F` resolves to: a refusal, or its answer (typed where it is). */
export type AnswerTo<F extends FunctionName> =
  | Refusal
  | (Answered & (F extends keyof AnswerOf ? AnswerOf[F] : Record<string, any>));

/** What every call resolves to: a refusal, or the function's answer (its own keys). */
export type Answer = Refusal | (Answered & Record<string, any>);

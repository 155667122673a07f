// Plain data types of the backend contract (JSON as it arrives over IPC).
// The generated classes in wailsjs/go/models.ts describe the same shapes; the
// services in this folder check them against each other at compile time.

export interface Field {
  key: string;
  value: string;
}

export interface Contact {
  id: number;
  name: string;
  originalName: string;
  /** canonical, digits only: 62… */
  phone: string;
  /** international display form: +62 812-3456-7890 */
  display: string;
  email: string;
  groupIds: number[];
  fields: Field[];
  /** "manual", "autoreply" or "import:<batch>" */
  source: string;
  createdAt: number;
  updatedAt: number;
  /** where the name came from: typed, import, pushname, number, detected */
  nameSource: string;
  /** automatic name changes (a stated name, a WhatsApp name) are off */
  nameLocked: boolean;
  /** a name the customer stated, waiting for the user to accept or dismiss it */
  suggestedName: string;
  /** asked not to be contacted */
  optOut: boolean;
}

export interface ContactInput {
  name: string;
  /** raw, as typed */
  phone: string;
  email: string;
  groupIds: number[];
  fields: Field[];
  /** set: change the flag; absent: leave it as it is */
  nameLocked?: boolean;
  optOut?: boolean;
}

export type SortOrder = 'name' | 'newest';

/** How several chosen groups combine: in any of them, in all of them, in none of them. */
export type GroupMode = 'any' | 'all' | 'none';

export interface Query {
  /** name, phone in any format, or email */
  text: string;
  /** one group; 0 = no group filter */
  groupId: number;
  /** several groups, combined by groupMode (absent = none) */
  groupIds?: number[];
  groupMode?: GroupMode;
  /** only contacts in no group */
  noGroup: boolean;
  /** only contacts with an email */
  hasEmail?: boolean;
  /** "manual", "autoreply" or "import:<batch>"; "" or absent = any */
  source?: string;
  sort: SortOrder;
  offset: number;
  /** 1 to 500 */
  limit: number;
}

/** What a bulk action applies to: the chosen contacts, or every contact the query matches. */
export interface Selection {
  /** used when all is false */
  ids: number[];
  all: boolean;
  /** paging is ignored */
  query: Query;
}

export interface DeleteResult {
  deleted: number;
  /** pass to undoDelete; 0 when nothing was deleted */
  undoId: number;
}

export type BulkAction = 'add' | 'remove' | 'delete';

/** How far a bulk action on many contacts has come (bulk:progress). */
export interface BulkProgress {
  action: BulkAction;
  done: number;
  total: number;
}

export interface Page {
  total: number;
  offset: number;
  items: Contact[];
}

export interface ContactRef {
  id: number;
  name: string;
}

export type PhoneStatus = 'valid' | 'invalid' | 'lossy' | 'empty';

export interface PhoneCheck {
  input: string;
  phone: string;
  status: PhoneStatus;
  kind: string;
  display: string;
  reasons: string[];
  duplicate?: ContactRef;
}

export interface Group {
  id: number;
  name: string;
  description: string;
  members: number;
  createdAt: number;
}

export interface GroupInput {
  name: string;
  description: string;
}

export type Language = '' | 'id' | 'en';

export interface Settings {
  language: Language;
  country: string;
  systemLanguage: 'id' | 'en';
}

export interface Country {
  code: string;
  name: string;
  callingCode: string;
}

// ---- import (issue 4) ----

export type ImportFormat = 'csv' | 'xlsx' | 'vcard';
export type ColumnRole = 'ignore' | 'name' | 'first_name' | 'middle_name' | 'last_name' | 'phone' | 'email' | 'group' | 'optOut' | 'field';
export type PhoneLabel = '' | 'mobile' | 'home' | 'work' | 'fax' | 'other';

export interface ColumnMap {
  role: ColumnRole;
  /** the custom field's name for "field" ("" = the header); the phone's label for "phone" */
  key: string;
}

export interface Mapping {
  columns: ColumnMap[];
}

/** How to read a file; zero values mean "detect". */
export interface OpenOptions {
  /** XLSX sheet; "" = the first sheet with data */
  sheet: string;
  /** "" = detect, or one of , ; \t | */
  delimiter: string;
  /** 0 = detect, -1 = no header row, N = row N is the header */
  headerRow: number;
}

export interface FileInfo {
  path: string;
  file: string;
  format: ImportFormat;
  /** "" (a plain table), "google" or "outlook" */
  profile: string;
  encoding: string;
  delimiter: string;
  sheets: string[];
  sheet: string;
  headerRow: number;
  /** column names; empty for vCard (no mapping) */
  header: string[];
  sample: string[][];
  mapping: Mapping;
  /** the mapping is the one used last time for the same columns */
  remembered: boolean;
  size: number;
}

export type ExistingMode = 'fill' | 'skip' | 'overwrite';

export interface ImportOptions {
  path: string;
  open: OpenOptions;
  /** null: the remembered or suggested mapping (vCard has none) */
  mapping: Mapping | null;
  groupIds: number[];
  newGroups: string[];
  existing: ExistingMode;
  replaceNames: boolean;
}

export type RowOutcome = 'new' | 'update' | 'unchanged' | 'duplicate' | 'invalid' | 'lossy' | 'empty';

export interface PreviewRow {
  row: number;
  name: string;
  /** as written in the file */
  phone: string;
  /** the normalised number, when valid */
  display: string;
  email: string;
  groups: string[];
  outcome: RowOutcome;
  reason: string;
  duplicateOf: number;
  existingName: string;
}

export interface ImportCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  invalid: number;
  lossy: number;
  empty: number;
}

export interface ImportProblem {
  row: number;
  outcome: RowOutcome;
  reason: string;
  name: string;
  phone: string;
  duplicateOf: number;
}

export interface ImportPreview {
  file: FileInfo;
  /** the first 200 rows */
  rows: PreviewRow[];
  /** the whole file */
  counts: ImportCounts;
  problems: ImportProblem[];
}

export type ImportState = 'running' | 'done' | 'cancelled' | 'failed' | 'undone';

export interface ImportReport extends ImportCounts {
  batch: number;
  file: string;
  path: string;
  format: string;
  state: ImportState;
  problems: ImportProblem[];
  /** rows in the rejected-rows file */
  rejected: number;
  groupIds: number[];
  startedAt: number;
  finishedAt: number;
  /** an error code when state is "failed" */
  error: string;
}

export type ImportPhase = 'reading' | 'undoing' | 'done';

export interface ImportProgress {
  importId: number;
  rows: number;
  done: number;
  total: number;
  percent: number;
  rowsPerSec: number;
  secondsLeft: number;
  phase: ImportPhase;
}

export interface UndoResult {
  /** contacts the import had created */
  removed: number;
  /** contacts put back as they were */
  restored: number;
  /** changes that could not be reversed */
  left: number;
}

// ---- export ----

export type ExportFormat = 'csv' | 'xlsx' | 'vcf';

export interface ExportRequest {
  format: ExportFormat;
  path: string;
  /** a selection; empty = every contact the query matches */
  ids: number[];
  query: Query;
}

export interface ExportResult {
  path: string;
  written: number;
}

export interface ExportProgress {
  done: number;
  total: number;
}

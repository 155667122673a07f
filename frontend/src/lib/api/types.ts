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
  source: string;
  createdAt: number;
  updatedAt: number;
}

export interface ContactInput {
  name: string;
  /** raw, as typed */
  phone: string;
  email: string;
  groupIds: number[];
  fields: Field[];
}

export type SortOrder = 'name' | 'newest';

export interface Query {
  text: string;
  /** 0 = all */
  groupId: number;
  noGroup: boolean;
  sort: SortOrder;
  offset: number;
  limit: number;
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

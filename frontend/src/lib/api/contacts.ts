// The only place (with groups.ts, settings.ts, events.ts) that touches the generated bindings.
import * as Contacts from '../../../wailsjs/go/contacts/Contacts';
import { contacts as models } from '../../../wailsjs/go/models';
import { call } from './call';
import { FILE_WORK_TIMEOUT_MS } from './imports';
import type { Contact, ContactInput, DeleteResult, ExportRequest, ExportResult, GroupMode, Page, PhoneCheck, Query, Selection } from './types';

/** Rows the contact list asks for at a time (the backend allows up to MAX_PAGE_SIZE). */
export const PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/**
 * A bulk action on everything a search matches can touch a million contacts; it reports
 * progress through bulk:progress and gets the long timeout of file work.
 */
export const BULK_TIMEOUT_MS = FILE_WORK_TIMEOUT_MS;

function input(i: ContactInput): models.ContactInput {
  const out: Partial<models.ContactInput> = {
    name: i.name,
    phone: i.phone,
    email: i.email,
    groupIds: [...i.groupIds],
    fields: i.fields.map((f) => ({ key: f.key, value: f.value })),
  };
  if (typeof i.nameLocked === 'boolean') out.nameLocked = i.nameLocked;
  if (typeof i.optOut === 'boolean') out.optOut = i.optOut;
  return models.ContactInput.createFrom(out);
}

const GROUP_MODES: readonly GroupMode[] = ['any', 'all', 'none'];

/** The query as the backend wants it: every field present, paging kept as given. */
export function normaliseQuery(q: Query): models.Query {
  return models.Query.createFrom({
    text: q.text,
    groupId: q.groupId || 0,
    groupIds: [...(q.groupIds ?? [])],
    groupMode: q.groupMode && GROUP_MODES.includes(q.groupMode) ? q.groupMode : 'any',
    noGroup: q.noGroup === true,
    hasEmail: q.hasEmail === true,
    source: q.source ?? '',
    sort: q.sort === 'newest' ? 'newest' : 'name',
    offset: Math.max(0, q.offset || 0),
    limit: Math.max(0, q.limit || 0),
  });
}

// Results arrive as plain JSON; the annotations check that the generated
// model shapes still match the contract types.
export function normaliseContact(c: models.Contact): Contact {
  return {
    ...c,
    groupIds: c.groupIds ?? [],
    fields: c.fields ?? [],
    source: c.source ?? '',
    nameSource: c.nameSource ?? '',
    nameLocked: c.nameLocked === true,
    suggestedName: c.suggestedName ?? '',
    optOut: c.optOut === true,
  };
}
const contact = normaliseContact;

function selection(s: Selection): models.Selection {
  return models.Selection.createFrom({
    ids: s.all ? [] : [...s.ids],
    all: s.all,
    query: normaliseQuery({ ...s.query, offset: 0, limit: 0 }),
  });
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export const contactsApi = {
  async list(q: Query): Promise<Page> {
    const page: models.Page = await call('Contacts.List', () => Contacts.List(normaliseQuery(q)));
    return { total: page.total, offset: page.offset, items: (page.items ?? []).map(contact) };
  },
  async get(id: number): Promise<Contact> {
    return contact(await call('Contacts.Get', () => Contacts.Get(id)));
  },
  async add(i: ContactInput): Promise<Contact> {
    return contact(await call('Contacts.Add', () => Contacts.Add(input(i))));
  },
  async update(id: number, i: ContactInput): Promise<Contact> {
    return contact(await call('Contacts.Update', () => Contacts.Update(id, input(i))));
  },
  delete(ids: number[]): Promise<number> {
    return call('Contacts.Delete', () => Contacts.Delete([...ids]));
  },
  async checkPhone(raw: string, excludeId: number): Promise<PhoneCheck> {
    const r: models.PhoneCheck = await call('Contacts.CheckPhone', () => Contacts.CheckPhone(raw, excludeId));
    const out: PhoneCheck = {
      input: r.input,
      phone: r.phone,
      status: r.status as PhoneCheck['status'],
      kind: r.kind,
      display: r.display,
      reasons: r.reasons ?? [],
    };
    if (r.duplicate && r.duplicate.id) out.duplicate = { id: r.duplicate.id, name: r.duplicate.name };
    return out;
  },
  addToGroup(ids: number[], groupId: number): Promise<number> {
    return call('Contacts.AddToGroup', () => Contacts.AddToGroup([...ids], groupId));
  },
  removeFromGroup(ids: number[], groupId: number): Promise<number> {
    return call('Contacts.RemoveFromGroup', () => Contacts.RemoveFromGroup([...ids], groupId));
  },
  /** Puts every selected contact (or every one the query matches) into a group; returns how many were not in it. */
  async addToGroupSelection(s: Selection, groupId: number): Promise<number> {
    return num(await call('Contacts.AddToGroupSelection', () => Contacts.AddToGroupSelection(selection(s), groupId), BULK_TIMEOUT_MS));
  },
  /** Takes every selected contact out of a group (they stay contacts); returns how many were in it. */
  async removeFromGroupSelection(s: Selection, groupId: number): Promise<number> {
    return num(await call('Contacts.RemoveFromGroupSelection', () => Contacts.RemoveFromGroupSelection(selection(s), groupId), BULK_TIMEOUT_MS));
  },
  /** Deletes the selection, keeping what it deleted for undoDelete. */
  async deleteSelection(s: Selection): Promise<DeleteResult> {
    const r: models.DeleteResult = await call('Contacts.DeleteSelection', () => Contacts.DeleteSelection(selection(s)), BULK_TIMEOUT_MS);
    return { deleted: num(r?.deleted), undoId: num(r?.undoId) };
  },
  /** Marks every selected contact as do-not-contact (optOut true) or allows contact again; returns how many changed. */
  async optOutSelection(s: Selection, optOut: boolean): Promise<number> {
    return num(await call('Contacts.SetOptOutSelection', () => Contacts.SetOptOutSelection(selection(s), optOut), BULK_TIMEOUT_MS));
  },
  /** Brings back the contacts of a delete; returns how many came back. */
  async undoDelete(undoId: number): Promise<number> {
    return num(await call('Contacts.UndoDelete', () => Contacts.UndoDelete(undoId), BULK_TIMEOUT_MS));
  },
  /** Makes the name the customer stated the contact's name. */
  async acceptSuggestedName(id: number): Promise<Contact> {
    return contact(await call('Contacts.AcceptSuggestedName', () => Contacts.AcceptSuggestedName(id)));
  },
  /** Forgets the name the customer stated. */
  async dismissSuggestedName(id: number): Promise<Contact> {
    return contact(await call('Contacts.DismissSuggestedName', () => Contacts.DismissSuggestedName(id)));
  },
  /** Writes contacts to a file (atomically); export:progress events report how far it is. */
  async export(r: ExportRequest): Promise<ExportResult> {
    const req = models.ExportRequest.createFrom({ format: r.format, path: r.path, ids: [...r.ids], query: normaliseQuery({ ...r.query, offset: 0, limit: 0 }) });
    const out: models.ExportResult = await call('Contacts.Export', () => Contacts.Export(req), FILE_WORK_TIMEOUT_MS);
    return { path: out?.path ?? r.path, written: out?.written ?? 0 };
  },
};

// The only place (with groups.ts, settings.ts, events.ts) that touches the generated bindings.
import * as Contacts from '../../../wailsjs/go/contacts/Contacts';
import { contacts as models } from '../../../wailsjs/go/models';
import { call } from './call';
import { FILE_WORK_TIMEOUT_MS } from './imports';
import type { Contact, ContactInput, ExportRequest, ExportResult, Page, PhoneCheck, Query } from './types';

export const PAGE_SIZE = 50;

function input(i: ContactInput): models.ContactInput {
  return models.ContactInput.createFrom({
    name: i.name,
    phone: i.phone,
    email: i.email,
    groupIds: [...i.groupIds],
    fields: i.fields.map((f) => ({ key: f.key, value: f.value })),
  });
}

// Results arrive as plain JSON; the annotations check that the generated
// model shapes still match the contract types.
function contact(c: models.Contact): Contact {
  return { ...c, groupIds: c.groupIds ?? [], fields: c.fields ?? [] };
}

export const contactsApi = {
  async list(q: Query): Promise<Page> {
    const page: models.Page = await call('Contacts.List', () => Contacts.List(models.Query.createFrom({ ...q })));
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
  /** Writes contacts to a file (atomically); export:progress events report how far it is. */
  async export(r: ExportRequest): Promise<ExportResult> {
    const req = models.ExportRequest.createFrom({ format: r.format, path: r.path, ids: [...r.ids], query: { ...r.query } });
    const out: models.ExportResult = await call('Contacts.Export', () => Contacts.Export(req), FILE_WORK_TIMEOUT_MS);
    return { path: out?.path ?? r.path, written: out?.written ?? 0 };
  },
};

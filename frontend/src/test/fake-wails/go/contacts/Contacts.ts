// Fake of wailsjs/go/contacts/Contacts.js (same exported names and arguments).
import { fake } from '../../backend';
import type { ContactInput, ExportRequest, Query, Selection } from '../../../../lib/api/types';

export const Add = (arg1: ContactInput) => fake.invoke('Contacts.Add', [arg1], () => fake.contactsAdd(arg1));
export const AddToGroup = (arg1: number[], arg2: number) => fake.invoke('Contacts.AddToGroup', [arg1, arg2], () => fake.contactsAddToGroup(arg1, arg2));
export const CheckPhone = (arg1: string, arg2: number) => fake.invoke('Contacts.CheckPhone', [arg1, arg2], () => fake.contactsCheckPhone(arg1, arg2));
export const Delete = (arg1: number[]) => fake.invoke('Contacts.Delete', [arg1], () => fake.contactsDelete(arg1));
export const Export = (arg1: ExportRequest) => fake.invoke('Contacts.Export', [arg1], () => fake.contactsExport(arg1));
export const Get = (arg1: number) => fake.invoke('Contacts.Get', [arg1], () => fake.contactsGet(arg1));
export const List = (arg1: Query) => fake.invoke('Contacts.List', [arg1], () => fake.contactsList(arg1));
export const RemoveFromGroup = (arg1: number[], arg2: number) => fake.invoke('Contacts.RemoveFromGroup', [arg1, arg2], () => fake.contactsRemoveFromGroup(arg1, arg2));
export const Update = (arg1: number, arg2: ContactInput) => fake.invoke('Contacts.Update', [arg1, arg2], () => fake.contactsUpdate(arg1, arg2));
export const AddToGroupSelection = (arg1: Selection, arg2: number) =>
  fake.invoke('Contacts.AddToGroupSelection', [arg1, arg2], () => fake.contactsAddToGroupSelection(arg1, arg2));
export const RemoveFromGroupSelection = (arg1: Selection, arg2: number) =>
  fake.invoke('Contacts.RemoveFromGroupSelection', [arg1, arg2], () => fake.contactsRemoveFromGroupSelection(arg1, arg2));
export const DeleteSelection = (arg1: Selection) => fake.invoke('Contacts.DeleteSelection', [arg1], () => fake.contactsDeleteSelection(arg1));
export const UndoDelete = (arg1: number) => fake.invoke('Contacts.UndoDelete', [arg1], () => fake.contactsUndoDelete(arg1));
export const AcceptSuggestedName = (arg1: number) => fake.invoke('Contacts.AcceptSuggestedName', [arg1], () => fake.contactsSuggestion(arg1, true));
export const DismissSuggestedName = (arg1: number) => fake.invoke('Contacts.DismissSuggestedName', [arg1], () => fake.contactsSuggestion(arg1, false));
/** Marks the selection as opted out (or back in); counts the contacts whose flag changed. */
export const SetOptOutSelection = (arg1: Selection, arg2: boolean) =>
  fake.invoke('Contacts.SetOptOutSelection', [arg1, arg2], () => {
    const ids = arg1.all ? fake.matching(arg1.query).map((c) => c.id) : [...new Set(arg1.ids)];
    let n = 0;
    for (const id of ids) {
      const c = fake.contacts.get(id);
      if (c && c.optOut !== arg2) {
        c.optOut = arg2;
        c.updatedAt = fake.clock++;
        n++;
      }
    }
    if (ids.length >= fake.bulkChunk) {
      for (let done = fake.bulkChunk; done < ids.length; done += fake.bulkChunk) fake.emit('bulk:progress', { action: 'optout', done, total: ids.length });
      fake.emit('bulk:progress', { action: 'optout', done: ids.length, total: ids.length });
    }
    if (n) fake.emitLater('contacts:changed', { ids });
    return n;
  });

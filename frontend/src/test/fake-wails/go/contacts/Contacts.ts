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

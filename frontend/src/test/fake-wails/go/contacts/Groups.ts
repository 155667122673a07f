// Fake of wailsjs/go/contacts/Groups.js
import { fake } from '../../backend';
import type { GroupInput } from '../../../../lib/api/types';

export const Create = (arg1: GroupInput) => fake.invoke('Groups.Create', [arg1], () => fake.groupsCreate(arg1));
export const Delete = (arg1: number) => fake.invoke('Groups.Delete', [arg1], () => fake.groupsDelete(arg1));
export const Get = (arg1: number) => fake.invoke('Groups.Get', [arg1], () => fake.groupsGet(arg1));
export const List = () => fake.invoke('Groups.List', [], () => fake.groupsList());
export const Update = (arg1: number, arg2: GroupInput) => fake.invoke('Groups.Update', [arg1, arg2], () => fake.groupsUpdate(arg1, arg2));

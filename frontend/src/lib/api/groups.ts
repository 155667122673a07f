import * as Groups from '../../../wailsjs/go/contacts/Groups';
import { contacts as models } from '../../../wailsjs/go/models';
import { call } from './call';
import type { Group, GroupInput } from './types';

function input(i: GroupInput): models.GroupInput {
  return models.GroupInput.createFrom({ name: i.name, description: i.description });
}

function group(g: models.Group): Group {
  return { id: g.id, name: g.name, description: g.description ?? '', members: g.members ?? 0, createdAt: g.createdAt };
}

export const groupsApi = {
  async list(): Promise<Group[]> {
    const list: models.Group[] = (await call('Groups.List', () => Groups.List())) ?? [];
    return list.map(group);
  },
  async get(id: number): Promise<Group> {
    return group(await call('Groups.Get', () => Groups.Get(id)));
  },
  async create(i: GroupInput): Promise<Group> {
    return group(await call('Groups.Create', () => Groups.Create(input(i))));
  },
  async update(id: number, i: GroupInput): Promise<Group> {
    return group(await call('Groups.Update', () => Groups.Update(id, input(i))));
  },
  async delete(id: number): Promise<Group> {
    return group(await call('Groups.Delete', () => Groups.Delete(id)));
  },
};

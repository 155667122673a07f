// Fake of wailsjs/go/campaigns/Campaigns.js (same exported names and arguments).
import { fake } from '../../backend';
import { campaignsFake as s, type FAudience } from './service';

type Input = { kind: string; name: string; message: string; audience: FAudience };

export const List = (arg1: string) => fake.invoke('Campaigns.List', [arg1], () => s.list(arg1));
export const Get = (arg1: number) => fake.invoke('Campaigns.Get', [arg1], () => s.get(arg1));
export const Save = (arg1: number, arg2: Input) => fake.invoke('Campaigns.Save', [arg1, arg2], () => s.save(arg1, arg2));
export const Delete = (arg1: number) => fake.invoke('Campaigns.Delete', [arg1], () => s.delete(arg1));
export const Count = (arg1: FAudience) => fake.invoke('Campaigns.Count', [arg1], () => s.audience(arg1).count);
export const Recipients = (arg1: FAudience, arg2: number, arg3: number) =>
  fake.invoke('Campaigns.Recipients', [arg1, arg2, arg3], () => {
    if (arg3 < 0 || arg3 > 500) throw { kind: 'invalid', code: 'request.invalid', message: 'request.invalid' };
    const { count, list } = s.audience(arg1);
    const limit = arg3 > 0 ? arg3 : 50;
    return { count, offset: arg2, items: list.slice(arg2, arg2 + limit).map((c) => s.recipient(c, arg1)) };
  });
export const Why = (arg1: FAudience, arg2: number) => fake.invoke('Campaigns.Why', [arg1, arg2], () => s.why(arg1, fake.contactsGet(arg2)));
export const Targets = (arg1: number) => fake.invoke('Campaigns.Targets', [arg1], () => s.targets(arg1));
export const Preview = (arg1: string, arg2: FAudience) => fake.invoke('Campaigns.Preview', [arg1, arg2], () => s.preview(arg1, arg2));
export const Export = (arg1: { itemId: number; format: string; path: string }) => fake.invoke('Campaigns.Export', [arg1], () => s.export(arg1));
export const Outputs = (arg1: number) => fake.invoke('Campaigns.Outputs', [arg1], () => s.outputsOf(arg1));

import * as SettingsSvc from '../../../wailsjs/go/settings/Service';
import { settings as models } from '../../../wailsjs/go/models';
import { call } from './call';
import type { Country, Settings } from './types';

export function normaliseSettings(s: Partial<models.Settings> | null | undefined): Settings {
  const lang = s?.language;
  const sys = s?.systemLanguage;
  return {
    language: lang === 'id' || lang === 'en' ? lang : '',
    country: s?.country || 'ID',
    systemLanguage: sys === 'en' ? 'en' : sys === 'id' ? 'id' : 'id',
  };
}

export const settingsApi = {
  async get(): Promise<Settings> {
    return normaliseSettings(await call('Settings.Get', () => SettingsSvc.Get()));
  },
  async update(s: Settings): Promise<Settings> {
    const arg = models.Settings.createFrom({ language: s.language, country: s.country, systemLanguage: s.systemLanguage });
    return normaliseSettings(await call('Settings.Update', () => SettingsSvc.Update(arg)));
  },
  async countries(): Promise<Country[]> {
    const list: models.Country[] = (await call('Settings.Countries', () => SettingsSvc.Countries())) ?? [];
    return list.map((c) => ({ code: c.code, name: c.name, callingCode: c.callingCode }));
  },
};

// Fake of wailsjs/go/settings/Service.js (Go: settings.Service)
import { fake, COUNTRIES } from '../../backend';
import type { Settings } from '../../../../lib/api/types';

export const Countries = () => fake.invoke('Settings.Countries', [], () => COUNTRIES);
export const Get = () => fake.invoke('Settings.Get', [], () => fake.settings);
export const Update = (arg1: Settings) => fake.invoke('Settings.Update', [arg1], () => fake.settingsUpdate(arg1));

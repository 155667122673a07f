// Fake of wailsjs/go/main/App.js
import { fake } from '../../backend';

export const Status = () => fake.invoke('App.Status', [], () => fake.status);
export const ChooseImportFile = () => fake.invoke('App.ChooseImportFile', [], () => fake.dialog.importFile);
export const ChooseSavePath = (arg1: string) => fake.invoke('App.ChooseSavePath', [arg1], () => fake.dialog.savePath);

// Fake of wailsjs/go/importer/Imports.js (Go: importer.Imports)
import { fake } from '../../backend';
import type { GoOpenOptions, GoOptions } from '../../importer';

export const Cancel = () => fake.invoke('Imports.Cancel', [], () => fake.imports.cancel());
export const History = () => fake.invoke('Imports.History', [], () => fake.imports.history);
export const Inspect = (arg1: string, arg2: GoOpenOptions) => fake.invoke('Imports.Inspect', [arg1, arg2], () => fake.imports.inspect(arg1, arg2));
export const Preview = (arg1: GoOptions) => fake.invoke('Imports.Preview', [arg1], () => fake.imports.preview(arg1));
export const Report = (arg1: number) => fake.invoke('Imports.Report', [arg1], () => fake.imports.report(arg1));
export const Running = () => fake.invoke('Imports.Running', [], () => fake.imports.running());
export const SaveRejected = (arg1: number, arg2: string) => fake.invoke('Imports.SaveRejected', [arg1, arg2], () => fake.imports.saveRejected(arg1, arg2));
export const Stage = (arg1: string, arg2: string) => fake.invoke('Imports.Stage', [arg1, arg2], () => fake.imports.stage(arg1, arg2));
export const Start = (arg1: GoOptions) => fake.invoke('Imports.Start', [arg1], () => fake.imports.start(arg1));
export const Undo = (arg1: number) => fake.invoke('Imports.Undo', [arg1], () => fake.imports.undo(arg1));

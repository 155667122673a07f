// Fake of wailsjs/runtime/runtime.js (the event functions the app uses).
import { fake } from '../backend';

export function EventsOnMultiple(eventName: string, callback: (...data: unknown[]) => void, maxCallbacks: number): () => void {
  return fake.on(eventName, callback, maxCallbacks);
}
export function EventsOn(eventName: string, callback: (...data: unknown[]) => void): () => void {
  return EventsOnMultiple(eventName, callback, -1);
}
export function EventsOnce(eventName: string, callback: (...data: unknown[]) => void): () => void {
  return EventsOnMultiple(eventName, callback, 1);
}
export function EventsOff(eventName: string, ...additionalEventNames: string[]): void {
  fake.off(eventName, ...additionalEventNames);
}
export function EventsEmit(eventName: string, ...data: unknown[]): void {
  fake.emit(eventName, ...data);
}
/** Files dropped on the window: the fake delivers them with fake.emit('wails:file-drop', x, y, paths). */
export function OnFileDrop(callback: (x: number, y: number, paths: string[]) => void, _useDropTarget: boolean): void {
  if (fake.fileDrop) return; // like Wails: registers once until OnFileDropOff
  fake.fileDrop = fake.on('wails:file-drop', (...data: unknown[]) => callback(data[0] as number, data[1] as number, data[2] as string[]));
}
export function OnFileDropOff(): void {
  fake.fileDrop?.();
  fake.fileDrop = null;
}
export function WindowSetTitle(_title: string): void {}
export function LogPrint(_message: string): void {}
export function LogError(_message: string): void {}

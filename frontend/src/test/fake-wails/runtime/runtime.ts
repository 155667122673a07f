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
export function WindowSetTitle(_title: string): void {}
export function LogPrint(_message: string): void {}
export function LogError(_message: string): void {}

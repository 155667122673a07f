// Event names mirror backend/events/events.go.
import { EventsOn } from '../../../wailsjs/runtime/runtime';
import type { Settings } from './types';
import { normaliseSettings } from './settings';

export const EVENTS = {
  contactsChanged: 'contacts:changed',
  groupsChanged: 'groups:changed',
  settingsChanged: 'settings:changed',
} as const;

export interface EventPayloads {
  'contacts:changed': { ids: number[] };
  'groups:changed': Record<string, never>;
  'settings:changed': Settings;
}

export type EventName = keyof EventPayloads;

function payload<E extends EventName>(event: E, raw: unknown): EventPayloads[E] {
  switch (event) {
    case 'contacts:changed': {
      const ids = raw && typeof raw === 'object' && Array.isArray((raw as { ids?: unknown }).ids) ? (raw as { ids: number[] }).ids : [];
      return { ids } as EventPayloads[E];
    }
    case 'settings:changed':
      return normaliseSettings(raw as Partial<Settings>) as EventPayloads[E];
    default:
      return {} as EventPayloads[E];
  }
}

/**
 * Subscribes to a backend event; returns the unsubscribe function.
 * Never throws: without the Wails runtime (plain browser) it is a no-op.
 */
export function on<E extends EventName>(event: E, handler: (p: EventPayloads[E]) => void): () => void {
  let off: unknown;
  try {
    off = EventsOn(event, (...data: unknown[]) => handler(payload(event, data[0])));
  } catch {
    return () => {};
  }
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    if (typeof off === 'function') (off as () => void)();
  };
}

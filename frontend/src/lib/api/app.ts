import * as AppSvc from '../../../wailsjs/go/main/App';
import type { main as models } from '../../../wailsjs/go/models';
import { call } from './call';

export interface AppStatus {
  /** "ready", or "locked" (another Kontak has the data folder) or "failed" */
  state: 'ready' | 'locked' | 'failed';
  message: string;
  dataDir: string;
}

/** A native dialog waits for the user, who may take their time. */
const DIALOG_TIMEOUT_MS = 60 * 60_000;

export const appApi = {
  async status(): Promise<AppStatus> {
    const s: models.Status = await call('App.Status', () => AppSvc.Status());
    const state = s.state === 'locked' || s.state === 'failed' ? s.state : 'ready';
    return { state, message: s.message ?? '', dataDir: s.dataDir ?? '' };
  },
  /**
   * The system's open dialog for a contact file; "" when cancelled.
   * Only in the desktop window (see platform.ts): in a browser nobody could answer it.
   */
  async chooseImportFile(): Promise<string> {
    return (await call('App.ChooseImportFile', () => AppSvc.ChooseImportFile(), DIALOG_TIMEOUT_MS)) ?? '';
  },
  /** The system's save dialog with a suggested file name; "" when cancelled. Desktop window only. */
  async chooseSavePath(suggested: string): Promise<string> {
    return (await call('App.ChooseSavePath', () => AppSvc.ChooseSavePath(suggested), DIALOG_TIMEOUT_MS)) ?? '';
  },
};

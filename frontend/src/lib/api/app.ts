import * as AppSvc from '../../../wailsjs/go/main/App';
import type { main as models } from '../../../wailsjs/go/models';
import { call } from './call';

export interface AppStatus {
  /** "ready", or "locked" (another Kontak has the data folder) or "failed" */
  state: 'ready' | 'locked' | 'failed';
  message: string;
  dataDir: string;
}

export const appApi = {
  async status(): Promise<AppStatus> {
    const s: models.Status = await call('App.Status', () => AppSvc.Status());
    const state = s.state === 'locked' || s.state === 'failed' ? s.state : 'ready';
    return { state, message: s.message ?? '', dataDir: s.dataDir ?? '' };
  },
};

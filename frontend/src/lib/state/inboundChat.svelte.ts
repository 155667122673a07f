// A WhatsApp chat export being imported: dry-run preview, then apply. Kept here (not in
// a screen) because a file dropped on any screen starts it.
import { toAppError, type AppError } from '../api';
import { inboundApi, type ChatSummary } from '../api/inbound';
import { createLatest } from '../logic/latest';
import { navigate } from './router.svelte';
import { stageFile } from './staging';

export type ChatBusy = null | 'reading' | 'previewing' | 'applying';

interface ChatFlow {
  open: boolean;
  busy: ChatBusy;
  error: AppError | null;
  fileName: string;
  path: string;
  preview: ChatSummary | null;
  result: ChatSummary | null;
}

function fresh(): ChatFlow {
  return { open: false, busy: null, error: null, fileName: '', path: '', preview: null, result: null };
}

export const chatFlow = $state<ChatFlow>(fresh());

const latest = createLatest();

export function closeChat(): void {
  if (chatFlow.busy === 'applying') return;
  latest.invalidate();
  Object.assign(chatFlow, fresh());
}

/** Forgets the flow whatever it does (the unit tests start clean). */
export function forgetChat(): void {
  latest.invalidate();
  Object.assign(chatFlow, fresh());
}

function fail(e: unknown): void {
  chatFlow.error = toAppError(e);
  chatFlow.busy = null;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Opens a chat export by path (the open dialog, a dropped file, a staged one) and previews it. */
export async function chatFromPath(path: string, fileName = baseName(path)): Promise<void> {
  if (chatFlow.busy === 'applying') return;
  Object.assign(chatFlow, fresh(), { open: true, fileName, path, busy: 'previewing' });
  navigate('autoReply');
  try {
    const out = await latest.run(() => inboundApi.chatImport(path, false));
    if (out.stale) return;
    chatFlow.preview = out.value;
    chatFlow.busy = null;
  } catch (e) {
    fail(e);
  }
}

/** Opens a chat export a browser handed over: its bytes are staged first. */
export async function chatFromFile(file: File): Promise<void> {
  if (chatFlow.busy === 'applying') return;
  Object.assign(chatFlow, fresh(), { open: true, fileName: file.name, busy: 'reading' });
  navigate('autoReply');
  try {
    const out = await latest.run(() => stageFile(file, 'chat.file.empty'));
    if (out.stale) return;
    await chatFromPath(out.value, file.name);
  } catch (e) {
    fail(e);
  }
}

/** Runs every message of the previewed chat through the pipeline for real. */
export async function applyChat(): Promise<void> {
  if (!chatFlow.path || chatFlow.busy) return;
  chatFlow.busy = 'applying';
  chatFlow.error = null;
  try {
    const out = await latest.run(() => inboundApi.chatImport(chatFlow.path, true));
    if (out.stale) return;
    chatFlow.result = out.value;
    chatFlow.busy = null;
  } catch (e) {
    fail(e);
  }
}

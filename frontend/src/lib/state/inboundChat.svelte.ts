// A WhatsApp chat export being imported: dry-run preview, then apply. Kept here (not in
// a screen) because a file dropped on any screen starts it.
import { importsApi, toAppError, type AppError } from '../api';
import { AppError as AppErrorClass } from '../api/errors';
import { inboundApi, type ChatSummary } from '../api/inbound';
import { createLatest } from '../logic/latest';
import { bytesToBase64, MAX_STAGED_BYTES } from '../logic/importFlow';
import { navigate } from './router.svelte';

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

/** A file's bytes as base64; FileReader does the work off the main thread where it exists. */
function fileToBase64(file: File): Promise<string> {
  if (typeof FileReader === 'undefined') return file.arrayBuffer().then((b) => bytesToBase64(new Uint8Array(b)));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const s = typeof r.result === 'string' ? r.result : '';
      resolve(s.slice(s.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error ?? new Error('the file cannot be read'));
    r.readAsDataURL(file);
  });
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

/** Stages a browser's file (file input or HTML drop) and returns its temp path. */
export async function stageFile(file: File): Promise<string> {
  if (file.size > MAX_STAGED_BYTES) throw new AppErrorClass({ kind: 'invalid', code: 'import.file.too_large', message: 'file too large' });
  if (file.size === 0) throw new AppErrorClass({ kind: 'invalid', code: 'chat.file.empty', message: 'empty file' });
  return importsApi.stage(file.name, await fileToBase64(file));
}

/** Opens a chat export a browser handed over: its bytes are staged first. */
export async function chatFromFile(file: File): Promise<void> {
  if (chatFlow.busy === 'applying') return;
  Object.assign(chatFlow, fresh(), { open: true, fileName: file.name, busy: 'reading' });
  navigate('autoReply');
  try {
    const out = await latest.run(() => stageFile(file));
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

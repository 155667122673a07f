// Dropping a file anywhere on the window starts an import.
// - Kontak's own window: Wails delivers the dropped paths (OnFileDrop).
// - A browser (dev mode, e2e): the HTML drop event gives the File; its bytes are staged.
// The window may deliver both for one drop; the path wins, the bytes are a fallback.
//
// A .txt file may be a WhatsApp "Export chat" file rather than a contact list: the
// backend reads its first lines (Inbound.IsChatExport) and a chat goes to the chat
// import preview on the Auto Reply screen; anything else goes to the contact import.
// Other extensions go straight to the contact import, as before.
import { isDesktopWindow, onFileDrop } from '../api';
import { inboundApi } from '../api/inbound';
import { importFile, importPath } from './imports.svelte';
import { chatFromPath } from './inboundChat.svelte';
import { stageFile } from './staging';
import { toast } from './toasts.svelte';
import { ui } from './router.svelte';

export const dropState = $state<{ over: boolean }>({ over: false });

/** How long the desktop window waits for Wails' paths before it uses the dropped bytes. */
export const PATH_WAIT_MS = 1500;

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

function start(run: () => Promise<void>): void {
  run().catch((e: unknown) => toast.error(e));
}

/** Whether a file name may be a chat export (WhatsApp always writes .txt). */
export function maybeChat(name: string): boolean {
  return /\.txt$/i.test(name);
}

/** Opens a dropped path: a chat export goes to the chat import, anything else to the contact import. */
export async function openPath(path: string): Promise<void> {
  if (maybeChat(path) && (await inboundApi.isChatExport(path))) return chatFromPath(path);
  return importPath(path);
}

/** Opens a dropped file's bytes (browser): a .txt is staged and sniffed first. */
export async function openFile(file: File): Promise<void> {
  if (!maybeChat(file.name) || file.size === 0) return importFile(file);
  const path = await stageFile(file, 'chat.file.empty');
  if (await inboundApi.isChatExport(path)) return chatFromPath(path, file.name);
  return importPath(path);
}

/** Wires the drop handlers to the window. Returns the cleanup function. */
export function syncFileDrop(): () => void {
  const desktop = isDesktopWindow();
  let depth = 0;
  let fallback: ReturnType<typeof setTimeout> | null = null;

  const offPaths = onFileDrop((paths) => {
    if (fallback) clearTimeout(fallback);
    fallback = null;
    dropState.over = false;
    if (ui.openDialogs > 0) return;
    start(() => openPath(paths[0]!));
  });

  const onEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth++;
    dropState.over = ui.openDialogs === 0;
  };
  const onOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // allows the drop, and stops the browser from opening the file
    if (e.dataTransfer) e.dataTransfer.dropEffect = ui.openDialogs > 0 ? 'none' : 'copy';
  };
  const onLeave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) dropState.over = false;
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    dropState.over = false;
    if (ui.openDialogs > 0) return;
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    if (!desktop) {
      start(() => openFile(file));
      return;
    }
    if (fallback) clearTimeout(fallback);
    fallback = setTimeout(() => {
      fallback = null;
      start(() => openFile(file));
    }, PATH_WAIT_MS);
  };

  window.addEventListener('dragenter', onEnter);
  window.addEventListener('dragover', onOver);
  window.addEventListener('dragleave', onLeave);
  window.addEventListener('drop', onDrop);
  return () => {
    offPaths();
    if (fallback) clearTimeout(fallback);
    window.removeEventListener('dragenter', onEnter);
    window.removeEventListener('dragover', onOver);
    window.removeEventListener('dragleave', onLeave);
    window.removeEventListener('drop', onDrop);
    dropState.over = false;
  };
}

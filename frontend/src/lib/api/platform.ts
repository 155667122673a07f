// Where the interface runs, and files dropped on the window (Wails runtime).
import { OnFileDrop, OnFileDropOff } from '../../../wailsjs/runtime/runtime';

type Bridges = { webkit?: { messageHandlers?: { external?: unknown } }; chrome?: { webview?: unknown } };

/**
 * True inside Kontak's own window (WebKitGTK, WKWebView or WebView2); false in a plain
 * browser (dev mode and the end-to-end tests). Only the window can show native dialogs
 * and deliver dropped files as paths; a browser sends the file's bytes instead.
 */
export function isDesktopWindow(): boolean {
  const w = globalThis as unknown as Bridges;
  return Boolean(w.webkit?.messageHandlers?.external || w.chrome?.webview);
}

/**
 * Calls handler with the paths of files dropped anywhere on the window (desktop window
 * only; a browser never delivers paths). Returns the unsubscribe function. Never throws.
 */
export function onFileDrop(handler: (paths: string[]) => void): () => void {
  try {
    OnFileDrop((_x: number, _y: number, paths: string[]) => {
      const list = Array.isArray(paths) ? paths.filter((p) => typeof p === 'string' && p !== '') : [];
      if (list.length > 0) handler(list);
    }, false);
  } catch {
    return () => {};
  }
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    try {
      OnFileDropOff();
    } catch {
      /* the runtime is gone */
    }
  };
}

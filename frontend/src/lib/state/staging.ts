// A browser's file (file input or HTML drop) staged for the backend: it gets the bytes
// and keeps them in a temp file, so the rest works on a path like a desktop drop.
import { importsApi } from '../api';
import { AppError } from '../api/errors';
import { bytesToBase64, MAX_STAGED_BYTES } from '../logic/importFlow';

/** Stages a file and returns its temp path; a too large file or an empty one (`emptyCode`) is refused. */
export async function stageFile(file: File, emptyCode: string): Promise<string> {
  if (file.size > MAX_STAGED_BYTES) throw new AppError({ kind: 'invalid', code: 'import.file.too_large', message: 'file too large' });
  if (file.size === 0) throw new AppError({ kind: 'invalid', code: emptyCode, message: 'empty file' });
  return importsApi.stage(file.name, await fileToBase64(file));
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

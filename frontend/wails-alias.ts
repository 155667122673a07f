import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';

/**
 * Redirects the generated Wails bindings (imported only from src/lib/api/) to the
 * in-memory fakes in src/test/fake-wails/. Used by the unit tests and by
 * `vite --mode fake` (a browser preview with no Go backend). models.ts stays real.
 */
export const fakeWailsAlias: Alias = {
  find: /^(?:\.\.\/)+wailsjs\/(go\/(?:contacts|settings|main|importer|inbound|campaigns)\/[A-Za-z]+|runtime\/runtime)$/,
  replacement: fileURLToPath(new URL('./src/test/fake-wails/', import.meta.url)) + '$1',
};

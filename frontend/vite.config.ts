import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fakeWailsAlias } from './wails-alias.ts';

// `vite build` writes frontend/dist, which the Go app embeds.
// `vite --mode fake` / `vite build --mode fake` swap the Wails bindings for in-memory fakes.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  resolve: {
    alias: mode === 'fake' ? [fakeWailsAlias] : [],
  },
  build: {
    outDir: mode === 'fake' ? 'dist-fake' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { strictPort: true },
}));

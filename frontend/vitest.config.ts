import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { fakeWailsAlias } from './wails-alias.ts';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  resolve: {
    // The generated bindings are replaced by in-memory fakes (src/test/fake-wails/).
    alias: [fakeWailsAlias],
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    testTimeout: 10_000,
  },
});

import '@testing-library/jest-dom/vitest';
import { beforeEach } from 'vitest';
import { fake } from './fake-wails/backend';
import { setLang } from '../lib/i18n/index.svelte';
import { forgetImports } from '../lib/state/imports.svelte';

beforeEach(() => {
  fake.reset();
  forgetImports();
  setLang('en');
});

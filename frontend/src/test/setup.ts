import '@testing-library/jest-dom/vitest';
import { beforeEach } from 'vitest';
import { fake } from './fake-wails/backend';
import { setLang } from '../lib/i18n/index.svelte';

beforeEach(() => {
  fake.reset();
  setLang('en');
});

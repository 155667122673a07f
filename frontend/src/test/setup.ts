import '@testing-library/jest-dom/vitest';
import { beforeEach } from 'vitest';
import { fake } from './fake-wails/backend';
import { setLang } from '../lib/i18n/index.svelte';
import { forgetImports } from '../lib/state/imports.svelte';
import { resetContactsView } from '../lib/state/contactsView.svelte';

beforeEach(() => {
  fake.reset();
  forgetImports();
  resetContactsView();
  setLang('en');
});

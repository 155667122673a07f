import '@testing-library/jest-dom/vitest';
import { beforeEach } from 'vitest';
import { fake } from './fake-wails/backend';
import { setLang } from '../lib/i18n/index.svelte';
import { forgetImports } from '../lib/state/imports.svelte';
import { resetContactsView } from '../lib/state/contactsView.svelte';
import { inbound } from './fake-wails/go/inbound/Inbound';
import { forgetInbound } from '../lib/state/inbound.svelte';
import { forgetChat } from '../lib/state/inboundChat.svelte';

beforeEach(() => {
  fake.reset();
  forgetImports();
  resetContactsView();
  inbound.reset();
  forgetInbound();
  forgetChat();
  setLang('en');
});

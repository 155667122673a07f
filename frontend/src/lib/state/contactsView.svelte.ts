// How the Contacts screen was left (filters and sort), kept while the user visits other
// screens. The URL carries the simple group filters (#/contacts?group=3, ?group=none).
import type { SortOrder } from '../api';
import { NO_FILTERS, type ContactFilters } from '../logic/contactQuery';

export const contactsView = $state<{ filters: ContactFilters; sort: SortOrder }>({ filters: { ...NO_FILTERS }, sort: 'name' });

/** Back to no filters, sorted by name (the unit tests start clean). */
export function resetContactsView(): void {
  contactsView.filters = { ...NO_FILTERS, groupIds: [] };
  contactsView.sort = 'name';
}

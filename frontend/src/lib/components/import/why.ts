// The words beside a row's outcome: why it is a problem, or what it changes.
import { t, reasonText } from '../../i18n/index.svelte';
import type { RowOutcome } from '../../api';

export function whyText(r: { outcome: RowOutcome; reason: string; duplicateOf: number; existingName?: string }): string {
  switch (r.outcome) {
    case 'duplicate':
      return r.duplicateOf ? t('imports.why.duplicate', { row: r.duplicateOf }) : reasonText('duplicate');
    case 'update':
      return r.existingName ? t('imports.why.update', { name: r.existingName }) : '';
    case 'unchanged':
      return r.existingName ? t('imports.why.unchanged', { name: r.existingName }) : '';
    case 'lossy':
      return t('imports.why.lossy');
    case 'empty':
      return t('imports.why.empty');
    case 'invalid':
      return reasonText(r.reason || 'invalid');
    default:
      return '';
  }
}

import { describe, expect, it } from 'vitest';
import { conflicts, keywordsText, moved, nameKey, parseKeywords, whyKey } from './logic';
import { normaliseOutcome } from '../../api/inbound';

describe('inbound logic', () => {
  it('splits typed keywords on commas, dropping blanks and repeats; a regex keeps its commas, one per line', () => {
    expect(parseKeywords(' harga, Price ;price,, berapa  ongkir ', false)).toEqual(['harga', 'Price', 'berapa ongkir']);
    expect(parseKeywords('^harga\\s{1,3}paket$\n\n', true)).toEqual(['^harga\\s{1,3}paket$']);
    expect(keywordsText(['a', 'b'], false)).toBe('a, b');
  });

  it('finds the groups in both lists and moves a rule within bounds', () => {
    expect(conflicts([1, 2, 3], [3, 4, 1])).toEqual([1, 3]);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('maps why and name outcomes to their texts', () => {
    expect(whyKey('rule-target:blacklisted')).toEqual({ key: 'inbound.why.rule-target', reason: 'blacklisted' });
    expect(whyKey('no-rule').key).toBe('inbound.why.no-rule');
    expect(nameKey(normaliseOutcome({ nameOutcome: 'agent-conflict' } as never))).toEqual({ key: 'inbound.name.agent', reason: 'conflict' });
    expect(nameKey(normaliseOutcome({ nameOutcome: 'applied' } as never)).key).toBe('inbound.name.applied');
  });
});

import { describe, expect, it } from 'vitest';
import {
  addGroupNames,
  bytesToBase64,
  countTiles,
  durationParts,
  exportFileName,
  formatBytes,
  importable,
  joinPath,
  mappingProblem,
  mergeProgress,
  outcomeTone,
  parentDir,
  problemCount,
  sampleValues,
  withExtension,
  withKey,
  withRole,
} from './importFlow';
import type { ImportCounts, ImportProgress } from '../api/types';

const counts: ImportCounts = { read: 10, created: 4, updated: 2, unchanged: 1, duplicates: 1, invalid: 1, lossy: 1, empty: 0 };

function progress(p: Partial<ImportProgress>): ImportProgress {
  return { importId: 1, rows: 0, done: 0, total: 100, percent: 0, rowsPerSec: 0, secondsLeft: 0, phase: 'reading', ...p };
}

describe('mapping', () => {
  it('needs a phone column', () => {
    expect(mappingProblem([{ role: 'name', key: '' }])).toBe('import.mapping.no_phone');
    expect(mappingProblem([{ role: 'name', key: '' }, { role: 'phone', key: 'mobile' }])).toBeNull();
  });

  it('changes one column, dropping a key that meant something else', () => {
    const cols = [
      { role: 'phone' as const, key: 'mobile' },
      { role: 'field' as const, key: 'Kota' },
    ];
    expect(withRole(cols, 0, 'field')).toEqual([{ role: 'field', key: '' }, cols[1]]);
    expect(withRole(cols, 1, 'field')).toEqual(cols); // same role: the key stays
    expect(withKey(cols, 1, 'City')).toEqual([cols[0], { role: 'field', key: 'City' }]);
    expect(cols[1]!.key).toBe('Kota'); // not mutated
  });

  it('shows distinct non-empty samples of a column', () => {
    const sample = [
      ['Budi', '0812'],
      ['', '0813'],
      ['Budi', ''],
      ['Siti', '0814'],
      ['Andi', '0815'],
    ];
    expect(sampleValues(sample, 0)).toEqual(['Budi', 'Siti', 'Andi']);
    expect(sampleValues(sample, 1, 2)).toEqual(['0812', '0813']);
    expect(sampleValues(sample, 5)).toEqual([]);
  });
});

describe('counts and outcomes', () => {
  it('totals what would be written and what was refused', () => {
    expect(importable(counts)).toBe(7);
    expect(problemCount(counts)).toBe(3);
    expect(countTiles(counts).map((t) => t.key)).toEqual(['read', 'created', 'updated', 'unchanged', 'duplicates', 'invalid', 'lossy', 'empty']);
    expect(countTiles(counts).find((t) => t.key === 'invalid')).toEqual({ key: 'invalid', count: 1, tone: 'bad' });
  });

  it('gives every outcome a tone', () => {
    expect(outcomeTone('new')).toBe('good');
    expect(outcomeTone('update')).toBe('info');
    expect(outcomeTone('duplicate')).toBe('warn');
    expect(outcomeTone('lossy')).toBe('bad');
  });
});

describe('mergeProgress', () => {
  it('keeps the furthest report when events arrive out of order', () => {
    const a = progress({ rows: 500, percent: 50 });
    expect(mergeProgress(null, a)).toBe(a);
    expect(mergeProgress(a, progress({ rows: 300, percent: 30 }))).toBe(a);
    const b = progress({ rows: 800, percent: 80 });
    expect(mergeProgress(a, b)).toBe(b);
  });

  it('lets a later phase or another import replace it', () => {
    const a = progress({ rows: 500 });
    const undoing = progress({ rows: 0, phase: 'undoing' });
    expect(mergeProgress(a, undoing)).toBe(undoing);
    expect(mergeProgress(undoing, progress({ rows: 900 }))).toBe(undoing);
    const other = progress({ importId: 2, rows: 1 });
    expect(mergeProgress(a, other)).toBe(other);
  });
});

describe('formatting', () => {
  it('splits durations', () => {
    expect(durationParts(5.2)).toEqual({ h: 0, m: 0, s: 6 });
    expect(durationParts(125)).toEqual({ h: 0, m: 2, s: 5 });
    expect(durationParts(3725)).toEqual({ h: 1, m: 2, s: 5 });
    expect(durationParts(-1)).toBeNull();
    expect(durationParts(Number.NaN)).toBeNull();
  });

  it('formats sizes per locale', () => {
    expect(formatBytes(812, 'en-US')).toBe('812 B');
    expect(formatBytes(4300, 'en-US')).toBe('4.2 KB');
    expect(formatBytes(4300, 'id-ID')).toBe('4,2 KB');
    expect(formatBytes(13 * 1024 * 1024, 'en-US')).toBe('13 MB');
  });
});

describe('paths', () => {
  it('puts the format’s extension on a path', () => {
    expect(withExtension('/home/u/kontak.csv', 'xlsx')).toBe('/home/u/kontak.xlsx');
    expect(withExtension('/home/u/kontak.XLSX', 'vcf')).toBe('/home/u/kontak.vcf');
    expect(withExtension('/home/u/pelanggan', 'csv')).toBe('/home/u/pelanggan.csv');
    expect(withExtension('C:\\Users\\u\\', 'csv')).toBe('C:\\Users\\u\\kontak.csv');
    expect(withExtension('  ', 'csv')).toBe('');
  });

  it('names files after what is exported', () => {
    expect(exportFileName('xlsx', 'Pameran Juni')).toBe('kontak-pameran-juni.xlsx');
    expect(exportFileName('csv', 'Café “Ré”!')).toBe('kontak-cafe-re.csv');
    expect(exportFileName('vcf')).toBe('kontak.vcf');
  });

  it('finds the parent folder and joins paths', () => {
    expect(parentDir('/tmp/kontak-e2e-abc')).toBe('/tmp');
    expect(parentDir('/tmp/x/')).toBe('/tmp');
    expect(parentDir('/data')).toBe('/');
    expect(parentDir('C:\\Users\\u\\Kontak')).toBe('C:\\Users\\u');
    expect(parentDir('kontak')).toBe('');
    expect(joinPath('/tmp', 'a.csv')).toBe('/tmp/a.csv');
    expect(joinPath('/', 'a.csv')).toBe('/a.csv');
    expect(joinPath('C:\\Users', 'a.csv')).toBe('C:\\Users\\a.csv');
    expect(joinPath('', 'a.csv')).toBe('a.csv');
  });
});

describe('bytesToBase64', () => {
  it('encodes bytes, big ones in slices', () => {
    expect(bytesToBase64(new TextEncoder().encode('\uFEFFNama;No HP'))).toBe(btoa('\xEF\xBB\xBFNama;No HP'));
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(atob(bytesToBase64(big)).length).toBe(100_000);
    expect(atob(bytesToBase64(big)).charCodeAt(99_999)).toBe(99_999 % 251);
  });
});

describe('addGroupNames', () => {
  it('splits, trims and drops repeats ignoring case', () => {
    expect(addGroupNames(['Pameran'], ' reseller ,  Pameran; pameran ;Juni  2024 ')).toEqual(['Pameran', 'reseller', 'Juni 2024']);
    expect(addGroupNames([], ' , ')).toEqual([]);
  });
});

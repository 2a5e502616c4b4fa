import { describe, expect, it } from 'vitest';
import { importProgressText } from '../../src/import/progress-text';

const base = { file: 'roles.csv', table: 'roles', rows: 12_345, bytesRead: 500, bytesTotal: 1000, rowsPerSec: 2000, done: false };

describe('import progress text', () => {
  it('shows the share of the file only while bytes are still being read', () => {
    expect(importProgressText(base)).toBe('roles.csv: 12\u00a0345 rader, 50 % av filen läst, 2\u00a0000 rader/s');
    expect(importProgressText({ ...base, bytesRead: 999 })).toContain('99 % av filen läst');
  });

  it('says rows, never "100 % av filen", while rows are still being counted after the last byte', () => {
    const counting = importProgressText({ ...base, bytesRead: 1000 });
    expect(counting).toBe('roles.csv: 12\u00a0345 rader räknade hittills, 2\u00a0000 rader/s');
    expect(counting).not.toContain('%');
    expect(importProgressText({ ...base, bytesRead: 0, bytesTotal: 0 })).not.toContain('%');
  });

  it('closes the file with its row count', () => {
    expect(importProgressText({ ...base, bytesRead: 1000, done: true })).toBe('roles.csv: 12\u00a0345 rader, klar, 2\u00a0000 rader/s');
  });
});

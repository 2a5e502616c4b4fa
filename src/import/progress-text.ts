import { etaText } from './eta';
import type { ImportProgress } from './types';

const n = (x: number): string => x.toLocaleString('sv-SE');

/**
 * One Swedish progress line for a file being imported. The share of the file is only shown while
 * bytes are still being read: readers run ahead of row processing (and xlsx and FtM files are
 * read whole before their rows are counted), so "100 % av filen" would stand still while rows
 * are still being counted; then the line says rows.
 */
export function importProgressText(p: ImportProgress): string {
  // Time left is the whole import's (issue 10.6), after the file's own rate.
  const rate = (p.rowsPerSec > 0 ? `, ${n(p.rowsPerSec)} rader/s` : '') + (p.etaSeconds != null && !p.done ? `, ${etaText(p.etaSeconds)}` : '');
  if (p.done) return `${p.file}: ${n(p.rows)} rader, klar${rate}`;
  if (p.bytesTotal > 0 && p.bytesRead < p.bytesTotal) {
    const pct = Math.min(99, Math.floor((100 * p.bytesRead) / p.bytesTotal));
    return `${p.file}: ${n(p.rows)} rader, ${pct} % av filen läst${rate}`;
  }
  return `${p.file}: ${n(p.rows)} rader räknade hittills${rate}`;
}

// Pure text helpers for search and display. No DOM.

/** Folds case and diacritics so "Ostlund" matches "Östlund" and "Åsa" matches "asa". */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Digits-only form of a query that looks like an identifier (personnummer/org_nr in any form). */
export function identifierDigits(q: string): string | null {
  const t = q.trim();
  if (!/^[0-9\s+-]{10,15}$/.test(t)) return null;
  const digits = t.replace(/[^0-9]/g, '');
  return digits.length === 10 || digits.length === 12 ? digits : null;
}

/** Scores how well a folded candidate matches a folded query: 0 = no match, higher is better. */
export function fuzzyScore(candidate: string, query: string): number {
  if (!query) return 0;
  if (candidate === query) return 100;
  if (candidate.startsWith(query)) return 80;
  const idx = candidate.indexOf(query);
  if (idx >= 0) return candidate[idx - 1] === ' ' ? 70 : 60;
  // Subsequence match tolerates a missing letter or two.
  let ci = 0;
  let matched = 0;
  for (const ch of query) {
    const found = candidate.indexOf(ch, ci);
    if (found < 0) continue;
    matched += 1;
    ci = found + 1;
  }
  const ratio = matched / query.length;
  return ratio >= 0.85 && query.length >= 3 ? Math.round(40 * ratio) : 0;
}

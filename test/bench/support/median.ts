/**
 * The lower median: an element of `xs` (for an even count, the lower of the middle two), so a
 * bench can report the very run whose value it is.
 */
export function medianRun(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

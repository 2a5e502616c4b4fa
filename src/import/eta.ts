/**
 * Time left of a whole import (issue 10.6), from bytes: the planned files' sizes, the files done,
 * and how far the current file is read. The rate is the import's average so far, so the estimate
 * settles as it runs; none is given in the first seconds or before any byte is done.
 */
export class ImportEta {
  private readonly total: number;
  private doneBefore = 0;
  private started: number | null = null;

  constructor(private readonly sizes: readonly number[]) {
    this.total = sizes.reduce((a, b) => a + b, 0);
  }

  start(now: number): void {
    this.started ??= now;
  }

  fileDone(index: number): void {
    this.doneBefore += this.sizes[index] ?? 0;
  }

  /** Bytes of the import done, its total, and seconds left (null while unknown). */
  at(index: number, bytesRead: number, now: number): { bytesDone: number; bytesTotal: number; etaSeconds: number | null } {
    const bytesDone = Math.min(this.total, this.doneBefore + Math.min(bytesRead, this.sizes[index] ?? 0));
    const elapsed = this.started === null ? 0 : (now - this.started) / 1000;
    const etaSeconds = elapsed < MIN_ELAPSED_S || bytesDone === 0 ? null : Math.max(0, ((this.total - bytesDone) * elapsed) / bytesDone);
    return { bytesDone, bytesTotal: this.total, etaSeconds };
  }
}

const MIN_ELAPSED_S = 2;

/** "cirka 3 min kvar" and so on (Swedish, rounded as a person would say it). */
export function etaText(seconds: number): string {
  if (seconds < 5) return 'strax klar';
  if (seconds < 60) return `cirka ${Math.max(5, Math.round(seconds / 5) * 5)} s kvar`;
  const min = Math.round(seconds / 60);
  if (min < 60) return `cirka ${min} min kvar`;
  return `cirka ${Math.floor(min / 60)} h ${min % 60} min kvar`;
}

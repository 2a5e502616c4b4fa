/** Normalisers return either the normalised value or a reason (English + Swedish) it was rejected. */
export type Normalised<T> = { ok: true; value: T } | { ok: false; reason: string; reasonSv: string };

export const ok = <T>(value: T): Normalised<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string, reasonSv: string): Normalised<T> => ({ ok: false, reason, reasonSv });

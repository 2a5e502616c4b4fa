/**
 * Hard limits every reader applies, so a hostile file (one 1 GiB line, a quote that never
 * closes, a 1 MiB-per-char inflating zip) costs bounded memory: the offending record is
 * quarantined with its start line and a reason, and reading resumes at the next line.
 */

/** Longest record (a line, or a CSV record with its quoted line breaks), in characters. */
export const MAX_RECORD_CHARS = 4 << 20;

/** Characters of a rejected record kept as its quarantine value. */
export const PREVIEW_CHARS = 200;

export const TOO_LONG = {
  reason: `record longer than ${MAX_RECORD_CHARS} characters (a missing line break or a quote that never closes?)`,
  reasonSv: `raden är längre än ${MAX_RECORD_CHARS.toLocaleString('sv-SE')} tecken (saknas en radbrytning, eller stängs ett citattecken aldrig?)`,
};

/**
 * One error base for the core. Every failure a user can cause carries a code from a closed set;
 * the boundaries (API replies, CLI exit codes, job status, worker messages) decide on the code
 * through total tables, never on a class name, so a new code cannot go unhandled.
 */
export const FAILURE_CODES = [
  // What the user asked for cannot be done as asked.
  'invalid_input', // a value, name, id, date or parameter is wrong
  'not_found', // what the user named does not exist
  'exists', // a file to be written exists and is not overwritten without confirmation
  'usage', // command-line arguments
  // A dataset that cannot be imported at all (src/import); the store is left as it was.
  'no_tables',
  'unknown_table',
  'missing_headers',
  'unreadable',
  'binary',
  'empty',
  'store',
  // Another writer holds the store for longer than the caller waits (src/store/write-lock.ts).
  'busy',
  // An action's audit entry could not be written, so the action was not done (issue 13).
  'audit_failed',
  'internal',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

const CODES: ReadonlySet<string> = new Set(FAILURE_CODES);

export function isFailureCode(code: unknown): code is FailureCode {
  return typeof code === 'string' && CODES.has(code);
}

export class InsynError extends Error {
  /** The Swedish text for people; `message` may add an English version (the importer's). */
  readonly messageSv: string;

  constructor(
    readonly code: FailureCode,
    message: string,
    messageSv: string = message,
  ) {
    super(message);
    this.name = new.target.name;
    this.messageSv = messageSv;
  }
}

/** The plain form that crosses a worker or process boundary (class identity does not). */
export interface Failure {
  code: FailureCode;
  message: string;
  messageSv: string;
}

export function toFailure(err: InsynError): Failure {
  return { code: err.code, message: err.message, messageSv: err.messageSv };
}

/** Rebuilds an InsynError from its plain form; anything else is not one of ours. */
export function fromFailure(raw: unknown): InsynError | null {
  const f = raw as Partial<Failure> | null;
  if (!f || !isFailureCode(f.code) || typeof f.message !== 'string') return null;
  return new InsynError(f.code, f.message, typeof f.messageSv === 'string' ? f.messageSv : f.message);
}

/**
 * Migration 011 (issue 10): drops the phone and e-mail indexes of companies (migration 001). No
 * query looks companies up by phone or e-mail: phoenix-continuation compares normalised numbers
 * in memory (src/signals/phoenix-continuation.ts). Every import still paid for them: 1.7 s of the
 * 1.8 M-row Bolagsverket bulk file's index builds (phone and e-mail are empty there, and an index of
 * NULLs is still a sort of every row), about 2 s of the national extract's.
 */
export const sql = /* sql */ `
DROP INDEX IF EXISTS companies_phone;
DROP INDEX IF EXISTS companies_email;
`;

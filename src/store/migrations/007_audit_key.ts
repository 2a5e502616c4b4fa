/**
 * Migration 007 (issue 13.1): the audit chain becomes keyed. `key_id` names the per-installation
 * key an entry's HMAC was made with; NULL marks an entry written before keys (plain SHA-256), which
 * verification reports as unkeyed. The first keyed entry after such entries is an `audit_anchor`
 * entry that records the unkeyed head it continues from.
 */
export const sql = /* sql */ `
ALTER TABLE audit_log ADD COLUMN key_id TEXT;
`;

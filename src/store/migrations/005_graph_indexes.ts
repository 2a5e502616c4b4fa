/**
 * Migration 005: indexes for the graph's neighbour queries (src/store/graph.ts) that migration
 * 001 lacks: who is paid for placements, which foster homes a consultant company supports, and
 * the relation/residence periods read per node.
 */
export const sql = /* sql */ `
CREATE INDEX IF NOT EXISTS placements_payee ON placements(payee_org_nr);
CREATE INDEX IF NOT EXISTS foster_consultant ON foster_homes(consultant_org_nr);
CREATE INDEX IF NOT EXISTS payments_home ON payments(home_id);
`;

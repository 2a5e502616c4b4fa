/**
 * Migration 004: lookups by contract id for the workbench (labels in the alert queue, profile
 * links, search hits). The natural `key` column is JSON-encoded, so the plain id columns need
 * their own indexes to stay fast at national scale.
 */
export const sql = /* sql */ `
CREATE INDEX IF NOT EXISTS companies_org_nr ON companies(org_nr);
CREATE INDEX IF NOT EXISTS persons_person_id ON persons(person_id);
CREATE INDEX IF NOT EXISTS licences_licence_id ON licences(licence_id);
CREATE INDEX IF NOT EXISTS foster_homes_home_id ON foster_homes(home_id);
CREATE INDEX IF NOT EXISTS quarantine_file ON quarantine(file);
`;

// A small dataset whose names are HTML/JS payloads (issue 7.6): a person with controlling roles
// in two companies whose licences were revoked, so the names reach alerts, profiles and the canvas.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const EVIL_COMPANY = '<img src=x onerror="window.__xss=1">Ondska AB';
export const EVIL_COMPANY_2 = '"><svg onload="window.__xss=3"> Skurk AB';
export const EVIL_PERSON = '<script>window.__xss=2</script> Elak Person';

const csv = (rows: string[][]) => rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';

export function writeHostileDataset(dir: string): string {
  const d = path.join(dir, 'hostile');
  mkdirSync(d, { recursive: true });
  writeFileSync(path.join(d, 'companies.csv'), csv([
    ['org_nr', 'name', 'legal_form', 'registered_on', 'status', 'address', 'postal_code', 'city'],
    ['5560000001', EVIL_COMPANY, 'AB', '2015-01-01', 'active', 'Testgatan 1', '11122', 'Stockholm'],
    ['5560000027', EVIL_COMPANY_2, 'AB', '2016-01-01', 'active', 'Testgatan 2', '11122', 'Stockholm'],
  ]));
  writeFileSync(path.join(d, 'persons.csv'), csv([
    ['person_id', 'name', 'birth_date'],
    ['198001012387', EVIL_PERSON, '1980-01-01'],
  ]));
  writeFileSync(path.join(d, 'roles.csv'), csv([
    ['org_nr', 'holder_id', 'role', 'holder_kind', 'share_pct', 'from', 'to'],
    ['5560000001', '198001012387', 'ceo', 'person', '', '2016-01-01', ''],
    ['5560000027', '198001012387', 'board_member', 'person', '', '2017-01-01', ''],
  ]));
  writeFileSync(path.join(d, 'licences.csv'), csv([
    ['licence_id', 'org_nr', 'kind', 'status', 'unit_name', 'granted_on', 'status_on'],
    ['IVO-X-1', '5560000001', 'hvb_children', 'revoked', '<b>Enhet</b>', '2016-06-01', '2023-03-01'],
    ['IVO-X-2', '5560000027', 'hvb_children', 'revoked', 'Enhet 2', '2017-06-01', '2024-03-01'],
  ]));
  return d;
}

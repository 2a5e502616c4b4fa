// The canvas e2e's world: the revoked-network case (a person on the boards of two companies whose
// licences were revoked, chairing a third since 2023-05-01) plus a second dataset one step further
// out, so expanding a node on the ego's rim brings new nodes.
import path from 'node:path';
import { orgNr, personId, revokedNetworkWorld, writeDataset } from '../../api/fixture';

export function writeNetworkWorld(dir: string) {
  const base = revokedNetworkWorld(path.join(dir, 'base'));
  const d = orgNr('559000004');
  const r = personId('19900303', '333');
  const s = personId('19910404', '444');
  writeDataset(path.join(dir, 'more'), {
    companies: [{ org_nr: d, name: 'Omsorg Delta AB', city: 'Eskilstuna' }],
    persons: [
      { person_id: r, name: 'Rut Nilsson', city: 'Eskilstuna' },
      { person_id: s, name: 'Sven Berg', city: 'Eskilstuna' },
    ],
    employments: [
      { org_nr: d, person_id: base.q, title: 'Behandlare', profession: 'care_staff', from: '2021-01-01', to: '' },
      { org_nr: d, person_id: r, title: 'Sjuksköterska', profession: 'nurse', from: '2019-02-01', to: '' },
    ],
    residences: [
      { person_id: base.q, address: 'Storgatan 1', postal_code: '63220', city: 'Eskilstuna', from: '2015-01-01', to: '' },
      { person_id: s, address: 'Storgatan 1', postal_code: '63220', city: 'Eskilstuna', from: '2016-01-01', to: '' },
    ],
  });
  return { ...base, d, r, s, paths: [path.join(dir, 'base'), path.join(dir, 'more')] };
}

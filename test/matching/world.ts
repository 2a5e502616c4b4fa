import type { WorldSpec } from '../support/world';

/**
 * A foreign officer recorded under two ext: ids (one from an FtM file, family name first),
 * chair of one company and board member of another, both licences revoked: alone neither id
 * fires revoked-network; as one person it does.
 */
export const DAG_NO = 'ext:NO-150278-44871';
export const DAG_FTM = 'ext:ftm-5f1c2a';
export const A = '5598047925';
export const B = '5592142102';
export const SWEDE = '197506141634';
export const SWEDE_TWIN = '197506141642';

export const twoRecordsWorld: WorldSpec = {
  companies: [{ org_nr: A, name: 'Alfa Omsorg AB' }, { org_nr: B, name: 'Beta Vård AB' }],
  persons: [
    { person_id: DAG_NO, name: 'Dag Hovland', birth_date: '1978-02-15' },
    { person_id: DAG_FTM, name: 'HOVLAND, Dag', birth_date: '1978-02-15' },
    { person_id: SWEDE, name: 'Erik Lindqvist', birth_date: '1975-06-14' },
    { person_id: SWEDE_TWIN, name: 'Erik Lindqvist', birth_date: '1975-06-14' },
  ],
  roles: [
    { org_nr: A, holder_id: DAG_NO, role: 'chair', from_date: '2019-01-01', to_date: '2023-06-30' },
    { org_nr: B, holder_id: DAG_FTM, role: 'board_member', from_date: '2020-03-01', to_date: null },
  ],
  licences: [
    { licence_id: 'LA', org_nr: A, kind: 'hvb_children', status: 'revoked', granted_on: '2017-01-01', status_on: '2023-05-15' },
    { licence_id: 'LB', org_nr: B, kind: 'supported_housing', status: 'banned', granted_on: '2019-01-01', status_on: '2025-09-30' },
  ],
};

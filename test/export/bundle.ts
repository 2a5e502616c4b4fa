import type { ExportBundle } from '../../src/export/types';
import { personId } from '../support/fixtures';

/** A hand-built export bundle with the awkward values real data brings: markup, quotes, formulas, personnummer. */
export const PNR_A = personId('19750614', '163');
export const PNR_B = personId('19821102', '698');
export const EXT = 'ext:NO-150278-44871';
export const EVIL = '<script>alert("x")</script> & "Söderberg" \'AB\'';

export function sampleBundle(): ExportBundle {
  return {
    title: `Nätverk kring ${PNR_A}`,
    scopeLabel: `subjekt ${PNR_A}, 2 steg`,
    generatedAt: '2026-11-25T12:00:00.000Z',
    graph: {
      nodes: [
        { id: '5598047925', kind: 'company', label: 'Solgläntan HVB AB', attributes: { legal_form: 'AB', status: 'liquidation', registered_on: '2016-04-12', capacity: 8 } },
        { id: '5592142102', kind: 'company', label: EVIL, attributes: { legal_form: 'AB', status: 'active', note: '=HYPERLINK("http://evil")', capacity: 2.5 } },
        { id: PNR_A, kind: 'person', label: 'Erik Lindqvist', attributes: { birth_date: '1975-06-14', alias: 'Erik L', flags: ['a', 'b'] } },
        { id: PNR_B, kind: 'person', label: 'Anna Bergström', attributes: { birth_date: '1982-11-02' } },
        { id: EXT, kind: 'person', label: 'Dag Hovland', attributes: {} },
        { id: 'SKOLGATAN 4|72215', kind: 'address', label: 'Skolgatan 4, 722 15', attributes: { postal_code: '72215' } },
        { id: 'IVO-1', kind: 'licence', label: 'Solgläntan', attributes: { kind: 'hvb_children', status: 'revoked', granted_on: '2017-01-20' } },
      ],
      edges: [
        { id: `role:5598047925:${PNR_A}:board_member`, source: PNR_A, target: '5598047925', kind: 'role', from: '2019-01-01', to: '2023-06-30', attributes: { role: 'board_member' } },
        { id: `role:5592142102:${PNR_A}:ceo`, source: PNR_A, target: '5592142102', kind: 'role', from: '2020-03-01', to: null, attributes: { role: 'ceo', holder: PNR_A } },
        { id: `role:5592142102:${PNR_B}:owner`, source: PNR_B, target: '5592142102', kind: 'role', from: '2021-01-01', to: null, attributes: { role: 'owner', share_pct: 60 } },
        { id: `role:5592142102:${EXT}:chair`, source: EXT, target: '5592142102', kind: 'role', from: null, to: null, attributes: { role: 'chair' } },
        { id: 'addr:5598047925', source: '5598047925', target: 'SKOLGATAN 4|72215', kind: 'address', from: null, to: null, attributes: {} },
        { id: 'lic:IVO-1', source: '5598047925', target: 'IVO-1', kind: 'licence', from: '2017-01-20', to: '2023-05-15', attributes: { status: 'revoked' } },
        { id: `rel:${PNR_A}:${PNR_B}`, source: PNR_A, target: PNR_B, kind: 'relation', from: '2010-01-01', to: null, attributes: { relation: 'spouse' } },
        { id: `emp:5598047925:${PNR_B}`, source: '5598047925', target: PNR_B, kind: 'employment', from: '2020-01-01', to: null, attributes: { title: 'Föreståndare' } },
      ],
    },
    hits: [
      {
        hit_key: `revoked-network|person|${PNR_A}|5592142102,5598047925`,
        signal: 'revoked-network', subject_kind: 'person', subject_id: PNR_A, related_ids: ['5592142102', '5598047925'], severity: 4,
        evidence: [
          { text: `Erik Lindqvist (${PNR_A.slice(2, 8)}-${PNR_A.slice(8)}) var styrelseledamot i Solgläntan HVB AB när tillståndet återkallades`, source: 'roles.csv:2' },
          { text: `${EVIL} fick sitt tillstånd återkallat`, source: 'licences.csv:3' },
          { text: `Ordförande är Dag Hovland, ${EXT}.`, source: 'roles.csv:5' },
        ],
        status: 'bekraftad', status_reason: '+46 ringde, bekräftat av Anna Bergström', changed: true,
      },
    ],
    run: { id: 7, as_of: '2025-06-01', data_version: 'abcdef0123456789', params: { 'revoked-network': { months_before: 24, min_companies: 2 } }, finished_at: '2026-11-25T11:00:00.000Z' },
    caseInfo: { id: 1, name: 'Ärende <Norr>', description: 'Beskrivning med <img src=x onerror=alert(1)>', notes: [{ at: '2026-11-25T10:00:00Z', author: 'utredare', text: `Kontakt med ${PNR_B}` }] },
    audit: [{ seq: 1, at: '2026-11-25T09:00:00Z', actor: 'utredare', action: 'open_profile', summary: `Öppnade profil ${PNR_A}` }],
    sanctions: [{ subject_id: PNR_A, kind: 'trading_ban', from: '2022-01-01', to: '2025-01-01', offence: 'accounting_crime', decision_ref: 'B 123-22', source: 'sanctions.csv:2' }],
    pseudonymised: false,
  };
}

// The relation an edge stands for, in Swedish (edge labels and the node panel).
import { LICENCE_STATUS_SV, PROFESSION_SV, RELATION_KIND_DISPLAY_SV, ROLE_SV, labelSv } from '../../src/model/labels-sv';

/** A licence before its revocation or other end (the edge's `to`) was simply held. */
export const LICENCE_HELD = 'tillstånd';

const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const pct = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** E.g. "styrelseledamot", "VD", "ägare 40 %", "anställd (sjuksköterska)", "folkbokförd". */
export function relationLabel(kind: string, a: Readonly<Record<string, unknown>>): string {
  switch (kind) {
    case 'role': {
      const role = labelSv(ROLE_SV, str(a['role']), 'roll');
      const share = num(a['share_pct']);
      return share !== null ? `${role} ${pct.format(share)} %` : role;
    }
    case 'employment': {
      const prof = str(a['profession']);
      return prof ? `anställd (${labelSv(PROFESSION_SV, prof, '')})` : 'anställd';
    }
    case 'licence': {
      const status = str(a['status']);
      return status && status !== 'granted' ? `${LICENCE_HELD}, ${labelSv(LICENCE_STATUS_SV, status, '')}` : LICENCE_HELD;
    }
    case 'placement': {
      const n = num(a['placements']);
      return n === null ? 'placeringar' : n === 1 ? '1 placering' : `${n} placeringar`;
    }
    case 'foster_parent':
      return 'familjehemsförälder';
    case 'consultant':
      return 'konsulentstöd';
    case 'relation':
      return lower(labelSv(RELATION_KIND_DISPLAY_SV, str(a['relation']), 'relation'));
    case 'residence':
      return 'folkbokförd';
    case 'address':
      return 'adress';
    default:
      return kind;
  }
}

import { isLegalEntityOrgNr, normaliseOrgNr } from './orgnr';
import { isExtId, normalisePersonId } from './personnummer';
import { fail, ok, type Normalised } from './result';

export type HolderKind = 'person' | 'company';
export interface Holder { id: string; kind: HolderKind }

/**
 * Normalise a holder_id (an org_nr or a person_id). The kind is taken from `hint` when given,
 * otherwise inferred: ext: ids and numbers with a birth month (01–12) are persons, numbers whose
 * digits 3–4 are ≥ 20 are legal entities. A sole trader given as company keeps its 10-digit org_nr.
 */
export function normaliseHolderId(raw: string, hint?: HolderKind): Normalised<Holder> {
  const trimmed = raw.trim();
  if (isExtId(trimmed)) {
    const p = normalisePersonId(trimmed);
    return p.ok ? ok({ id: p.value, kind: hint ?? 'person' }) : p;
  }
  if (hint === 'company') {
    const o = normaliseOrgNr(trimmed);
    return o.ok ? ok({ id: o.value, kind: 'company' }) : o;
  }
  const compact = trimmed.replace(/[\s]/g, '');
  const digits = compact.replace(/[-+]/g, '');
  const tenDigits = digits.length === 12 ? digits.slice(2) : digits;
  const looksLikeEntity = digits.length === 12 ? digits.startsWith('16') : isLegalEntityOrgNr(tenDigits);
  if (hint === 'person' || !looksLikeEntity) {
    const p = normalisePersonId(compact);
    if (p.ok) return ok({ id: p.value, kind: 'person' });
    if (hint === 'person') return p;
  }
  const o = normaliseOrgNr(compact);
  if (o.ok) return ok({ id: o.value, kind: 'company' });
  return fail('holder_id is neither a valid org_nr nor a valid personnummer', 'holder_id är varken ett giltigt organisationsnummer eller personnummer');
}

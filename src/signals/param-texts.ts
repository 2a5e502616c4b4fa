import {
  FINANCIAL_KIND_DISPLAY_SV, INSPECTION_TAG_DISPLAY_SV, LICENCE_KIND_DISPLAY_SV, OFFENCE_DISPLAY_SV, PROFESSION_DISPLAY_SV,
  SANCTION_KIND_DISPLAY_SV, labelSv,
} from '../model/labels-sv';

/**
 * The Swedish words for signal parameters: their names, and for lists of contract codes the
 * Swedish label of each code (so Regler, the report and the audit log show "HVB barn och unga",
 * not `hvb_children`). A parameter name not listed here shows as itself.
 */
const PARAM_SV: Record<string, string> = {
  minCompanies: 'Minsta antal bolag',
  windowMonths: 'Tidsfönster (månader)',
  defaultMaxChildren: 'Högsta antal placerade barn när godkänt antal saknas',
  careProfessions: 'Yrken som räknas som vårdpersonal',
  maxEvidence: 'Högsta antal bevisrader per larm',
  debtThresholdSek: 'Skuldgräns (kr)',
  debtKinds: 'Skuldslag som räknas',
  minEvents: 'Minsta antal händelser inom tidsfönstret',
  eventKinds: 'Händelseslag som räknas',
  sanctionKinds: 'Sanktionsslag som räknas',
  years: 'Antal år bakåt',
  offences: 'Brottstyper som räknas',
  includeUnsuitable: 'Räkna tidigare olämplighetsbeslut',
  kinds: 'Tillståndsslag som räknas',
  useRevocationSanctions: 'Räkna återkallad legitimation',
  inspectionTags: 'Inspektionstaggar som räknas',
  excludePublicBodies: 'Undanta offentliga organ',
  minLicenceUnits: 'Minsta antal tillståndsenheter på adressen',
  maxListed: 'Högsta antal listade bolag i bevisningen',
  minProviders: 'Minsta antal vårdgivare samtidigt',
};

/** Parameters that hold contract codes, by name → the codes' Swedish labels (the choices an editor offers). */
const PARAM_CODES: Record<string, Readonly<Record<string, string>>> = {
  kinds: LICENCE_KIND_DISPLAY_SV,
  careProfessions: PROFESSION_DISPLAY_SV,
  debtKinds: FINANCIAL_KIND_DISPLAY_SV,
  eventKinds: FINANCIAL_KIND_DISPLAY_SV,
  sanctionKinds: SANCTION_KIND_DISPLAY_SV,
  offences: OFFENCE_DISPLAY_SV,
  inspectionTags: INSPECTION_TAG_DISPLAY_SV,
};

export function paramLabelSv(name: string): string {
  return PARAM_SV[name] ?? name;
}

/** The code → label table for a parameter that holds codes, else null. */
export function paramCodeLabels(name: string): Readonly<Record<string, string>> | null {
  return PARAM_CODES[name] ?? null;
}

/** A parameter's value as a person reads it: codes as their labels, lists joined, booleans as ja/nej. */
export function paramValueSv(name: string, value: unknown): string {
  const codes = PARAM_CODES[name];
  if (Array.isArray(value)) return value.length === 0 ? 'inga' : value.map((v) => (codes ? labelSv(codes, String(v), '–') : String(v))).join(', ');
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'number') return value.toLocaleString('sv-SE');
  if (value === null || value === undefined) return '–';
  return typeof value === 'string' && codes ? labelSv(codes, value, '–') : String(value);
}

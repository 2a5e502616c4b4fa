/** Swedish names for signals, statuses and roles in reports (the signal registry has the full texts). */
export const SIGNAL_SV: Record<string, string> = {
  'revoked-network': 'Återkommande aktörer bakom återkallade verksamheter',
  'phoenix-continuation': 'Fortsatt verksamhet i nytt bolag (fenix)',
  'foster-home-as-hvb': 'Familjehem som drivs som HVB',
  'financial-mismanagement': 'Ekonomisk misskötsamhet',
  'trading-ban-officer': 'Företrädare med näringsförbud',
  'conviction-in-control': 'Dömd person i ledningen',
  'undeclared-influence': 'Ej prövat inflytande',
  'missing-record-check': 'Saknad registerkontroll',
  'convicted-staff-with-children': 'Dömd personal som arbetar med barn',
  'unlicensed-practitioner': 'Yrkesutövare utan legitimation',
  'over-capacity': 'Överbeläggning eller fel målgrupp',
  'operating-without-licence': 'Verksamhet utan tillstånd',
  'address-hub': 'Adressnav',
  'nominal-licensed-staff': 'Legitimerad personal på pappret',
};

export const STATUS_SV: Record<string, string> = {
  ny: 'ny', under_utredning: 'under utredning', avskriven: 'avskriven', bekraftad: 'bekräftad',
};

export const ROLE_SV: Record<string, string> = {
  board_member: 'styrelseledamot', deputy_board_member: 'styrelsesuppleant', chair: 'ordförande', ceo: 'VD',
  deputy_ceo: 'vice VD', signatory: 'firmatecknare', auditor: 'revisor', partner: 'delägare', owner: 'ägare',
  beneficial_owner: 'verklig huvudman', liquidator: 'likvidator', operations_manager: 'föreståndare',
};

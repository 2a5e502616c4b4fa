import { SIGNALS } from '../signals/index';

/** Swedish names for signals in reports: each signal's title from the registry (src/signals/), so a new signal needs no entry here. */
export const SIGNAL_SV: Readonly<Record<string, string>> = Object.fromEntries(SIGNALS.map((s) => [s.id, s.title]));

export const STATUS_SV: Record<string, string> = {
  ny: 'ny', under_utredning: 'under utredning', avskriven: 'avskriven', bekraftad: 'bekräftad',
};

export const ROLE_SV: Record<string, string> = {
  board_member: 'styrelseledamot', deputy_board_member: 'styrelsesuppleant', chair: 'ordförande', ceo: 'VD',
  deputy_ceo: 'vice VD', signatory: 'firmatecknare', auditor: 'revisor', partner: 'delägare', owner: 'ägare',
  beneficial_owner: 'verklig huvudman', liquidator: 'likvidator', operations_manager: 'föreståndare',
};

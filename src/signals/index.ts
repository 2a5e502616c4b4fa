import type { SignalDefinition } from './types';
import { signal as revokedNetwork } from './revoked-network';
import { signal as phoenixContinuation } from './phoenix-continuation';
import { signal as fosterHomeAsHvb } from './foster-home-as-hvb';
import { signal as financialMismanagement } from './financial-mismanagement';
import { signal as tradingBanOfficer } from './trading-ban-officer';
import { signal as convictionInControl } from './conviction-in-control';
import { signal as undeclaredInfluence } from './undeclared-influence';
import { signal as missingRecordCheck } from './missing-record-check';
import { signal as convictedStaffWithChildren } from './convicted-staff-with-children';
import { signal as unlicensedPractitioner } from './unlicensed-practitioner';
import { signal as overCapacity } from './over-capacity';
import { signal as operatingWithoutLicence } from './operating-without-licence';
import { signal as addressHub } from './address-hub';
import { signal as nominalLicensedStaff } from './nominal-licensed-staff';
import { signal as deceasedOfficer } from './deceased-officer';
import { signal as boardSwapAfterFinding } from './board-swap-after-finding';
import { signal as serialDirector } from './serial-director';
import { signal as supervisionEvasion } from './supervision-evasion';
import { signal as feeOutlier } from './fee-outlier';
import { signal as dentalSupportWithoutDentist } from './dental-support-without-dentist';

/**
 * All signals of contract §4 and §7.2, in contract order. Each lives in its own file
 * (src/signals/<id>.ts) exporting `signal`.
 */
export const SIGNALS: readonly SignalDefinition[] = [
  revokedNetwork,
  phoenixContinuation,
  fosterHomeAsHvb,
  financialMismanagement,
  tradingBanOfficer,
  convictionInControl,
  undeclaredInfluence,
  missingRecordCheck,
  convictedStaffWithChildren,
  unlicensedPractitioner,
  overCapacity,
  operatingWithoutLicence,
  addressHub,
  nominalLicensedStaff,
  deceasedOfficer,
  boardSwapAfterFinding,
  serialDirector,
  supervisionEvasion,
  feeOutlier,
  dentalSupportWithoutDentist,
];

export const SIGNAL_IDS: readonly string[] = SIGNALS.map((s) => s.id);

export function signalById(id: string): SignalDefinition | undefined {
  return SIGNALS.find((s) => s.id === id);
}

export type { SignalDefinition, Hit, Evidence, Coverage } from './types';

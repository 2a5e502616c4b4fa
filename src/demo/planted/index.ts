import { Rng } from '../prng';
import type { TableWriter } from '../table-writer';
import { plantAddressHubs } from './address-hub';
import { Planter, type TruthRow } from './builder';
import { plantFinancial } from './financial';
import { plantFosterHomes } from './foster-home';
import { plantLicenceUse } from './licences';
import { plantOfficers } from './officers';
import { plantPhoenix } from './phoenix';
import { plantRevokedNetwork } from './revoked-network';
import { plantStaff } from './staff';
import { plantFrontMen } from './front-men';
import { plantSupervisionEvasion } from './supervision';
import { plantPublicMoney } from './public-money';
import { plantDuplicates } from './duplicates'; // issue 15

export { AS_OF, type TruthRow } from './builder';

/**
 * Writes every planted case (the patterns of contract §4 and §7.2 and their near misses) and returns
 * the truth rows. The cases do not depend on the scale, so every scale carries the same truth.
 */
export function plantAll(w: TableWriter, seed: number): TruthRow[] {
  const p = new Planter(w, Rng.keyed(seed, 'planted'));
  plantRevokedNetwork(p);
  plantPhoenix(p);
  plantFosterHomes(p);
  plantFinancial(p);
  plantOfficers(p);
  plantStaff(p);
  plantLicenceUse(p);
  plantAddressHubs(p);
  // Contract §7.2 (issue 12).
  plantFrontMen(p);
  plantSupervisionEvasion(p);
  plantPublicMoney(p);
  plantDuplicates(p); // issue 15: entity resolution (writes truth_matches.csv)
  p.finish();
  return p.truth;
}

import type { Res } from '../../src/api/contract';
import { countSv } from '../../src/model/labels-sv';

/** Swedish outcome line for an export reply; pure so it can be unit tested. */
export function exportOutcome(r: Res<'exportRun'>): { kind: 'ok' | 'exists'; text: string } {
  if (r.existing.length > 0) {
    return {
      kind: 'exists',
      text: `${r.existing.length === 1 ? 'Filen finns' : `${r.existing.length} filer finns`} redan i ${r.dir}. Inget skrevs. Kryssa i ”Skriv över befintliga filer” eller välj en annan målmapp.`,
    };
  }
  return { kind: 'ok', text: `${countSv(r.files.length, 'fil', 'filer')} skrevs till ${r.dir}.` };
}

import { signalById } from '../signals/index';

const STEPS: Record<string, string> = { load: 'läser in fakta', scoring: 'beräknar poäng och kluster', persist: 'sparar resultat', wait: 'väntar på databasen (en import skriver just nu)', done: 'klar' };

/** Swedish words for an analysis progress step: a signal's title, or the runner's own step. */
export function analysisStepText(step: string): string {
  return signalById(step)?.title ?? STEPS[step] ?? step;
}

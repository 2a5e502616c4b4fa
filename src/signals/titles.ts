import { signalById } from './index';

/** A signal's Swedish title from the registry (so every registered signal has one); an unknown id stays visible. */
export function signalTitle(id: string): string {
  return signalById(id)?.title ?? id;
}

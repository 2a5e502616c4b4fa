import { useCallback, useEffect, useRef, useState } from 'react';
import type { Envelope } from '../../src/api/contract';

export interface Loaded<T> { data: T | null; error: string | null; loading: boolean; reload: () => void }

/** Loads an API value; re-runs when deps change; stale replies are ignored. */
export function useLoad<T>(fn: () => Promise<Envelope<T>> | null, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const p = fn();
    if (!p) return;
    const mine = ++seq.current;
    setLoading(true);
    p.then((env) => {
      if (mine !== seq.current) return;
      if (env.ok) {
        setData(env.value);
        setError(null);
      } else setError(env.error.message);
      setLoading(false);
    });
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

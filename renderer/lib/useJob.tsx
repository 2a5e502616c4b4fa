import { useEffect, useState } from 'react';
import type { JobStatus } from '../../src/api/contract';
import { api } from '../api';

/** Polls a long job (import, analysis, demo) until it is done or failed. */
export function useJob(jobId: string | null, onFinish?: (s: JobStatus) => void): JobStatus | null {
  const [status, setStatus] = useState<JobStatus | null>(null);
  useEffect(() => {
    if (!jobId) { setStatus(null); return; }
    let stop = false;
    const tick = async () => {
      const env = await api.jobStatus({ jobId });
      if (stop) return;
      if (!env.ok) {
        setStatus(null);
        return;
      }
      setStatus(env.value);
      if (env.value.state === 'done' || env.value.state === 'failed') {
        onFinish?.(env.value);
        return;
      }
      setTimeout(() => void tick(), 300);
    };
    void tick();
    return () => { stop = true; };
    // onFinish is intentionally not a dependency: a new closure must not restart polling.
  }, [jobId]);
  return status;
}

export function JobBar({ status }: { status: JobStatus | null }) {
  if (!status) return null;
  const p = status.progress;
  const pct = status.state === 'done' ? 100 : p.total > 0 ? Math.min(100, Math.round((100 * p.done) / p.total)) : 0;
  return (
    <div className="stack" aria-live="polite">
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label="Förlopp">
        <div style={{ width: `${pct}%` }} />
      </div>
      <div className="between small">
        <span>{p.message || (status.state === 'done' ? 'Klart' : 'Arbetar …')}</span>
        <span className="muted">
          {pct} %{p.rowsPerSec > 0 ? ` · ${Math.round(p.rowsPerSec).toLocaleString('sv-SE')} rader/s` : ''}
        </span>
      </div>
      {status.state === 'failed' && status.error && <div className="notice err" role="alert">{status.error.message}</div>}
    </div>
  );
}

import { useState } from 'react';
import { api } from '../api';
import { ErrorBox, EntityLink, Loading, Sev } from '../components/bits';
import { fmtInt, fmtScore } from '../lib/format';
import { JobBar, useJob } from '../lib/useJob';
import { useLoad } from '../lib/useLoad';
import { useNav } from '../state/nav';
import { toastError } from '../state/toast';

export function OverviewView() {
  const status = useLoad(() => api.status({}), []);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId, () => status.reload());
  const go = useNav((s) => s.go);
  const s = status.data;

  const loadDemo = async () => {
    const env = await api.demoLoad({});
    if (env.ok) setJobId(env.value.jobId);
    else toastError(env.error.message);
  };

  if (!s) return <><h1>Översikt</h1>{status.error ? <ErrorBox error={status.error} /> : <Loading />}</>;

  if (s.empty) {
    return (
      <>
        <h1>Översikt</h1>
        <div className="card empty-state">
          <h2>Databasen är tom</h2>
          <p>Läs in den medföljande demodatan (syntetisk, inga verkliga personer) eller importera egna filer.</p>
          <div className="row" style={{ justifyContent: 'center' }}>
            <button type="button" className="btn primary" onClick={() => void loadDemo()} disabled={!!jobId && job?.state !== 'failed'}>
              Läs in demodata
            </button>
            <button type="button" className="btn" onClick={() => go('import')}>Importera filer …</button>
          </div>
          {job && <div style={{ maxWidth: 480, margin: '16px auto 0' }}><JobBar status={job} /></div>}
        </div>
        <p className="small muted">Databas: <span className="mono">{s.storePath}</span></p>
      </>
    );
  }

  const evaluable = s.coverage.filter((c) => c.evaluable).length;
  const bySignal = new Map<string, { title: string; total: number; sev: number[] }>();
  for (const h of s.hitCounts) {
    const e = bySignal.get(h.signal) ?? { title: h.title, total: 0, sev: [0, 0, 0, 0, 0, 0] };
    e.total += h.count;
    e.sev[h.severity] = (e.sev[h.severity] ?? 0) + h.count;
    bySignal.set(h.signal, e);
  }
  const maxTotal = Math.max(1, ...[...bySignal.values()].map((v) => v.total));
  const totalRows = Object.values(s.tables).reduce((a, b) => a + b, 0);

  return (
    <>
      <div className="between">
        <h1>Översikt</h1>
        <span className="small muted">
          {s.lastRun ? <>Senaste analys {s.lastRun.finishedAt?.slice(0, 16).replace('T', ' ') ?? 'pågår'} · per {s.lastRun.asOf}</> : 'Ingen analys körd ännu'}
        </span>
      </div>
      <ErrorBox error={status.error} />
      <div className="kpis">
        <div className="kpi"><div className="v">{fmtInt(s.hitTotal)}</div><div className="l">larm totalt</div></div>
        <div className="kpi"><div className="v">{evaluable} / {s.coverage.length}</div><div className="l">signaler som kan bedömas</div></div>
        <div className="kpi"><div className="v">{fmtInt(s.datasets.length)}</div><div className="l">inlästa datamängder</div></div>
        <div className="kpi"><div className="v">{fmtInt(totalRows)}</div><div className="l">rader i databasen</div></div>
      </div>
      {s.runningJobs.length > 0 && <div className="notice">Ett jobb pågår ({s.runningJobs.map((j) => j.kind).join(', ')}).</div>}
      <div className="grid2">
        <section className="card" aria-labelledby="h-hits">
          <h2 id="h-hits">Larm per signal och allvarlighet</h2>
          {bySignal.size === 0 && <p className="muted">Inga larm.</p>}
          <table className="t">
            <thead><tr><th>Signal</th><th className="num">Antal</th><th>Per allvarlighet</th></tr></thead>
            <tbody>
              {[...bySignal.entries()].sort((a, b) => b[1].total - a[1].total).map(([id, v]) => (
                <tr key={id} className="clickable" onClick={() => go('alerts', `signal=${id}`)}>
                  <td><button type="button" className="linkbtn" onClick={(e) => { e.stopPropagation(); go('alerts', `signal=${id}`); }}>{v.title}</button><div className="small muted mono">{id}</div></td>
                  <td className="num">{fmtInt(v.total)}</td>
                  <td style={{ minWidth: 140 }}>
                    <div className="bar" title={v.sev.slice(1).map((n, i) => `${i + 1}: ${n}`).join(', ')}>
                      <div style={{ width: `${(100 * v.total) / maxTotal}%` }} />
                    </div>
                    <div className="small" style={{ marginTop: 3 }}>
                      {[5, 4, 3, 2, 1].filter((i) => v.sev[i]).map((i) => <span key={i} className="nowrap" style={{ marginRight: 8 }}><Sev n={i} /> ×{v.sev[i]}</span>)}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="h-cov">
          <h2 id="h-cov">Täckning per signal</h2>
          <table className="t">
            <thead><tr><th>Signal</th><th>Kan bedömas</th></tr></thead>
            <tbody>
              {s.coverage.map((c) => (
                <tr key={c.signal}>
                  <td>{c.title}<div className="small muted mono">{c.signal}</div></td>
                  <td>{c.evaluable ? <span className="badge ok">Ja</span> : <><span className="badge no">Nej</span> <span className="small">{c.reason}</span></>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="card" aria-labelledby="h-cl">
        <h2 id="h-cl">Högst rankade kluster</h2>
        {s.topClusters.length === 0 && <p className="muted">Inga kluster (kör analysen först).</p>}
        <table className="t">
          <thead><tr><th>#</th><th className="num">Poäng</th><th className="num">Storlek</th><th className="num">Larm</th><th>Signaler</th><th>Viktigaste medlemmar</th><th></th></tr></thead>
          <tbody>
            {s.topClusters.map((c) => (
              <tr key={c.clusterId}>
                <td>{c.rank}</td>
                <td className="num">{fmtScore(c.score)}</td>
                <td className="num">{c.size}</td>
                <td className="num">{c.hitCount}</td>
                <td className="small">{c.signals.map((id) => s.coverage.find((x) => x.signal === id)?.title ?? id).join(', ')}</td>
                <td>{c.members.slice(0, 4).map((m, i) => <span key={m.id}>{i > 0 && ', '}<EntityLink id={m.id} label={m.label} /></span>)}</td>
                <td>{c.members[0] && <button type="button" className="btn sm" onClick={() => go('network', c.members[0]!.id)}>Nätverk</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="grid2">
        <section className="card" aria-labelledby="h-imp">
          <h2 id="h-imp">Importhistorik</h2>
          <table className="t">
            <thead><tr><th>Datamängd</th><th>Inläst</th><th className="num">Rader</th><th className="num">Karantän</th></tr></thead>
            <tbody>
              {s.importHistory.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}<div className="small muted mono ellipsis" style={{ maxWidth: 320 }} title={d.sourcePath}>{d.sourcePath}</div></td>
                  <td className="nowrap">{d.importedAt.slice(0, 16).replace('T', ' ')}</td>
                  <td className="num">{fmtInt(Object.values(d.rows).reduce((a, b) => a + b, 0))}</td>
                  <td className="num">{fmtInt(d.quarantined)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="h-tab">
          <h2 id="h-tab">Tabeller</h2>
          <table className="t">
            <tbody>
              {Object.entries(s.tables).map(([t, n]) => (
                <tr key={t}><td className="mono">{t}</td><td className="num">{n > 0 ? fmtInt(n) : <span className="muted">saknas</span>}</td></tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">Databas: <span className="mono">{s.storePath}</span> · schema v{s.schemaVersion}</p>
        </section>
      </div>
      {s.hitCounts.length > 0 && <p className="small muted">Allvarlighet: <Sev n={1} /> låg … <Sev n={5} /> mycket hög</p>}
    </>
  );
}

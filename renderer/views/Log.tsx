import { useState } from 'react';
import type { Res } from '../../src/api/contract';
import { api } from '../api';
import { ErrorBox, Loading } from '../components/bits';
import { countSv } from '../../src/model/labels-sv';
import { fmtInt } from '../lib/format';
import { useLoad } from '../lib/useLoad';

const PAGE = 200;

/** What the entry concerned, in words; the stored record (as hashed) one click away for auditors. */
function Details({ summary, value }: { summary: string; value: unknown }) {
  const raw = typeof value === 'string' ? value : JSON.stringify(value, null, 1);
  return (
    <>
      <div>{summary || '–'}</div>
      <details className="raw">
        <summary className="small muted">Lagrad post</summary>
        <pre className="mono small">{raw}</pre>
      </details>
    </>
  );
}

export function LogView() {
  const [offset, setOffset] = useState(0);
  const log = useLoad(() => api.auditList({ offset, limit: PAGE }), [offset]);
  const [verify, setVerify] = useState<Res<'auditVerify'> | null>(null);
  const [vErr, setVErr] = useState<string | null>(null);
  const doVerify = async () => {
    const env = await api.auditVerify({});
    if (env.ok) { setVerify(env.value); setVErr(null); } else setVErr(env.error.message);
  };
  const total = log.data?.total ?? 0;
  return (
    <>
      <div className="between">
        <h1>Logg</h1>
        <button type="button" className="btn primary" onClick={() => void doVerify()}>Verifiera loggkedjan</button>
      </div>
      {verify && (verify.ok
        ? <div className="notice ok" role="status">Loggen är obruten: {countSv(verify.checked, 'post', 'poster')} kontrollerade.{verify.head && <> Huvud: post nr {verify.head.seq}, kontrollsumma <span className="mono" title={verify.head.hash}>{verify.head.hash.slice(0, 16)}…</span></>}</div>
        : <div className="notice err" role="alert">Loggen är bruten vid post {verify.firstBad?.seq}: {verify.firstBad?.problem}</div>)}
      <ErrorBox error={vErr ?? log.error} />
      <section className="card">
        <div className="between">
          <h2>Händelser ({fmtInt(total)})</h2>
          <div className="row">
            <button type="button" className="btn sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Föregående</button>
            <span className="small muted">{total ? `${offset + 1}–${Math.min(offset + PAGE, total)}` : ''}</span>
            <button type="button" className="btn sm" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>Nästa</button>
          </div>
        </div>
        {!log.data && !log.error && <Loading />}
        {log.data?.items.length === 0 && <p className="muted">Loggen är tom.</p>}
        {log.data && log.data.items.length > 0 && (
          <table className="t">
            <thead><tr><th className="num">#</th><th>Tid</th><th>Användare</th><th>Händelse</th><th>Detaljer</th><th>Hash</th></tr></thead>
            <tbody>
              {log.data.items.map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td className="nowrap">{e.at.slice(0, 19).replace('T', ' ')}</td>
                  <td>{e.actor}</td>
                  <td title={e.action}>{e.actionLabel || e.action}</td>
                  <td style={{ maxWidth: 520, overflowWrap: 'anywhere' }}><Details summary={e.summary} value={e.details} /></td>
                  <td className="mono small" title={`föregående ${e.prevHash}`}>{e.hash.slice(0, 12)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

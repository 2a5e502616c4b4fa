import { useEffect, useState } from 'react';
import type { ImportSummary, JobStatus, PreviewFile, QuarantineRow } from '../../src/api/contract';
import { api } from '../api';
import { ErrorBox } from '../components/bits';
import { FileRoots } from '../components/FileRoots';
import { downloadText } from '../lib/download';
import { fmtInt } from '../lib/format';
import { JobBar, useJob } from '../lib/useJob';
import { useNav } from '../state/nav';
import { toastError } from '../state/toast';

const DELIM_SV: Record<string, string> = { ',': 'komma', ';': 'semikolon', '\t': 'tabb' };

export function ImportView() {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<PreviewFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [done, setDone] = useState<JobStatus | null>(null);
  const [analysisJob, setAnalysisJob] = useState<string | null>(null);
  const [autoAnalyse, setAutoAnalyse] = useState(true);
  // Known time (issue 11): undefined = let Insyn detect (manifest, Bolagsverket's bulk file).
  const [full, setFull] = useState<boolean | undefined>(undefined);
  const [source, setSource] = useState('');
  const go = useNav((s) => s.go);
  const paths = text.split('\n').map((s) => s.trim()).filter(Boolean);
  const job = useJob(jobId, (s) => {
    setDone(s);
    if (s.state === 'done' && !s.result?.analysis && autoAnalyse) void runAnalysis();
  });
  const ajob = useJob(analysisJob);

  const doPreview = async () => {
    setPreview(null);
    setDone(null);
    const env = await api.importPreview({ paths });
    if (!env.ok) { setError(env.error.message); return; }
    setError(null);
    setPreview(env.value.files);
  };

  const doImport = async () => {
    setDone(null);
    setAnalysisJob(null);
    const env = await api.importStart({ paths, ...(full !== undefined ? { full } : {}), ...(source.trim() ? { source: source.trim() } : {}) });
    if (!env.ok) { setError(env.error.message); return; }
    setError(null);
    setJobId(env.value.jobId);
  };

  const runAnalysis = async () => {
    const env = await api.analysisRun({});
    if (env.ok) setAnalysisJob(env.value.jobId);
    else toastError(env.error.message);
  };

  const running = job && (job.state === 'queued' || job.state === 'running');
  const result = done?.state === 'done' ? done.result : null;
  const analysis = result?.analysis ?? (ajob?.state === 'done' ? ajob.result?.analysis ?? null : null);

  return (
    <>
      <h1>Importera</h1>
      <FileRoots />
      <section className="card" aria-labelledby="h-src">
        <h2 id="h-src">1. Välj mapp eller filer</h2>
        <p className="small muted">
          Ange sökvägar i importmappen, en per rad (fullständiga eller relativa till importmappen): en mapp med CSV-filer
          (companies.csv, roles.csv …), en enskild fil, .xlsx, .csv.gz, Bolagsverkets bulkfil (.txt/.zip) eller FtM JSON lines.
        </p>
        <label className="field">Sökvägar
          <textarea value={text} onChange={(e) => setText(e.target.value)} placeholder="extrakt-2026" spellCheck={false} aria-describedby="paths-count" />
        </label>
        <div className="row" style={{ marginTop: 8 }}>
          <button type="button" className="btn" onClick={() => void doPreview()} disabled={paths.length === 0}>Förhandsgranska</button>
          <button type="button" className="btn primary" onClick={() => void doImport()} disabled={paths.length === 0 || !!running}>Importera</button>
          <label className="row small"><input type="checkbox" checked={autoAnalyse} onChange={(e) => setAutoAnalyse(e.target.checked)} /> Kör analysen efter importen</label>
          <span id="paths-count" className="small muted">{paths.length} sökväg(ar)</span>
        </div>
        <ExtractKindFields full={full} setFull={setFull} source={source} setSource={setSource} />
        <ErrorBox error={error} />
      </section>

      {preview && (
        <section className="card" aria-labelledby="h-prev">
          <h2 id="h-prev">2. Upptäckta filer ({preview.length})</h2>
          <div className="scroll-y max-h-400">
            <table className="t" data-testid="preview">
              <thead><tr><th>Fil</th><th>Tabell</th><th>Format</th><th>Teckenkodning</th><th>Avgränsare</th><th className="num">Kolumner</th><th>Saknade obligatoriska</th><th>Okända kolumner (sparas)</th></tr></thead>
              <tbody>
                {preview.map((f) => (
                  <tr key={f.file}>
                    <td className="mono ellipsis" style={{ maxWidth: 260 }} title={f.file}>{f.file.split(/[\\/]/).pop()}</td>
                    <td>{f.table ?? <span className="badge no">okänd</span>}</td>
                    <td>{f.format}</td>
                    <td>{f.encoding}</td>
                    <td>{f.delimiter ? DELIM_SV[f.delimiter] ?? f.delimiter : '–'}</td>
                    <td className="num">{f.headers.length}</td>
                    <td>{f.error ? <span className="error-text">{f.error}</span> : f.missingRequired.length ? <span className="badge no">{f.missingRequired.join(', ')}</span> : <span className="badge ok">inga</span>}</td>
                    <td className="small">{f.unknownColumns.join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {job && (
        <section className="card" aria-labelledby="h-prog">
          <h2 id="h-prog">3. Import</h2>
          <JobBar status={job} />
        </section>
      )}

      {result && (
        <section className="card" aria-labelledby="h-res" data-testid="import-result">
          <h2 id="h-res">Resultat</h2>
          {result.imports.map((r) => <ImportResult key={r.datasetId} r={r} />)}
          {analysis ? (
            <><p data-testid="analysis-done">Analys körd: <strong>{fmtInt(analysis.hitCount)}</strong> larm per {analysis.asOf}.{' '}
              <button type="button" className="btn sm primary" onClick={() => go('overview')}>Till översikten</button>{' '}
              <button type="button" className="btn sm" onClick={() => go('alerts')}>Till larmen</button>
            </p>
            {analysis.snapshotNote && <div className="notice" role="status" data-testid="snapshot-note">{analysis.snapshotNote}</div>}</>
          ) : ajob ? (
            <div data-testid="analysis-progress"><h3>Analys</h3><JobBar status={ajob} /></div>
          ) : (
            <div className="row">
              <button type="button" className="btn primary" onClick={() => void runAnalysis()}>Kör analys</button>
              <button type="button" className="btn" onClick={() => go('overview')}>Till översikten</button>
            </div>
          )}
          {result.imports.length > 0 && <Quarantine datasetIds={result.imports.map((r) => r.datasetId)} />}
        </section>
      )}
    </>
  );
}

/** Full or partial extract and its source (issue 11: rows a full extract lacks are no longer reported). */
function ExtractKindFields({ full, setFull, source, setSource }: { full: boolean | undefined; setFull: (v: boolean | undefined) => void; source: string; setSource: (v: string) => void }) {
  return (
    <details className="small" style={{ marginTop: 8 }} data-testid="extract-kind">
      <summary>Fullständigt eller delvist uttag {full === true ? '(fullständigt)' : full === false ? '(delvist)' : '(identifieras automatiskt)'}</summary>
      <div className="row" style={{ marginTop: 6 }}>
        <label className="field">Typ av uttag
          <select value={full === undefined ? 'auto' : full ? 'full' : 'partial'} onChange={(e) => setFull(e.target.value === 'auto' ? undefined : e.target.value === 'full')}>
            <option value="auto">Identifiera (insyn-dataset.json, Bolagsverkets bulkfil)</option>
            <option value="full">Fullständigt: rader som saknas rapporteras inte längre</option>
            <option value="partial">Delvist: rader som saknas lämnas orörda</option>
          </select>
        </label>
        <label className="field">Källa (valfri)
          <input type="text" value={source} onChange={(e) => setSource(e.target.value)} placeholder="t.ex. bolagsverket, kommun-a" />
        </label>
      </div>
      <p className="muted">Ett fullständigt uttag markerar rader från samma källa som inte finns med som &quot;rapporteras inte längre&quot; från och med denna import. Inget raderas; historiken finns kvar i entitetsprofilen.</p>
    </details>
  );
}

function ImportResult({ r }: { r: ImportSummary }) {
  const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
  return (
    <div className="stack">
      <p>
        <strong>{r.dataset}</strong>: {fmtInt(total)} rader ({fmtInt(r.inserted)} nya, {fmtInt(r.updated)} uppdaterade, {fmtInt(r.unchanged)} oförändrade),{' '}
        <strong>{fmtInt(r.quarantined)}</strong> i karantän.
        {r.full.length > 0 && <> Fullständigt uttag av {r.full.join(', ')}: <strong>{fmtInt(Object.values(r.ended).reduce((a, b) => a + b, 0))}</strong> rader rapporteras inte längre.</>}
      </p>
      <table className="t" style={{ maxWidth: 420 }}>
        <thead><tr><th>Tabell</th><th className="num">Rader</th></tr></thead>
        <tbody>{Object.entries(r.rows).map(([t, n]) => <tr key={t}><td className="mono">{t}</td><td className="num">{fmtInt(n)}</td></tr>)}</tbody>
      </table>
    </div>
  );
}

function Quarantine({ datasetIds }: { datasetIds: number[] }) {
  const [filter, setFilter] = useState('');
  const [rows, setRows] = useState<QuarantineRow[]>([]);
  const [total, setTotal] = useState(0);
  const datasetId = datasetIds.length === 1 ? datasetIds[0] : undefined;
  useEffect(() => {
    const t = setTimeout(() => {
      void api.quarantineList({ ...(datasetId !== undefined ? { datasetId } : {}), ...(filter ? { text: filter } : {}), limit: 500 }).then((env) => {
        if (env.ok) { setRows(env.value.items); setTotal(env.value.total); }
      });
    }, 200);
    return () => clearTimeout(t);
  }, [filter, datasetId]);
  const exportCsv = async () => {
    const env = await api.quarantineExportCsv({ ...(datasetId !== undefined ? { datasetId } : {}), ...(filter ? { text: filter } : {}) });
    if (env.ok) downloadText(env.value.filename, env.value.csv);
    else toastError(env.error.message);
  };
  return (
    <>
      <div className="between" style={{ marginTop: 12 }}>
        <h3>Karantän ({fmtInt(total)} rader)</h3>
        <div className="row">
          <input type="search" aria-label="Filtrera karantän" placeholder="Filtrera (värde, kolumn, orsak)" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <button type="button" className="btn sm" onClick={() => void exportCsv()} disabled={total === 0}>Exportera CSV</button>
        </div>
      </div>
      {rows.length === 0 ? <p className="muted">Inga rader i karantän{filter ? ' som matchar filtret' : ''}.</p> : (
        <div className="scroll-y max-h-400">
          <table className="t" data-testid="quarantine">
            <thead><tr><th>Fil:rad</th><th>Kolumn</th><th>Värde</th><th>Orsak</th></tr></thead>
            <tbody>
              {rows.map((q) => (
                <tr key={q.id}>
                  <td className="mono nowrap">{q.file.split(/[\\/]/).pop()}:{q.line}</td>
                  <td className="mono">{q.column ?? '–'}</td>
                  <td className="mono ellipsis" style={{ maxWidth: 240 }} title={q.value ?? ''}>{q.value ?? '–'}</td>
                  <td>{q.reasonSv}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

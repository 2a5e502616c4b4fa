import { useMemo, useState } from 'react';
import type { ParamSpec, RuleInfo, ValidationIssue } from '../../src/api/contract';
import { api } from '../api';
import { ErrorBox, Loading } from '../components/bits';
import { fmtInt } from '../lib/format';
import { paramToText, textToParam } from '../lib/params';
import { JobBar, useJob } from '../lib/useJob';
import { useLoad } from '../lib/useLoad';
import { toastError, toastInfo } from '../state/toast';

export function RulesView() {
  const rules = useLoad(() => api.rulesList({}), []);
  const status = useLoad(() => api.status({}), []);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId, (s) => {
    status.reload();
    if (s.state === 'done') toastInfo(`Analysen klar: ${fmtInt(s.result?.analysis?.hitCount ?? 0)} larm${s.result?.analysis?.snapshotNote ? `. ${s.result.analysis.snapshotNote}` : ''}`);
  });
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const h of status.data?.hitCounts ?? []) m.set(h.signal, (m.get(h.signal) ?? 0) + h.count);
    return m;
  }, [status.data]);

  const rerun = async () => {
    const env = await api.analysisRun({});
    if (env.ok) setJobId(env.value.jobId);
    else toastError(env.error.message);
  };
  const running = job && (job.state === 'queued' || job.state === 'running');

  return (
    <>
      <div className="between">
        <h1>Regler</h1>
        <div className="row">
          <span className="small muted">Totalt <strong data-testid="rules-hit-total">{status.data ? fmtInt(status.data.hitTotal) : '…'}</strong> larm</span>
          <button type="button" className="btn primary" onClick={() => void rerun()} disabled={!!running}>Kör om analysen</button>
        </div>
      </div>
      {job && <div className="card"><JobBar status={job} /></div>}
      <ErrorBox error={rules.error} />
      {!rules.data && !rules.error && <Loading />}
      {rules.data?.rules.map((r) => <RuleCard key={r.id} rule={r} hits={counts.get(r.id) ?? 0} onSaved={rules.reload} />)}
    </>
  );
}

function RuleCard({ rule, hits, onSaved }: { rule: RuleInfo; hits: number; onSaved: () => void }) {
  const initial = () => Object.fromEntries(rule.params.map((p) => [p.name, paramToText(p, rule.values[p.name] ?? p.value)]));
  const [draft, setDraft] = useState<Record<string, string>>(initial);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const dirty = rule.params.some((p) => draft[p.name] !== paramToText(p, rule.values[p.name] ?? p.value));

  const save = async (values: Record<string, unknown>) => {
    const env = await api.rulesUpdate({ signal: rule.id, params: values });
    if (!env.ok) { setError(env.error.message); setIssues(env.error.issues ?? []); return; }
    if (!env.value.saved) { setIssues(env.value.issues); setError('Parametrarna sparades inte: rätta felen nedan.'); return; }
    setIssues([]);
    setError(null);
    toastInfo(`Parametrar för ”${rule.title}” sparade. Kör om analysen för att se effekten.`);
    onSaved();
  };

  const submit = () => void save(Object.fromEntries(rule.params.map((p) => [p.name, textToParam(p, draft[p.name] ?? '')])));
  const resetDefaults = () => {
    setDraft(Object.fromEntries(rule.params.map((p) => [p.name, paramToText(p, rule.defaults[p.name] ?? p.default)])));
  };
  const issueFor = (name: string) => issues.filter((i) => i.path[0] === name || i.path[i.path.length - 1] === name || i.path.includes(name));
  const general = issues.filter((i) => !rule.params.some((p) => i.path.includes(p.name)));

  return (
    <section className="card" aria-labelledby={`rule-${rule.id}`} data-rule={rule.id}>
      <div className="between">
        <h2 id={`rule-${rule.id}`}>{rule.title} <span className="mono muted small">{rule.id}</span></h2>
        <span className="badge" data-testid={`rule-hits-${rule.id}`}>{fmtInt(hits)} larm</span>
      </div>
      <p>{rule.description}</p>
      <p className="small muted">Grund: {rule.basis}</p>
      {rule.params.length > 0 && (
        <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <div className="grid3">
            {rule.params.map((p) => {
              const errs = issueFor(p.name);
              const id = `p-${rule.id}-${p.name}`;
              return (
                <div key={p.name} className={p.type === 'enum[]' ? 'param-wide' : undefined}>
                  <label className="field" htmlFor={id} id={`${id}-label`}>{p.description} <span className="mono muted small">{p.name}</span></label>
                  {p.type === 'boolean' ? (
                    <input id={id} type="checkbox" checked={draft[p.name] === 'true'} onChange={(e) => setDraft({ ...draft, [p.name]: String(e.target.checked) })} />
                  ) : p.type === 'enum' && p.options ? (
                    <select id={id} value={draft[p.name] ?? ''} onChange={(e) => setDraft({ ...draft, [p.name]: e.target.value })}>
                      {p.options.map((o) => <option key={o} value={o}>{p.optionLabels?.[o] ?? o}</option>)}
                    </select>
                  ) : p.type === 'enum[]' && p.options ? (
                    <CodeChecks id={id} spec={p} text={draft[p.name] ?? ''} onChange={(text) => setDraft({ ...draft, [p.name]: text })} />
                  ) : (
                    <input id={id} type="text" value={draft[p.name] ?? ''} aria-invalid={errs.length > 0}
                      onChange={(e) => setDraft({ ...draft, [p.name]: e.target.value })} style={{ width: '100%' }} />
                  )}
                  <div className="small muted">
                    Standard: {paramToLabels(p, rule.defaults[p.name] ?? p.default) || '–'}
                    {p.min != null ? ` · min ${p.min}` : ''}{p.max != null ? ` · max ${p.max}` : ''}
                  </div>
                  {errs.map((i, k) => <div key={k} className="error-text" role="alert">{i.message}</div>)}
                </div>
              );
            })}
          </div>
          {error && <p className="error-text" role="alert">{error}</p>}
          {general.map((i, k) => <div key={k} className="error-text">{i.path.join('.')}: {i.message}</div>)}
          <div className="row" style={{ marginTop: 8 }}>
            <button type="submit" className="btn primary sm" disabled={!dirty}>Spara parametrar</button>
            <button type="button" className="btn sm" onClick={resetDefaults}>Återställ standard</button>
            {dirty && <span className="small muted">Osparade ändringar</span>}
          </div>
        </form>
      )}
    </section>
  );
}

/** A parameter value as labels: codes in Swedish, lists joined. */
function paramToLabels(p: ParamSpec, value: unknown): string {
  if (Array.isArray(value) && p.optionLabels) return value.map((v) => p.optionLabels![String(v)] ?? String(v)).join(', ');
  return paramToText(p, value);
}

/** A list of contract codes as checkboxes with their Swedish labels; the draft stays the codes as text. */
function CodeChecks({ id, spec, text, onChange }: { id: string; spec: ParamSpec; text: string; onChange: (text: string) => void }) {
  const chosen = new Set(text.split(/[,|]/).map((s) => s.trim()).filter(Boolean));
  const options = spec.options ?? [];
  // Codes set in a config file but unknown here stay visible (and can be unticked).
  const extra = [...chosen].filter((c) => !options.includes(c));
  const toggle = (code: string) => {
    const next = new Set(chosen);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    onChange([...options, ...extra].filter((c) => next.has(c)).join(', '));
  };
  return (
    <div id={id} role="group" aria-labelledby={`${id}-label`} className="code-checks">
      {[...options, ...extra].map((code) => (
        <label key={code} className="check" title={`Kod: ${code}`}>
          <input type="checkbox" checked={chosen.has(code)} onChange={() => toggle(code)} /> {spec.optionLabels?.[code] ?? code}
        </label>
      ))}
    </div>
  );
}

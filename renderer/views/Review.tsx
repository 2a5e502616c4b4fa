import { useState } from 'react';
import type { Dossier } from '../../src/api/contract';
import { api } from '../api';
import { EntityLink, ErrorBox, Sev } from '../components/bits';
import { KIND_SV, ROLE_SV } from '../lib/format';
import { downloadText } from '../lib/download';
import { DateInput } from '../components/DateInput';

/** One role or several (the register's `board_member, ceo`) in Swedish. */
const rolesText = (roles: string): string => roles.split(',').map((r) => ROLE_SV[r.trim()] ?? r.trim()).join(', ');

interface PersonRow { personId: string; role: string }

export function ReviewView() {
  const [mode, setMode] = useState<'applicant' | 'licence'>('applicant');
  const [orgNr, setOrgNr] = useState('');
  const [licenceId, setLicenceId] = useState('');
  const [rows, setRows] = useState<PersonRow[]>([{ personId: '', role: 'board_member' }]);
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [badDate, setBadDate] = useState(false);

  const submit = async () => {
    setBusy(true);
    const env = mode === 'licence'
      ? await api.dossier({ licenceId, ...(asOf ? { asOf } : {}) })
      : await api.dossier({ orgNr, personkrets: rows.filter((r) => r.personId.trim()).map((r) => ({ personId: r.personId.trim(), role: r.role })), ...(asOf ? { asOf } : {}) });
    setBusy(false);
    if (!env.ok) { setError(env.error.message); setDossier(null); return; }
    setError(null);
    setDossier(env.value);
  };

  return (
    <>
      <h1>Ägar- och ledningsprövning</h1>
      <section className="card">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'applicant'} onClick={() => setMode('applicant')}>Sökande och personkrets</button>
          <button type="button" role="tab" aria-selected={mode === 'licence'} onClick={() => setMode('licence')}>Ansökt tillstånd</button>
        </div>
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }} className="stack">
          {mode === 'licence' ? (
            <label className="field" style={{ maxWidth: 320 }}>Tillstånds-id<input type="text" value={licenceId} onChange={(e) => setLicenceId(e.target.value)} /></label>
          ) : (
            <>
              <label className="field" style={{ maxWidth: 320 }}>Sökandens organisationsnummer<input type="text" value={orgNr} onChange={(e) => setOrgNr(e.target.value)} placeholder="556677-8899" /></label>
              <fieldset style={{ border: '1px solid var(--line)', borderRadius: 6 }}>
                <legend>Anmäld personkrets</legend>
                {rows.map((r, i) => (
                  <div className="row" key={i} style={{ marginBottom: 6 }}>
                    <input type="text" aria-label={`Personnummer rad ${i + 1}`} placeholder="ÅÅÅÅMMDD-NNNN" value={r.personId}
                      onChange={(e) => setRows(rows.map((x, k) => (k === i ? { ...x, personId: e.target.value } : x)))} />
                    <select aria-label={`Roll rad ${i + 1}`} value={r.role} onChange={(e) => setRows(rows.map((x, k) => (k === i ? { ...x, role: e.target.value } : x)))}>
                      {Object.entries(ROLE_SV).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                    </select>
                    <button type="button" className="btn sm danger" aria-label={`Ta bort rad ${i + 1}`} onClick={() => setRows(rows.filter((_, k) => k !== i))} disabled={rows.length === 1}>Ta bort</button>
                  </div>
                ))}
                <button type="button" className="btn sm" onClick={() => setRows([...rows, { personId: '', role: 'board_member' }])}>Lägg till person</button>
              </fieldset>
            </>
          )}
          <label className="field" style={{ maxWidth: 320 }}>Per datum (tomt = i dag)
            <DateInput value={asOf} onChange={setAsOf} onInvalid={setBadDate} label="Per datum" />
          </label>
          <div><button type="submit" className="btn primary" disabled={busy || badDate || (mode === 'licence' ? !licenceId.trim() : !orgNr.trim())}>{busy ? 'Sammanställer …' : 'Sammanställ underlag'}</button></div>
        </form>
        <ErrorBox error={error} />
      </section>
      {dossier && <DossierView d={dossier} />}
    </>
  );
}

function DossierView({ d }: { d: Dossier }) {
  return (
    <section className="card" aria-labelledby="h-dossier" data-testid="dossier">
      <div className="between">
        <h2 id="h-dossier">Underlag: {d.applicant.name ?? d.applicant.orgNr} <span className="mono muted">{d.applicant.orgNr}</span></h2>
        <button type="button" className="btn sm" onClick={() => downloadText(`provning-${d.applicant.orgNr}-${d.asOf}.html`, d.html, 'text/html;charset=utf-8')}>Spara HTML-rapport</button>
      </div>
      <p className="small muted">Per {d.asOf}. {d.applicant.inStore ? 'Bolaget finns i registret.' : 'Bolaget finns inte i registret (nystartat eller okänt).'}</p>
      {d.undeclared.length > 0 && (
        <div className="notice err" role="alert">
          <strong>Ej anmälda personer med kontroll enligt registret:</strong>
          <ul>{d.undeclared.map((u) => <li key={u.id}><EntityLink id={u.id} label={u.label} /> – {rolesText(u.role)} <span className="src">{u.source}</span></li>)}</ul>
        </div>
      )}
      {d.sections.map((s) => (
        <div key={`${s.subject.kind}:${s.subject.id}`} style={{ marginTop: 12 }}>
          <h3><span className="badge">{KIND_SV[s.subject.kind]}</span> <EntityLink id={s.subject.id} label={s.subject.label} /> {s.role && <span className="muted">({rolesText(s.role)})</span>} {!s.declared && <span className="badge no">ej anmäld</span>}</h3>
          {s.findings.length === 0 ? <p className="muted small">Inget att notera.</p> : (
            <ul>
              {s.findings.map((f, i) => (
                <li key={i} style={{ marginBottom: 4 }}>
                  {f.severity != null && <Sev n={f.severity} />} {f.text} {f.sources.map((src) => <span key={src} className="src">{src}</span>)}
                  {f.related.length > 0 && <span className="small"> · {f.related.map((r, k) => <span key={r.id}>{k > 0 && ', '}<EntityLink id={r.id} label={r.label} /></span>)}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HitDetail, HitRow, HitStatus } from '../../src/api/contract';
import { api } from '../api';
import { Dialog, EntityLink, ErrorBox, Loading, Sev, SourceTag, StatusBadge } from '../components/bits';
import { KIND_SV, STATUS_SV, fmtInt, fmtScore } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import { filtersToRequest, useAlerts, type SortBy } from '../state/alerts';
import { useNav } from '../state/nav';
import { clickSelect, emptySelection, toggleAll, type SelectionState } from '../state/selection';
import { toastError, toastInfo } from '../state/toast';

const PAGE = 500;
const STATUSES: HitStatus[] = ['ny', 'under_utredning', 'avskriven', 'bekraftad'];
const NEEDS_REASON = new Set<HitStatus>(['avskriven', 'bekraftad']);

export function AlertsView({ hitKey }: { hitKey: string | null }) {
  const { filters, sort, setFilter, resetFilters, sortBy } = useAlerts();
  const go = useNav((s) => s.go);
  const [items, setItems] = useState<HitRow[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [sel, setSel] = useState<SelectionState>(emptySelection());
  const [pending, setPending] = useState<HitStatus | null>(null);
  const [reload, setReload] = useState(0);
  const rules = useLoad(() => api.rulesList({}), []);
  const seq = useRef(0);

  // "signal=<id>" as the route argument pre-filters (links from the overview).
  const openKey = hitKey && !hitKey.startsWith('signal=') ? hitKey : null;
  useEffect(() => {
    if (hitKey?.startsWith('signal=')) resetFilters({ signal: hitKey.slice(7) });
  }, [hitKey, resetFilters]);

  const request = useMemo(() => filtersToRequest(filters, sort), [filters, sort]);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    void api.hitsList({ ...request, offset: 0, limit: PAGE }).then((env) => {
      if (mine !== seq.current) return;
      setLoading(false);
      if (!env.ok) { setError(env.error.message); return; }
      setError(null);
      setItems(env.value.items);
      setTotal(env.value.total);
    });
  }, [request, reload]);

  const loadMore = useCallback(() => {
    if (loading || items.length >= total) return;
    const mine = seq.current;
    setLoading(true);
    void api.hitsList({ ...request, offset: items.length, limit: PAGE }).then((env) => {
      if (mine !== seq.current) return;
      setLoading(false);
      if (env.ok) setItems((cur) => [...cur, ...env.value.items]);
    });
  }, [loading, items.length, total, request]);

  const keys = useMemo(() => items.map((h) => h.hitKey), [items]);
  const body = useRef<HTMLDivElement>(null);
  const virt = useVirtualizer({ count: items.length, getScrollElement: () => body.current, estimateSize: () => 34, overscan: 12 });
  const vItems = virt.getVirtualItems();
  useEffect(() => {
    const last = vItems[vItems.length - 1];
    if (last && last.index >= items.length - 50) loadMore();
  }, [vItems, items.length, loadMore]);

  const open = (key: string) => go('alerts', key);

  const applyStatus = async (status: HitStatus, reason: string, targets: string[]) => {
    const before = new Map(items.filter((h) => targets.includes(h.hitKey)).map((h) => [h.hitKey, h.status] as const));
    const env = await api.hitsSetStatus({ hitKeys: targets, status, reason });
    if (!env.ok) { toastError(env.error.message); return false; }
    setReload((r) => r + 1);
    toastInfo(`${env.value.updated} larm satt till ”${STATUS_SV[status]}”`, async () => {
      const groups = new Map<HitStatus, string[]>();
      for (const [k, s] of before) groups.set(s, [...(groups.get(s) ?? []), k]);
      for (const [s, ks] of groups) {
        const r = await api.hitsSetStatus({ hitKeys: ks, status: s, reason: 'Ångrad statusändring' });
        if (!r.ok) toastError(r.error.message);
      }
      setReload((x) => x + 1);
    });
    return true;
  };

  const targets = sel.selected.size > 0 ? [...sel.selected] : openKey ? [openKey] : [];

  const onStatus = (status: HitStatus) => {
    if (targets.length === 0) return;
    if (NEEDS_REASON.has(status)) setPending(status);
    else void applyStatus(status, '', targets);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (items.length === 0) return;
    const idx = openKey ? keys.indexOf(openKey) : -1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(items.length - 1, idx + (e.key === 'ArrowDown' ? 1 : -1)));
      open(keys[next]!);
      virt.scrollToIndex(next);
    } else if (e.key === ' ' && openKey) {
      e.preventDefault();
      setSel((s) => clickSelect(s, keys, openKey, { shift: false, toggle: true }));
    }
  };

  const head = (by: SortBy, label: string) => (
    <div role="columnheader" aria-sort={sort.by === by ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => sortBy(by)}>{label}{sort.by === by ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</button>
    </div>
  );

  return (
    <div className={openKey ? 'alerts' : 'alerts noside'}>
      <section className="list" aria-label="Larmlista">
        <div className="filters">
          <strong>Larm</strong>
          <select aria-label="Signal" value={filters.signal} onChange={(e) => setFilter('signal', e.target.value)}>
            <option value="">Alla signaler</option>
            {rules.data?.rules.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
            {filters.signal && !rules.data?.rules.some((r) => r.id === filters.signal) && <option value={filters.signal}>{filters.signal}</option>}
          </select>
          <select aria-label="Allvarlighet" value={filters.severity} onChange={(e) => setFilter('severity', e.target.value)}>
            <option value="">Alla nivåer</option>
            {[5, 4, 3, 2, 1].map((n) => <option key={n} value={n}>Allvarlighet {n}</option>)}
          </select>
          <select aria-label="Typ" value={filters.subjectKind} onChange={(e) => setFilter('subjectKind', e.target.value as never)}>
            <option value="">Alla typer</option>
            {Object.entries(KIND_SV).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
          <select aria-label="Status" value={filters.status} onChange={(e) => setFilter('status', e.target.value as never)}>
            <option value="">Alla statusar</option>
            {STATUSES.map((s) => <option key={s} value={s}>{STATUS_SV[s]}</option>)}
          </select>
          <input type="text" aria-label="Kommun" placeholder="Kommun" value={filters.municipality} onChange={(e) => setFilter('municipality', e.target.value)} style={{ width: 110 }} />
          <input type="search" aria-label="Fritext" placeholder="Fritext" value={filters.text} onChange={(e) => setFilter('text', e.target.value)} style={{ width: 130 }} />
          <button type="button" className="btn sm" onClick={() => resetFilters()}>Rensa</button>
        </div>
        <div className="vt-head" role="row">
          <div role="columnheader">
            <input type="checkbox" aria-label="Markera alla inlästa" checked={items.length > 0 && sel.selected.size === items.length} onChange={() => setSel((s) => toggleAll(s, keys))} />
          </div>
          {head('severity', 'Allv.')}
          {head('signal', 'Signal')}
          {head('subject', 'Subjekt')}
          {head('score', 'Poäng')}
          {head('municipality', 'Kommun')}
          {head('status', 'Status')}
          <div role="columnheader" title="Antal bevis">Bevis</div>
        </div>
        <div className="vt-body" ref={body} tabIndex={0} onKeyDown={onKeyDown} aria-label="Larm, pil upp/ner väljer, mellanslag markerar" data-testid="alerts-body">
          <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
            {vItems.map((v) => {
              const h = items[v.index]!;
              const isSel = sel.selected.has(h.hitKey);
              return (
                <div
                  key={h.hitKey}
                  className={`vt-row${isSel ? ' sel' : ''}${openKey === h.hitKey ? ' open' : ''}`}
                  style={{ transform: `translateY(${v.start}px)` }}
                  data-hit-key={h.hitKey}
                  onClick={(e) => {
                    if (e.shiftKey || e.ctrlKey || e.metaKey) setSel((s) => clickSelect(s, keys, h.hitKey, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
                    else open(h.hitKey);
                  }}
                >
                  <div onClick={(e) => e.stopPropagation()}>
                    <input type="checkbox" aria-label={`Markera larm ${h.subjectLabel}`} checked={isSel} onChange={() => setSel((s) => clickSelect(s, keys, h.hitKey, { shift: false, toggle: true }))} />
                  </div>
                  <div><Sev n={h.severity} /></div>
                  <div title={h.signal}>{h.signalTitle}</div>
                  <div title={`${h.subjectLabel} (${h.subjectId})`}>
                    <span className="badge">{KIND_SV[h.subjectKind]}</span> {h.subjectLabel}
                  </div>
                  <div className="num">{fmtScore(h.score)}</div>
                  <div>{h.municipality ?? '–'}</div>
                  <div><StatusBadge status={h.status} changed={h.changed} /></div>
                  <div className="num">{h.evidenceCount}</div>
                </div>
              );
            })}
          </div>
          {!loading && items.length === 0 && <div className="empty-state">Inga larm matchar filtret.</div>}
        </div>
        <div className="vt-foot">
          <span data-testid="hit-total">{fmtInt(total)} larm</span>
          {loading && <span className="muted">laddar …</span>}
          <span className="spacer" style={{ flex: 1 }} />
          <span>{sel.selected.size > 0 ? `${sel.selected.size} markerade` : openKey ? '1 öppet' : 'Inget valt'}</span>
          <label className="row small">Sätt status:
            <select aria-label="Sätt status" value="" disabled={targets.length === 0} onChange={(e) => { if (e.target.value) onStatus(e.target.value as HitStatus); }}>
              <option value="">välj …</option>
              {STATUSES.map((s) => <option key={s} value={s}>{STATUS_SV[s]}</option>)}
            </select>
          </label>
          {sel.selected.size > 0 && <button type="button" className="btn sm" onClick={() => setSel(emptySelection())}>Avmarkera</button>}
        </div>
        <ErrorBox error={error} />
      </section>
      {openKey && <HitPanel hitKey={openKey} reloadTick={reload} onClose={() => go('alerts', null)} onStatus={onStatus} />}
      {pending && (
        <ReasonDialog
          status={pending}
          count={targets.length}
          onCancel={() => setPending(null)}
          onSubmit={async (reason) => { if (await applyStatus(pending, reason, targets)) setPending(null); }}
        />
      )}
    </div>
  );
}

function ReasonDialog({ status, count, onCancel, onSubmit }: { status: HitStatus; count: number; onCancel: () => void; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string | null>(null);
  return (
    <Dialog title={`${STATUS_SV[status]}: ${count} larm`} onClose={onCancel}>
      <form onSubmit={(e) => { e.preventDefault(); if (!reason.trim()) setErr('Ett skäl krävs när ett larm avskrivs eller bekräftas.'); else onSubmit(reason.trim()); }}>
        <label className="field">Skäl (obligatoriskt)
          <textarea value={reason} onChange={(e) => { setReason(e.target.value); setErr(null); }} aria-invalid={!!err} />
        </label>
        {err && <p className="error-text" role="alert">{err}</p>}
        <div className="row" style={{ justifyContent: 'flex-end', marginTop: 10 }}>
          <button type="button" className="btn" onClick={onCancel}>Avbryt</button>
          <button type="submit" className="btn primary">Spara</button>
        </div>
      </form>
    </Dialog>
  );
}

function HitPanel({ hitKey, reloadTick, onClose, onStatus }: { hitKey: string; reloadTick: number; onClose: () => void; onStatus: (s: HitStatus) => void }) {
  const hit = useLoad(() => api.hitGet({ hitKey }), [hitKey, reloadTick]);
  const go = useNav((s) => s.go);
  const h: HitDetail | null = hit.data && hit.data.hitKey === hitKey ? hit.data : null;
  return (
    <aside className="detail" aria-label="Larmdetaljer" data-testid="hit-detail">
      <div className="between">
        <h2>Larm</h2>
        <button type="button" className="btn sm" onClick={onClose} aria-label="Stäng detaljer">Stäng</button>
      </div>
      <ErrorBox error={hit.error} />
      {!h ? <Loading /> : (
        <>
          <p><Sev n={h.severity} /> <strong>{h.signalTitle}</strong> <StatusBadge status={h.status} changed={h.changed} /></p>
          <p>
            <span className="badge">{KIND_SV[h.subjectKind]}</span> <EntityLink id={h.subjectId} label={h.subjectLabel} />{' '}
            <span className="mono muted">{h.subjectId}</span>
          </p>
          <div className="row">
            <button type="button" className="btn primary sm" onClick={() => go('network', h.subjectId)}>Öppna nätverk</button>
            <button type="button" className="btn sm" onClick={() => go('entity', h.subjectId)}>Öppna profil</button>
            <button type="button" className="btn sm" onClick={() => onStatus('under_utredning')}>Under utredning</button>
            <button type="button" className="btn sm" onClick={() => onStatus('avskriven')}>Avskriv …</button>
            <button type="button" className="btn sm" onClick={() => onStatus('bekraftad')}>Bekräfta …</button>
          </div>
          <h3>Bevis</h3>
          <ol className="evidence" data-testid="evidence">
            {h.evidence.map((e, i) => (
              <li key={i}>
                <div>{e.text}</div>
                <SourceTag text={e.source} source={e.provenance} />
                {e.provenance?.datasetName && <span className="small muted"> · {e.provenance.datasetName}</span>}
              </li>
            ))}
          </ol>
          {h.related.length > 0 && (
            <>
              <h3>Relaterade</h3>
              <ul>{h.related.map((r) => <li key={r.id}><span className="badge">{KIND_SV[r.kind]}</span> <EntityLink id={r.id} label={r.label} /></li>)}</ul>
            </>
          )}
          <h3>Källor</h3>
          <ul className="small">
            {h.sources.map((s, i) => (
              <li key={i}><SourceTag source={s} /> {s.datasetName ?? ''} {s.importedAt ? `· inläst ${s.importedAt.slice(0, 16).replace('T', ' ')}` : ''}</li>
            ))}
          </ul>
          <h3>Om signalen</h3>
          <p className="small">{h.signalDescription}</p>
          <p className="small muted">Grund: {h.signalBasis}</p>
          {h.statusHistory.length > 0 && (
            <>
              <h3>Statushistorik</h3>
              <ul className="small">
                {h.statusHistory.map((c, i) => <li key={i}>{c.at.slice(0, 16).replace('T', ' ')} · {c.actor}: {STATUS_SV[c.status]}{c.reason ? ` – ${c.reason}` : ''}</li>)}
              </ul>
            </>
          )}
          <p className="small muted">Analys {h.runId} per {h.asOf}</p>
        </>
      )}
    </aside>
  );
}

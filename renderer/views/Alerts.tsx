import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { STATUSES_REQUIRING_REASON, type HitDetail, type HitRow, type HitStatus } from '../../src/api/contract';
import { api } from '../api';
import { AddToCaseButton, AddToCaseDialog, type CaseItems } from '../components/AddToCase';
import { Dialog, EntityLink, ErrorBox, Loading, Sev, SourceTag, StatusBadge } from '../components/bits';
import { countSv } from '../../src/model/labels-sv';
import { KIND_SV, STATUS_SV, fmtInt, fmtScore } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import { ALERT_KEY_LEGEND, alertKeyAction } from '../state/alert-keys';
import { filtersToRequest, useAlerts, type SortBy } from '../state/alerts';
import { useNav } from '../state/nav';
import { clickSelect, emptySelection, toggleAll, type SelectionState } from '../state/selection';
import { toastError, toastInfo } from '../state/toast';

const PAGE = 500;
const STATUSES: HitStatus[] = ['ny', 'under_utredning', 'avskriven', 'bekraftad'];
const NEEDS_REASON: ReadonlySet<HitStatus> = STATUSES_REQUIRING_REASON;

export function AlertsView({ hitKey }: { hitKey: string | null }) {
  const { filters, sort, setFilter, resetFilters, sortBy } = useAlerts();
  const go = useNav((s) => s.go);
  const [items, setItems] = useState<HitRow[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [sel, setSel] = useState<SelectionState>(emptySelection());
  const [pending, setPending] = useState<{ status: HitStatus; targets: string[] } | null>(null);
  const uid = useId();
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

  // The current row (roving tabindex): arrow keys move it, Enter opens it, Space selects it.
  const [cursorKey, setCursorKey] = useState<string | null>(null);
  const cursor = cursorKey !== null && keys.includes(cursorKey) ? keys.indexOf(cursorKey) : openKey && keys.includes(openKey) ? keys.indexOf(openKey) : 0;
  const focusPending = useRef(false);
  const [caseItems, setCaseItems] = useState<CaseItems | null>(null);
  const cursorRendered = vItems.some((v) => v.index === cursor);
  useEffect(() => {
    if (!focusPending.current) return;
    const el = body.current?.querySelector<HTMLElement>(`[data-row="${cursor}"]`);
    if (el) { el.focus(); focusPending.current = false; }
  }, [cursor, vItems]);
  const moveTo = (index: number, extend: boolean) => {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, index));
    if (extend) setSel((s) => clickSelect(s.anchor ? s : { ...s, anchor: keys[cursor] ?? null }, keys, keys[next]!, { shift: true, toggle: false }));
    setCursorKey(keys[next]!);
    focusPending.current = true;
    virt.scrollToIndex(next);
  };

  const open = (key: string) => go('alerts', key);

  const applyStatus = async (status: HitStatus, reason: string, targets: string[]) => {
    const before = new Map(items.filter((h) => targets.includes(h.hitKey)).map((h) => [h.hitKey, h.status] as const));
    const env = await api.hitsSetStatus({ hitKeys: targets, status, reason });
    if (!env.ok) { toastError(env.error.message); return false; }
    setReload((r) => r + 1);
    toastInfo(`${countSv(env.value.updated, 'larm', 'larm')} satt till ”${STATUS_SV[status]}”`, async () => {
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

  const current = keys[cursor] ?? null;
  const targets = sel.selected.size > 0 ? [...sel.selected] : openKey ? [openKey] : current ? [current] : [];

  const onStatus = (status: HitStatus, on: string[] = targets) => {
    if (on.length === 0) return;
    if (NEEDS_REASON.has(status)) setPending({ status, targets: on });
    else void applyStatus(status, '', on);
  };

  // Keys act on the marked rows, else on the current row.
  const keyTargets = () => (sel.selected.size > 0 ? [...sel.selected] : current ? [current] : []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const a = alertKeyAction(e);
    if (!a || items.length === 0) return;
    e.preventDefault();
    switch (a.type) {
      case 'move': return moveTo(cursor + a.by, a.extend);
      case 'edge': return moveTo(a.to === 'first' ? 0 : items.length - 1, a.extend);
      case 'open': if (current) open(current); return;
      case 'toggle': if (current) setSel((s) => clickSelect(s, keys, current, { shift: false, toggle: true })); return;
      case 'selectAll': setSel((s) => toggleAll(s, keys)); return;
      case 'status': return onStatus(a.status, keyTargets());
      case 'case': {
        const on = new Set(keyTargets());
        setCaseItems({ hitKeys: [...on], entities: [] });
        return;
      }
      case 'close': if (openKey) go('alerts', null); else setSel(emptySelection()); return;
    }
  };
  // When the current row is scrolled out of view the body takes the Tab stop and hands focus back to the row.
  const onBodyFocus = (e: React.FocusEvent) => {
    if (e.target !== e.currentTarget || items.length === 0) return;
    focusPending.current = true;
    virt.scrollToIndex(cursor);
  };

  const head = (by: SortBy, label: string, col: number) => (
    <div role="columnheader" aria-colindex={col} aria-sort={sort.by === by ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
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
        <div className="grid" role="grid" aria-label="Larm" aria-rowcount={total + 1} aria-colcount={8} aria-multiselectable="true" aria-describedby={`${uid}-keys`}>
          <div role="rowgroup">
            <div className="vt-head" role="row" aria-rowindex={1}>
              <div role="columnheader" aria-colindex={1}>
                <input type="checkbox" aria-label="Markera alla inlästa" checked={items.length > 0 && sel.selected.size === items.length} onChange={() => setSel((s) => toggleAll(s, keys))} />
              </div>
              {head('severity', 'Allv.', 2)}
              {head('signal', 'Signal', 3)}
              {head('subject', 'Subjekt', 4)}
              {head('score', 'Poäng', 5)}
              {head('municipality', 'Kommun', 6)}
              {head('status', 'Status', 7)}
              <div role="columnheader" aria-colindex={8} title="Antal bevis">Bevis</div>
            </div>
          </div>
          <div className="vt-body" role="rowgroup" ref={body} tabIndex={cursorRendered ? -1 : 0} onKeyDown={onKeyDown} onFocus={onBodyFocus} data-testid="alerts-body">
            <div role="presentation" style={{ height: virt.getTotalSize(), position: 'relative' }}>
              {vItems.map((v) => {
                const h = items[v.index]!;
                const isSel = sel.selected.has(h.hitKey);
                const isCur = v.index === cursor;
                return (
                  <div
                    key={h.hitKey}
                    role="row"
                    aria-rowindex={v.index + 2}
                    aria-selected={isSel}
                    aria-current={openKey === h.hitKey ? 'true' : undefined}
                    tabIndex={isCur ? 0 : -1}
                    className={`vt-row${isSel ? ' sel' : ''}${openKey === h.hitKey ? ' open' : ''}${isCur ? ' cur' : ''}`}
                    style={{ transform: `translateY(${v.start}px)` }}
                    data-hit-key={h.hitKey}
                    data-row={v.index}
                    onClick={(e) => {
                      setCursorKey(h.hitKey);
                      if (e.shiftKey || e.ctrlKey || e.metaKey) setSel((s) => clickSelect(s, keys, h.hitKey, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
                      else open(h.hitKey);
                    }}
                  >
                    <div role="gridcell" aria-colindex={1} onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" tabIndex={-1} aria-label={`Markera larm ${h.subjectLabel}`} checked={isSel} onChange={() => { setCursorKey(h.hitKey); setSel((s) => clickSelect(s, keys, h.hitKey, { shift: false, toggle: true })); }} />
                    </div>
                    <div role="gridcell" aria-colindex={2}><Sev n={h.severity} /></div>
                    <div role="gridcell" aria-colindex={3} title={h.signalTitle}>{h.signalTitle}</div>
                    <div role="gridcell" aria-colindex={4} title={`${h.subjectLabel} (${h.subjectId})`}>
                      <span className="badge">{KIND_SV[h.subjectKind]}</span> {h.subjectLabel}
                    </div>
                    <div role="gridcell" aria-colindex={5} className="num">{fmtScore(h.score)}</div>
                    <div role="gridcell" aria-colindex={6}>{h.municipality ?? '–'}</div>
                    <div role="gridcell" aria-colindex={7}><StatusBadge status={h.status} changed={h.changed} /></div>
                    <div role="gridcell" aria-colindex={8} className="num">{h.evidenceCount}</div>
                  </div>
                );
              })}
            </div>
            {!loading && items.length === 0 && <div className="empty-state">Inga larm matchar filtret.</div>}
          </div>
        </div>
        <div className="vt-foot">
          <span data-testid="hit-total">{countSv(total, 'larm', 'larm')}</span>
          {loading && <span className="muted">laddar …</span>}
          <span className="spacer" style={{ flex: 1 }} />
          <span>{sel.selected.size > 0 ? `${fmtInt(sel.selected.size)} markerade` : openKey ? '1 öppet' : 'Inget markerat'}</span>
          <label className="row small">Sätt status:
            <select aria-label="Sätt status" value="" disabled={targets.length === 0} onChange={(e) => { if (e.target.value) onStatus(e.target.value as HitStatus); }}>
              <option value="">välj …</option>
              {STATUSES.map((s) => <option key={s} value={s}>{STATUS_SV[s]}</option>)}
            </select>
          </label>
          <button type="button" className="btn sm" disabled={targets.length === 0} onClick={() => setCaseItems({ hitKeys: targets, entities: [] })}>
            Lägg i ärende …
          </button>
          {sel.selected.size > 0 && <button type="button" className="btn sm" onClick={() => setSel(emptySelection())}>Avmarkera</button>}
        </div>
        <p className="keys small muted" id={`${uid}-keys`} data-testid="alert-keys">
          Tangenter i listan: {ALERT_KEY_LEGEND.map(([k, what], i) => <span key={k}>{i > 0 && ' · '}<kbd>{k}</kbd> {what}</span>)}
        </p>
        <ErrorBox error={error} />
      </section>
      {openKey && <HitPanel hitKey={openKey} reloadTick={reload} onClose={() => go('alerts', null)} onStatus={(s) => onStatus(s, [openKey])} />}
      {pending && (
        <ReasonDialog
          status={pending.status}
          count={pending.targets.length}
          onCancel={() => setPending(null)}
          onSubmit={async (reason) => { if (await applyStatus(pending.status, reason, pending.targets)) setPending(null); }}
        />
      )}
      {caseItems && <AddToCaseDialog items={caseItems} onClose={() => setCaseItems(null)} />}
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
            <AddToCaseButton items={{ hitKeys: [h.hitKey], entities: [] }} />
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

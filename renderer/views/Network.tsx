import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type Sigma from 'sigma';
import type { CaseSummary, GraphPayload, NetworkView as SavedNetworkView } from '../../src/api/contract';
import { api } from '../api';
import { Dialog, ErrorBox } from '../components/bits';
import { ExportPanel } from '../components/ExportPanel';
import { AddSelectionToCase } from '../components/AddSelectionToCase';
import { KIND_SV, fmtScore } from '../lib/format';
import { foldText, fuzzyScore } from '../lib/text';
import { createLayout, type LayoutController } from '../graph/layout';
import { EDGE_COLORS, KIND_COLORS, createGraph, dateBounds, entityIdOf, mergePayload, riskIndex, type InsynGraph, type NodeRisk } from '../graph/model';
import type { EdgeAttrs, NodeAttrs } from '../graph/reducers';
import { SigmaView, exportPng } from '../graph/SigmaView';
import { todayIso } from '../../src/model/dates';
import { dateToDay, dayToDate } from '../graph/time';
import { useNav } from '../state/nav';
import { useNetwork } from '../state/network';
import { toastError, toastInfo } from '../state/toast';

// The graph outlives the view so returning to Nätverk keeps expansions and layout.
let session: { key: string; graph: InsynGraph } | null = null;

const EDGE_SV: Record<string, string> = {
  role: 'Roll', employment: 'Anställning', licence: 'Tillstånd', placement: 'Placering', relation: 'Relation',
  residence: 'Folkbokföring', address: 'Adress', payment: 'Utbetalning', shared_address: 'Samma adress',
};

export function NetworkView({ focus }: { focus: string | null }) {
  const go = useNav((s) => s.go);
  const { ui, set, toggleKind, select, clearSelection, reset, takePending } = useNetwork();
  const [graph, setGraph] = useState<InsynGraph>(() => session?.graph ?? createGraph());
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [query, setQuery] = useState('');
  const [saveOpen, setSaveOpen] = useState(false);
  const sigmaRef = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null);
  const layoutRef = useRef<LayoutController | null>(null);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  // Graph payloads carry no scores; colour and size come from the hits of the latest run.
  const riskRef = useRef<Promise<Map<string, NodeRisk>> | null>(null);
  const getRisk = useCallback(() => {
    riskRef.current ??= api.hitsList({ limit: 1000, sort: { by: 'score', dir: 'desc' } }).then((env) => (env.ok ? riskIndex(env.value.items) : new Map()));
    return riskRef.current;
  }, []);

  useEffect(() => {
    const layout = createLayout(graph, setRunning);
    layoutRef.current = layout;
    return () => layout.dispose();
  }, [graph]);

  const runLayoutFor = useCallback((ms: number) => {
    const l = layoutRef.current;
    if (!l) return;
    l.start();
    setTimeout(() => l.stop(), ms);
  }, []);

  // Open a saved case view, or the ego network of the focus entity.
  useEffect(() => {
    const pending = takePending();
    if (pending) {
      void restoreView(pending, focus);
      return;
    }
    if (!focus || session?.key === focus) return;
    const g = createGraph();
    session = { key: focus, graph: g };
    setGraph(g);
    reset();
    setBusy('Hämtar nätverk …');
    void Promise.all([api.graphEgo({ id: focus, hops: 2, limit: 1500 }), getRisk()]).then(([env, risk]) => {
      setBusy(null);
      if (!env.ok) { setError(env.error.message); return; }
      setError(null);
      mergePayload(g, env.value, undefined, risk);
      if (g.hasNode(focus)) useNetwork.getState().set({ selected: new Set([focus]) });
      bump();
      if (env.value.truncated) toastInfo('Nätverket är stort och visas begränsat. Dubbelklicka för att expandera.');
      setTimeout(() => runLayoutFor(1500), 50);
    });
  }, [focus]);

  const restoreView = async (v: SavedNetworkView, key: string | null) => {
    const g = createGraph();
    // Keyed by the route so a repeated effect run for the same route keeps the restored graph.
    session = { key: key ?? `saved:${Date.now()}`, graph: g };
    setGraph(g);
    reset();
    setBusy('Öppnar sparad vy …');
    const keep = new Set(v.nodeIds);
    const payloads: GraphPayload[] = [];
    for (const id of v.nodeIds.slice(0, 200)) {
      const env = await api.graphExpand({ id });
      if (env.ok) payloads.push(env.value);
    }
    const risk = await getRisk();
    for (const p of payloads) {
      mergePayload(g, { nodes: p.nodes.filter((n) => keep.has(n.id)), edges: p.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) }, undefined, risk);
    }
    for (const [id, pos] of Object.entries(v.positions)) if (g.hasNode(id)) g.mergeNodeAttributes(id, pos);
    const f = v.filters as { hiddenNodeKinds?: string[]; hiddenEdgeKinds?: string[]; signal?: string | null };
    set({ asOf: v.asOf, hiddenNodeKinds: new Set(f.hiddenNodeKinds ?? []), hiddenEdgeKinds: new Set(f.hiddenEdgeKinds ?? []), signal: f.signal ?? null });
    setBusy(null);
    bump();
    if (v.camera) setTimeout(() => sigmaRef.current?.getCamera().setState(v.camera!), 50);
  };

  const expand = useCallback(async (id: string) => {
    setBusy('Expanderar …');
    const env = await api.graphExpand({ id, ...(ui.asOf ? { asOf: ui.asOf } : {}) });
    setBusy(null);
    if (!env.ok) { toastError(env.error.message); return; }
    const { addedNodes } = mergePayload(graph, env.value, id, await getRisk());
    bump();
    toastInfo(addedNodes > 0 ? `${addedNodes} nya noder` : 'Inga nya grannar');
    if (addedNodes > 0) runLayoutFor(800);
  }, [graph, ui.asOf, bump, runLayoutFor, getRisk]);

  const findPath = async () => {
    const [a, b] = [...ui.selected];
    if (!a || !b) return;
    setBusy('Söker kortaste väg …');
    const env = await api.graphPath({ from: a, to: b, ...(ui.asOf ? { asOf: ui.asOf } : {}) });
    setBusy(null);
    if (!env.ok) { toastError(env.error.message); return; }
    if (!env.value.found) { toastInfo('Ingen väg hittades mellan de valda noderna.'); return; }
    if (env.value.graph) mergePayload(graph, env.value.graph, a, await getRisk());
    const nodes = env.value.path;
    const edges = new Set<string>();
    for (let i = 0; i + 1 < nodes.length; i++) {
      const e = graph.edges(nodes[i]!, nodes[i + 1]!)[0] ?? graph.edges(nodes[i + 1]!, nodes[i]!)[0];
      if (e) edges.add(e);
    }
    set({ pathNodes: new Set(nodes), pathEdges: edges });
    bump();
    toastInfo(`Kortaste väg: ${nodes.length - 1} steg`);
  };

  const onHover = useCallback((id: string | null) => {
    set({ hovered: id, focus: id && graph.hasNode(id) ? new Set([id, ...graph.neighbors(id)]) : null });
  }, [graph, set]);

  const jumpTo = (id: string) => {
    const s = sigmaRef.current;
    if (!s || !graph.hasNode(id)) return;
    const d = s.getNodeDisplayData(id);
    select(id, false);
    if (d) void s.getCamera().animate({ x: d.x, y: d.y, ratio: 0.25 }, { duration: 400 });
  };

  const matches = useMemo(() => {
    const q = foldText(query);
    if (q.length < 2) return [];
    const out: { id: string; label: string; s: number }[] = [];
    graph.forEachNode((id, a) => {
      const s = Math.max(fuzzyScore(foldText(a.label), q), id.includes(query.replace(/[^0-9a-z:]/gi, '')) && query.length >= 4 ? 90 : 0);
      if (s > 0) out.push({ id, label: a.label, s });
    });
    return out.sort((x, y) => y.s - x.s).slice(0, 8);
  }, [query, graph, version]);

  const kinds = useMemo(() => {
    const nk = new Set<string>(); const ek = new Set<string>(); const sig = new Set<string>();
    graph.forEachNode((_n, a) => { nk.add(a.kind); a.signals.forEach((s) => sig.add(s)); });
    graph.forEachEdge((_e, a) => ek.add(a.kind));
    return { nk: [...nk].sort(), ek: [...ek].sort(), sig: [...sig].sort() };
  }, [graph, version]);

  const bounds = useMemo(() => dateBounds(graph), [graph, version]);
  const today = todayIso();
  const minDay = bounds ? dateToDay(bounds.min) : dateToDay(today) - 3650;
  const maxDay = dateToDay(bounds && bounds.max > today ? bounds.max : today);
  const sliderDay = ui.asOf ? dateToDay(ui.asOf) : maxDay;

  const savePng = async () => {
    const s = sigmaRef.current;
    if (!s) return;
    const blob = await exportPng(s);
    if (!blob) { toastError('Kunde inte skapa bilden.'); return; }
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `insyn-natverk-${today}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  };

  const currentView = (): SavedNetworkView => {
    const positions: Record<string, { x: number; y: number }> = {};
    graph.forEachNode((id, a) => { positions[id] = { x: a.x, y: a.y }; });
    const cam = sigmaRef.current?.getCamera().getState();
    return {
      nodeIds: graph.nodes(),
      positions,
      filters: { hiddenNodeKinds: [...ui.hiddenNodeKinds], hiddenEdgeKinds: [...ui.hiddenEdgeKinds], signal: ui.signal },
      asOf: ui.asOf,
      camera: cam ? { x: cam.x, y: cam.y, ratio: cam.ratio, angle: cam.angle } : null,
    };
  };

  const sel = [...ui.selected];
  const info = sel.length > 0 && graph.hasNode(sel[sel.length - 1]!) ? { id: sel[sel.length - 1]!, a: graph.getNodeAttributes(sel[sel.length - 1]!) } : null;

  return (
    <div className="net">
      <aside aria-label="Nätverksinställningar">
        <h3>Sök i grafen</h3>
        <input type="search" aria-label="Sök nod i grafen" placeholder="Namn eller id" value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: '100%' }}
          onKeyDown={(e) => { if (e.key === 'Enter' && matches[0]) jumpTo(matches[0].id); }} />
        {matches.length > 0 && (
          <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0' }}>
            {matches.map((m) => <li key={m.id}><button type="button" className="linkbtn" onClick={() => jumpTo(m.id)}>{m.label}</button></li>)}
          </ul>
        )}
        <h3>Nodtyper</h3>
        {kinds.nk.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={!ui.hiddenNodeKinds.has(k)} onChange={() => toggleKind('hiddenNodeKinds', k)} />
            <span className="legend-dot" style={{ background: KIND_COLORS[k] ?? '#495057' }} /> {KIND_SV[k] ?? k}
          </label>
        ))}
        <h3>Kanttyper</h3>
        {kinds.ek.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={!ui.hiddenEdgeKinds.has(k)} onChange={() => toggleKind('hiddenEdgeKinds', k)} />
            <span className="legend-line" style={{ background: EDGE_COLORS[k] ?? '#adb5bd' }} /> {EDGE_SV[k] ?? k}
          </label>
        ))}
        <h3>Signal</h3>
        <select aria-label="Framhäv signal" value={ui.signal ?? ''} onChange={(e) => set({ signal: e.target.value || null })} style={{ width: '100%' }}>
          <option value="">Alla</option>
          {kinds.sig.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <h3>Teckenförklaring</h3>
        <div className="small">
          <div><span className="legend-dot" style={{ background: '#c92a2a' }} /> Poäng ≥ 0,50 (röd)</div>
          <div>Nodstorlek = poäng (0–1)</div>
          <div><span className="legend-line" style={{ background: '#d9480f' }} /> Kortaste väg</div>
          <div className="muted">Dubbelklick expanderar · Skift-klick markerar flera · Hovra för grannar</div>
        </div>
        {focus && !focus.startsWith('vy-') && <ExportPanel key={focus} scope={{ subject: entityIdOf(focus) }} title="Exportera nätverket" />}
      </aside>
      <div className="stage">
        <div className="toolbar" role="toolbar" aria-label="Nätverksverktyg">
          {running
            ? <button type="button" className="btn sm" onClick={() => layoutRef.current?.stop()}>Stoppa layout</button>
            : <button type="button" className="btn sm" onClick={() => layoutRef.current?.start()} disabled={graph.order === 0}>Kör layout (ForceAtlas2)</button>}
          <button type="button" className="btn sm" disabled={!info} onClick={() => info && void expand(info.id)}>Expandera vald</button>
          <button type="button" className="btn sm" disabled={ui.selected.size !== 2} onClick={() => void findPath()} title="Markera två noder med skift-klick">Kortaste väg</button>
          <button type="button" className="btn sm" disabled={ui.selected.size === 0 && ui.pathNodes.size === 0} onClick={clearSelection}>Rensa markering</button>
          <button type="button" className="btn sm" disabled={graph.order === 0} onClick={() => void savePng()}>Exportera PNG</button>
          <button type="button" className="btn sm" disabled={graph.order === 0} onClick={() => setSaveOpen(true)}>Spara vy i ärende …</button>
          <AddSelectionToCase selected={ui.selected} />
          <span className="small muted" style={{ marginLeft: 'auto' }}>{busy ?? `${graph.order} noder · ${graph.size} kanter`}</span>
        </div>
        <ErrorBox error={error} />
        <div className="canvas">
          <SigmaView
            graph={graph}
            ui={ui}
            version={version}
            onReady={(s) => { sigmaRef.current = s; }}
            onClickNode={(id, shift) => select(id, shift)}
            onDoubleClickNode={(id) => void expand(id)}
            onHover={onHover}
            onClickStage={() => set({ selected: new Set() })}
          />
          {graph.order === 0 && !busy && (
            <div className="empty">Öppna ett nätverk från ett larm eller en entitet, eller sök en entitet (Ctrl+K).</div>
          )}
          {info && (
            <div className="info" data-testid="node-info">
              <div><span className="badge">{KIND_SV[info.a.kind] ?? info.a.kind}</span> <strong>{info.a.label}</strong></div>
              <div className="mono muted">{info.id}</div>
              <div>Poäng: {fmtScore(info.a.score)}</div>
              {info.a.signals.length > 0 && <div className="small">Signaler: {info.a.signals.join(', ')}</div>}
              <div className="row" style={{ marginTop: 6 }}>
                <button type="button" className="btn sm" onClick={() => go('entity', entityIdOf(info.id))}>Profil</button>
                <button type="button" className="btn sm" onClick={() => void expand(info.id)}>Expandera</button>
              </div>
              {ui.selected.size === 2 && <div className="small muted">Två noder valda: ”Kortaste väg” är möjlig.</div>}
            </div>
          )}
        </div>
        <div className="slider">
          <label htmlFor="asof" className="nowrap">Per datum:</label>
          <input id="asof" type="range" min={minDay} max={maxDay} step={1} value={sliderDay}
            aria-valuetext={ui.asOf ?? 'alla perioder'}
            onChange={(e) => set({ asOf: dayToDate(Number(e.target.value)) })} />
          <strong className="nowrap mono" data-testid="asof-label" style={{ minWidth: 92 }}>{ui.asOf ?? 'alla perioder'}</strong>
          <input type="date" aria-label="Välj datum" value={ui.asOf ?? ''} onChange={(e) => set({ asOf: e.target.value || null })} />
          <button type="button" className="btn sm" onClick={() => set({ asOf: null })} disabled={!ui.asOf}>Alla perioder</button>
        </div>
      </div>
      {saveOpen && <SaveViewDialog onClose={() => setSaveOpen(false)} view={currentView} />}
    </div>
  );
}

function SaveViewDialog({ onClose, view }: { onClose: () => void; view: () => SavedNetworkView }) {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [caseId, setCaseId] = useState<string>('new');
  const [newName, setNewName] = useState('');
  const [name, setName] = useState(`Vy ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => { void api.casesList({}).then((e) => { if (e.ok) setCases(e.value.items); }); }, []);
  const save = async () => {
    let id = Number(caseId);
    if (caseId === 'new') {
      const v = view();
      const c = await api.caseSave({ name: newName, entityIds: v.nodeIds.slice(0, 500).map(entityIdOf) });
      if (!c.ok) { setErr(c.error.message); return; }
      id = c.value.id;
    }
    const r = await api.caseSaveView({ caseId: id, name, view: view() });
    if (!r.ok) { setErr(r.error.message); return; }
    toastInfo('Vyn sparades i ärendet.');
    onClose();
  };
  return (
    <Dialog title="Spara nätverksvy" onClose={onClose}>
      <div className="stack">
        <label className="field">Ärende
          <select value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            <option value="new">Nytt ärende …</option>
            {cases.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        {caseId === 'new' && <label className="field">Namn på nytt ärende<input type="text" value={newName} onChange={(e) => setNewName(e.target.value)} /></label>}
        <label className="field">Vyns namn<input type="text" value={name} onChange={(e) => setName(e.target.value)} /></label>
        {err && <p className="error-text" role="alert">{err}</p>}
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onClose}>Avbryt</button>
          <button type="button" className="btn primary" onClick={() => void save()}>Spara</button>
        </div>
      </div>
    </Dialog>
  );
}

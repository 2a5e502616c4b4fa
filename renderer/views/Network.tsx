import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type Sigma from 'sigma';
import type { CaseSummary, NetworkView as SavedNetworkView } from '../../src/api/contract';
import { api } from '../api';
import { Dialog, ErrorBox } from '../components/bits';
import { ExportPanel } from '../components/ExportPanel';
import { AddSelectionToCase } from '../components/AddSelectionToCase';
import { KIND_SV } from '../lib/format';
import { foldText, fuzzyScore } from '../lib/text';
import { createLayout, type LayoutController, type LayoutRun } from '../graph/layout';
import { EDGE_COLORS, KIND_COLORS, absentOn, countVisible, createGraph, dateBounds, entityIdOf, mergePayload, type InsynGraph } from '../graph/model';
import { NodeInfo } from '../graph/NodeInfo';
import { displayState, type EdgeAttrs, type NodeAttrs } from '../graph/reducers';
import { SigmaView, exportPng, freezeFraming } from '../graph/SigmaView';
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
  foster_parent: 'Familjehemsförälder', consultant: 'Konsulentstöd',
};

/** Saved views larger than one graphNodes request are reopened up to this many nodes. */
const MAX_RESTORE = 5000;

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "14 noder · 15 kanter", or with a date or filter "9 av 14 noder · 8 av 15 kanter". */
function countsText(shown: { nodes: number; edges: number }, total: { nodes: number; edges: number }): string {
  const part = (s: number, t: number, one: string, many: string) => (s === t ? count(t, one, many) : `${s} av ${count(t, one, many)}`);
  return `${part(shown.nodes, total.nodes, 'nod', 'noder')} · ${part(shown.edges, total.edges, 'kant', 'kanter')}`;
}

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

  useEffect(() => {
    const layout = createLayout(graph, (isRunning) => {
      setRunning(isRunning);
      // Once a full layout settles, the framing is frozen: later expansions never rescale the picture.
      const s = sigmaRef.current;
      if (!isRunning && s && !s.getCustomBBox()) freezeFraming(s, graph);
    });
    layoutRef.current = layout;
    return () => layout.dispose();
  }, [graph]);

  const runLayoutFor = useCallback((ms: number, run?: LayoutRun) => {
    const l = layoutRef.current;
    if (!l) return;
    l.start(run);
    setTimeout(() => l.stop(), ms);
  }, []);

  /** A full layout may move everything (but pinned nodes): the framing follows it again. */
  const runFullLayout = () => {
    if (sigmaRef.current) freezeFraming(sigmaRef.current, null);
    layoutRef.current?.start();
  };

  const fitView = () => {
    const s = sigmaRef.current;
    if (!s) return;
    // Fit the nodes where they are now, then keep that framing for later expansions.
    if (!layoutRef.current?.running()) freezeFraming(s, graph);
    void s.getCamera().animatedReset({ duration: 300 });
  };

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
    void api.graphEgo({ id: focus, hops: 2, limit: 1500 }).then((env) => {
      setBusy(null);
      if (!env.ok) { setError(env.error.message); return; }
      setError(null);
      mergePayload(g, env.value, { centre: env.value.nodes.find((n) => n.attributes['hops'] === 0)?.id ?? focus });
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
    // One request for the whole view: its nodes and the links among them.
    const ids = v.nodeIds.slice(0, MAX_RESTORE);
    const env = ids.length > 0 ? await api.graphNodes({ ids }) : null;
    setBusy(null);
    if (env && !env.ok) { setError(env.error.message); return; }
    setError(null);
    if (env) mergePayload(g, env.value);
    const f = v.filters as { hiddenNodeKinds?: string[]; hiddenEdgeKinds?: string[]; signal?: string | null; pinned?: string[] };
    const pinned = new Set(f.pinned ?? []);
    for (const [id, pos] of Object.entries(v.positions)) if (g.hasNode(id)) g.mergeNodeAttributes(id, { ...pos, pinned: pinned.has(id) });
    set({ asOf: v.asOf, hiddenNodeKinds: new Set(f.hiddenNodeKinds ?? []), hiddenEdgeKinds: new Set(f.hiddenEdgeKinds ?? []), signal: f.signal ?? null });
    bump();
    if (v.nodeIds.length > MAX_RESTORE) toastInfo(`Vyn har ${v.nodeIds.length} noder; de första ${MAX_RESTORE} visas.`);
    setTimeout(() => {
      const s = sigmaRef.current;
      if (!s) return;
      // The camera is relative to the framing the view was saved with.
      if (v.frame) {
        s.setCustomBBox(v.frame);
        s.scheduleRefresh();
      } else {
        freezeFraming(s, g);
      }
      if (v.camera) s.getCamera().setState(v.camera);
    }, 50);
  };

  // Expanding lays out only the new nodes: everything already on the canvas stays where it is.
  const expand = useCallback(async (id: string) => {
    setBusy('Expanderar …');
    const env = await api.graphExpand({ id, among: graph.nodes(), ...(ui.asOf ? { asOf: ui.asOf } : {}) });
    setBusy(null);
    if (!env.ok) { toastError(env.error.message); return; }
    const s = sigmaRef.current;
    if (s && !s.getCustomBBox()) freezeFraming(s, graph);
    const { addedNodes, added } = mergePayload(graph, env.value, { anchor: id });
    bump();
    toastInfo(addedNodes > 0 ? count(addedNodes, 'ny nod', 'nya noder') : 'Inga nya grannar');
    if (addedNodes > 0) runLayoutFor(800, { movable: new Set(added) });
  }, [graph, ui.asOf, bump, runLayoutFor]);

  const togglePin = useCallback((id: string, pinned?: boolean) => {
    if (!graph.hasNode(id)) return;
    graph.setNodeAttribute(id, 'pinned', pinned ?? !graph.getNodeAttribute(id, 'pinned'));
    bump();
  }, [graph, bump]);

  const findPath = async () => {
    const [a, b] = [...ui.selected];
    if (!a || !b) return;
    setBusy('Söker kortaste väg …');
    const env = await api.graphPath({ from: a, to: b, ...(ui.asOf ? { asOf: ui.asOf } : {}) });
    setBusy(null);
    if (!env.ok) { toastError(env.error.message); return; }
    if (!env.value.found) { toastInfo('Ingen väg hittades mellan de valda noderna.'); return; }
    if (env.value.graph) {
      const { added } = mergePayload(graph, env.value.graph, { anchor: a });
      if (added.length > 0) runLayoutFor(600, { movable: new Set(added) });
    }
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

  // What the date and filters leave on the canvas (derived; the reducers read it, nothing stores it).
  const absent = useMemo(() => absentOn(graph, ui.asOf), [graph, version, ui.asOf]);
  const display = useMemo(() => displayState(ui, absent), [ui, absent]);
  const shown = useMemo(() => countVisible(graph, display), [graph, version, display]);

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
      filters: { hiddenNodeKinds: [...ui.hiddenNodeKinds], hiddenEdgeKinds: [...ui.hiddenEdgeKinds], signal: ui.signal, pinned: graph.filterNodes((_id, a) => a.pinned) },
      asOf: ui.asOf,
      camera: cam ? { x: cam.x, y: cam.y, ratio: cam.ratio, angle: cam.angle } : null,
      frame: sigmaRef.current?.getCustomBBox() ?? null,
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
          <div><span className="legend-dot" style={{ background: '#c92a2a' }} /> Poäng ≥ 0,50 (röd){ui.asOf ? ` per ${ui.asOf}` : ''}</div>
          <div>Nodstorlek = poäng (0–1)</div>
          <div><span className="legend-line" style={{ background: '#d9480f' }} /> Kortaste väg</div>
          <div><span className="legend-ring" /> Fäst nod (flyttas inte av layouten)</div>
          <div className="muted">Klick väljer · Skift-klick markerar flera · Dubbelklick expanderar · Dra en nod för att fästa den · Hovra för grannar och kopplingar</div>
        </div>
        {focus && !focus.startsWith('vy-') && <ExportPanel key={focus} scope={{ subject: entityIdOf(focus) }} title="Exportera nätverket" />}
      </aside>
      <div className="stage">
        <div className="toolbar" role="toolbar" aria-label="Nätverksverktyg">
          {running
            ? <button type="button" className="btn sm" onClick={() => layoutRef.current?.stop()}>Stoppa layout</button>
            : <button type="button" className="btn sm" onClick={runFullLayout} disabled={graph.order === 0} title="Fästa noder flyttas inte">Kör layout (ForceAtlas2)</button>}
          <button type="button" className="btn sm" onClick={fitView} disabled={graph.order === 0}>Anpassa vy</button>
          <button type="button" className="btn sm" disabled={!info} onClick={() => info && void expand(info.id)}>Expandera vald</button>
          <button type="button" className="btn sm" disabled={ui.selected.size !== 2} onClick={() => void findPath()} title="Markera två noder med skift-klick">Kortaste väg</button>
          <button type="button" className="btn sm" disabled={ui.selected.size === 0 && ui.pathNodes.size === 0} onClick={clearSelection}>Rensa markering</button>
          <button type="button" className="btn sm" disabled={graph.order === 0} onClick={() => void savePng()}>Exportera PNG</button>
          <button type="button" className="btn sm" disabled={graph.order === 0} onClick={() => setSaveOpen(true)}>Spara vy i ärende …</button>
          <AddSelectionToCase selected={ui.selected} />
          <span className="small muted" style={{ marginLeft: 'auto' }} data-testid="net-counts">{busy ?? countsText(shown, { nodes: graph.order, edges: graph.size })}</span>
        </div>
        <ErrorBox error={error} />
        <div className="canvas">
          <SigmaView
            graph={graph}
            display={display}
            shown={shown}
            version={version}
            onReady={(s) => { sigmaRef.current = s; }}
            onSelect={(id) => select(id, false)}
            onToggle={(id) => select(id, true)}
            onClear={() => set({ selected: new Set() })}
            onExpand={(id) => void expand(id)}
            onHover={onHover}
            onDragEnd={(id) => togglePin(id, true)}
          />
          {graph.order === 0 && !busy && (
            <div className="empty">Öppna ett nätverk från ett larm eller en entitet, eller sök en entitet (Ctrl+K).</div>
          )}
          {info && (
            <NodeInfo
              graph={graph}
              id={info.id}
              asOf={ui.asOf}
              absent={absent.has(info.id)}
              twoSelected={ui.selected.size === 2}
              onProfile={() => go('entity', entityIdOf(info.id))}
              onExpand={() => void expand(info.id)}
              onTogglePin={() => togglePin(info.id)}
            />
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

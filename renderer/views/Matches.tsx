import { useEffect, useRef, useState } from 'react';
import type { MatchItem, MatchSide } from '../../src/api/contract';
import { api } from '../api';
import { EntityLink, ErrorBox, Loading } from '../components/bits';
import { DecisionForm, DecisionLine, MatchParts, MatchStatusBadge, useMatchActions } from '../components/MatchDecision';
import { KIND_SV, fmtDate, fmtInt, fmtScore } from '../lib/format';
import { useLoad } from '../lib/useLoad';

type Filter = 'queue' | 'confirmed' | 'rejected' | 'all';
const FILTERS: { id: Filter; label: string }[] = [
  { id: 'queue', label: 'Att granska' },
  { id: 'confirmed', label: 'Bekräftade' },
  { id: 'rejected', label: 'Avvisade' },
  { id: 'all', label: 'Alla' },
];

const pairId = (i: MatchItem) => `${i.a.id}\u0000${i.b.id}`;

/**
 * The review queue of entity resolution (issue 15): pairs of records that are possibly the same
 * person or company, the score explained part by part, and the decision with a note.
 * Keys: ↑/↓ choose a pair; B bekräfta, A avvisa, O osäker (outside the note field); N the note.
 */
export function MatchesView() {
  const [filter, setFilter] = useState<Filter>('queue');
  const list = useLoad(() => api.matchesList({ status: filter, limit: 1000 }), [filter]);
  const [selected, setSelected] = useState<string | null>(null);
  const actions = useMatchActions(list.reload);
  const items = list.data?.items ?? [];
  const current = items.find((i) => pairId(i) === selected) ?? items[0] ?? null;
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey || (t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && items.length > 0) {
        e.preventDefault();
        const idx = current ? items.indexOf(current) : -1;
        const next = items[Math.max(0, Math.min(items.length - 1, idx + (e.key === 'ArrowDown' ? 1 : -1)))]!;
        setSelected(pairId(next));
        return;
      }
      const button = { b: 'Bekräfta', a: 'Avvisa', o: 'Osäker' }[e.key.toLowerCase()];
      if (button) {
        const el = [...(panel.current?.querySelectorAll('button') ?? [])].find((x) => x.textContent === button);
        if (el && !el.disabled) { e.preventDefault(); el.click(); }
      } else if (e.key.toLowerCase() === 'n') {
        const ta = panel.current?.querySelector('textarea');
        if (ta) { e.preventDefault(); ta.focus(); }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, current]);

  const stats = list.data?.stats;
  return (
    <>
      <div className="between">
        <h1>Matchningar</h1>
        <div className="tabs" role="tablist" aria-label="Urval">
          {FILTERS.map((f) => (
            <button key={f.id} type="button" role="tab" aria-selected={filter === f.id} onClick={() => { setFilter(f.id); setSelected(null); }}>{f.label}</button>
          ))}
        </div>
      </div>
      <p className="muted small">
        Poster utan svenskt person- eller organisationsnummer (ext:-id: utländska företrädare, personer ur FollowTheMoney-filer)
        som kanske är samma person eller bolag som en annan post. En bekräftad matchning slår ihop posterna i nätverket direkt och i larm,
        poäng och kluster vid nästa analys. Två svenska id slås aldrig ihop. Tangenter: ↑/↓ välj par, N anteckning, B bekräfta, A avvisa, O osäker.
      </p>
      <ErrorBox error={list.error} />
      {!list.data && !list.error && <Loading what="kandidatpar" />}
      {list.data && (
        <div className="grid2 matches">
          <section className="card" aria-labelledby="h-pairs">
            <h2 id="h-pairs">{FILTERS.find((f) => f.id === filter)!.label} ({fmtInt(list.data.total)})</h2>
            {stats && <p className="small muted">{fmtInt(stats.records)} poster utan svenskt id jämförda mot registret ({fmtInt(stats.compared)} jämförelser, {(stats.ms / 1000).toFixed(1).replace('.', ',')} s).</p>}
            {items.length === 0 ? <p className="muted">{filter === 'queue' ? 'Inga par att granska.' : 'Inga par.'}</p> : (
              <div className="scroll-y max-h-600">
                <table className="t" aria-label="Kandidatpar">
                  <thead><tr><th className="num">Poäng</th><th>Post</th><th>Möjligen samma som</th><th>Status</th></tr></thead>
                  <tbody>
                    {items.map((i) => (
                      <tr key={pairId(i)} className={`clickable${current === i ? ' selected' : ''}`} aria-selected={current === i} onClick={() => setSelected(pairId(i))}>
                        <td className="num">{fmtScore(i.score)}</td>
                        <td>{i.a.label}<div className="small muted mono">{i.a.id}</div></td>
                        <td>{i.b.label}<div className="small muted mono">{i.b.id}</div></td>
                        <td><MatchStatusBadge item={i} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="h-pair" ref={panel}>
            <h2 id="h-pair">Jämförelse</h2>
            {current ? <PairDetail key={pairId(current)} item={current} actions={actions} /> : <p className="muted">Välj ett par i listan.</p>}
          </section>
        </div>
      )}
    </>
  );
}

function PairDetail({ item, actions }: { item: MatchItem; actions: ReturnType<typeof useMatchActions> }) {
  const rows: [string, (s: MatchSide) => React.ReactNode][] = [
    ['Namn', (s) => s.label],
    ['Id', (s) => <EntityLink id={s.id} label={s.id} />],
    ['Svenskt id', (s) => (s.swedishId ? 'Ja' : 'Nej (ext:)')],
    ['Födelsedatum', (s) => fmtDate(s.birthDate)],
    ['Land', (s) => s.country ?? '–'],
    ['Adress', (s) => (s.addressKey ? s.addressKey.replace('|', ', ') : '–')],
    ['Källa', (s) => (s.source ? <span className="src">{s.source}</span> : '–')],
  ];
  return (
    <>
      <p><span className="badge">{KIND_SV[item.kind]}</span> Poäng <strong data-testid="match-score">{fmtScore(item.score)}</strong>: <MatchParts item={item} /></p>
      <table className="t match-compare">
        <thead><tr><th /><th>Post A</th><th>Post B</th></tr></thead>
        <tbody>
          {rows.map(([label, f]) => <tr key={label}><th scope="row">{label}</th><td>{f(item.a)}</td><td>{f(item.b)}</td></tr>)}
        </tbody>
      </table>
      <DecisionLine item={item} />
      <DecisionForm item={item} actions={actions} />
    </>
  );
}

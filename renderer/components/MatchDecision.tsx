import { useState } from 'react';
import type { MatchDecision, MatchItem } from '../../src/api/contract';
import { api } from '../api';
import { fmtDate } from '../lib/format';
import { toastError, toastInfo } from '../state/toast';

/** Shared by the matches queue and the entity profile's match section (issue 15). */

export const MATCH_STATUS_SV: Record<string, string> = { proposed: 'Föreslagen', unsure: 'Osäker', confirmed: 'Bekräftad', rejected: 'Avvisad' };
const DECISION_VERB_SV: Record<MatchDecision, string> = { confirmed: 'bekräftad', rejected: 'avvisad', unsure: 'markerad som osäker' };

export function MatchStatusBadge({ item }: { item: MatchItem }) {
  const cls = item.status === 'confirmed' ? 'badge ok' : item.status === 'rejected' ? 'badge no' : item.status === 'unsure' ? 'badge st-under_utredning' : 'badge st-ny';
  return <span className={cls}>{MATCH_STATUS_SV[item.status] ?? item.status}</span>;
}

/** The score's parts as chips: what speaks for the match, and (red) what speaks against it. */
export function MatchParts({ item }: { item: MatchItem }) {
  return (
    <span className="match-parts">
      {item.parts.map((p, i) => (
        <span key={i} className={p.weight < 0 ? 'part neg' : p.weight === 0 ? 'part zero' : 'part'} title={`${p.weight >= 0 ? '+' : ''}${p.weight.toFixed(2).replace('.', ',')} i poäng`}>{p.text}</span>
      ))}
    </span>
  );
}

/** Who decided what, when, and why. */
export function DecisionLine({ item }: { item: MatchItem }) {
  const d = item.decision;
  if (d) return <p className="small"><MatchStatusBadge item={item} /> av {d.actor} {fmtDate(d.at)}{d.note ? <> – <q>{d.note}</q></> : null}</p>;
  if (item.previous) return <p className="small notice">Avvisades {fmtDate(item.previous.at)} av {item.previous.actor} ({item.previous.note}); föreslås igen eftersom uppgifterna har ändrats sedan dess.</p>;
  return null;
}

/** Decide (with undo in the toast) and undo a decision; `onChanged` reloads the caller's list. */
export function useMatchActions(onChanged: () => void) {
  const decide = async (item: MatchItem, decision: MatchDecision, note: string): Promise<boolean> => {
    const env = await api.matchesDecide({ a: item.a.id, b: item.b.id, decision, note });
    if (!env.ok) { toastError(env.error.message); return false; }
    onChanged();
    toastInfo(`${item.a.label} och ${item.b.label}: ${DECISION_VERB_SV[decision]}${decision === 'confirmed' ? ' (nätverket visar dem som en; larmen vid nästa analys)' : ''}`, async () => {
      const u = await api.matchesUndo({ a: item.a.id, b: item.b.id });
      if (!u.ok) toastError(u.error.message);
      onChanged();
    });
    return true;
  };
  const undo = async (item: MatchItem): Promise<void> => {
    const env = await api.matchesUndo({ a: item.a.id, b: item.b.id });
    if (!env.ok) { toastError(env.error.message); return; }
    onChanged();
    toastInfo(`Beslutet ångrat${env.value.restored ? `; gäller nu: ${MATCH_STATUS_SV[env.value.restored.decision]?.toLowerCase()}` : ''}`);
  };
  return { decide, undo };
}

/**
 * Note + the three decisions. Keys (outside the note field): B bekräfta, A avvisa, O osäker.
 * Confirming and rejecting need a note, as the core requires.
 */
export function DecisionForm({ item, actions, compact }: { item: MatchItem; actions: ReturnType<typeof useMatchActions>; compact?: boolean }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const needsNote = note.trim().length === 0;
  const run = async (d: MatchDecision) => {
    setBusy(true);
    const ok = await actions.decide(item, d, note);
    setBusy(false);
    if (ok) setNote('');
  };
  if (item.status === 'confirmed' || item.status === 'rejected') {
    return <button type="button" className="btn sm" onClick={() => void actions.undo(item)}>Ångra beslut</button>;
  }
  return (
    <div className={compact ? 'row' : 'stack'} data-testid="match-decision">
      <label className="field" style={{ flex: 1, minWidth: 220 }}>
        Anteckning (krävs för att bekräfta eller avvisa)
        <textarea rows={compact ? 1 : 2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="T.ex. samma passnummer i båda källorna" />
      </label>
      <div className="row">
        <button type="button" className="btn primary" disabled={busy || needsNote} onClick={() => void run('confirmed')} aria-keyshortcuts="B" title={needsNote ? 'Skriv en anteckning först' : 'Samma person/bolag (B)'}>Bekräfta</button>
        <button type="button" className="btn danger" disabled={busy || needsNote} onClick={() => void run('rejected')} aria-keyshortcuts="A" title={needsNote ? 'Skriv en anteckning först' : 'Inte samma (A)'}>Avvisa</button>
        <button type="button" className="btn" disabled={busy} onClick={() => void run('unsure')} aria-keyshortcuts="O" title="Osäker (O)">Osäker</button>
        {item.status === 'unsure' && <button type="button" className="btn sm" onClick={() => void actions.undo(item)}>Ångra osäker</button>}
      </div>
    </div>
  );
}

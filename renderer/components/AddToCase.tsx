import { useEffect, useId, useMemo, useState } from 'react';
import type { CaseSummary, SubjectKind } from '../../src/api/contract';
import { countSv, listSv } from '../../src/model/labels-sv';
import { api } from '../api';
import { useNav } from '../state/nav';
import { toastError, toastInfo } from '../state/toast';
import { Dialog } from './bits';

/** What an "add to case" action carries: alerts by hit key and entities by id (and kind, when known). */
export interface CaseItems {
  entities: { id: string; kind?: SubjectKind }[];
  hitKeys: string[];
}

/** "2 larm och 1 entitet" — what a change adds or removes, for buttons and toasts. */
export function describeItems(hits: number, entities: number): string {
  const parts = [hits > 0 ? countSv(hits, 'larm', 'larm') : '', entities > 0 ? countSv(entities, 'entitet', 'entiteter') : ''].filter(Boolean);
  return parts.length ? listSv(parts) : 'inget';
}

const NEW = 'new';

/**
 * Adds alerts and entities to a case (an existing one or a new one), or takes them out of a case
 * that already holds them. Shows which cases hold them; the toast offers undo.
 */
export function AddToCaseDialog({ items, onClose, onChanged }: { items: CaseItems; onClose: () => void; onChanged?: () => void }) {
  const uid = useId();
  const go = useNav((s) => s.go);
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [held, setHeld] = useState<Map<number, { entityIds: string[]; hitKeys: string[] }>>(new Map());
  const [choice, setChoice] = useState<string>('');
  const [newName, setNewName] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const entityIds = useMemo(() => items.entities.map((e) => e.id), [items]);

  useEffect(() => {
    void Promise.all([api.casesList({}), api.caseMemberships({ entityIds, hitKeys: items.hitKeys })]).then(([list, member]) => {
      if (!list.ok) { setErr(list.error.message); return; }
      setCases(list.value.items);
      const m = new Map(member.ok ? member.value.items.map((x) => [x.caseId, x] as const) : []);
      setHeld(m);
      setChoice(list.value.items[0] ? String(list.value.items[0].id) : NEW);
    });
  }, [entityIds, items.hitKeys]);

  const chosen = choice === NEW ? null : cases?.find((c) => String(c.id) === choice) ?? null;
  const holds = chosen ? held.get(chosen.id) : undefined;
  const total = items.hitKeys.length + items.entities.length;
  const holdsAll = !!holds && holds.hitKeys.length + holds.entityIds.length === total;

  const change = async (caseId: number, name: string, remove: boolean) => {
    const req = remove
      ? { caseId, removeEntities: entityIds, removeHits: items.hitKeys }
      : { caseId, addEntities: items.entities, addHits: items.hitKeys };
    const env = await api.caseChangeItems(req);
    if (!env.ok) { setErr(env.error.message); return false; }
    const r = env.value;
    const what = remove ? describeItems(r.hitsRemoved.length, r.entitiesRemoved.length) : describeItems(r.hitsAdded.length, r.entitiesAdded.length);
    const text = remove ? `${what} togs bort ur ”${name}”` : what === 'inget' ? `Allt fanns redan i ”${name}”` : `${what} lades till i ”${name}”`;
    const undo = what === 'inget' ? undefined : async () => {
      const back = await api.caseChangeItems({
        caseId,
        addEntities: items.entities.filter((e) => r.entitiesRemoved.includes(e.id)),
        addHits: r.hitsRemoved,
        removeEntities: r.entitiesAdded,
        removeHits: r.hitsAdded,
      });
      if (!back.ok) toastError(back.error.message);
      onChanged?.();
    };
    toastInfo(text, undo);
    onChanged?.();
    return true;
  };

  const submit = async (remove: boolean) => {
    setBusy(true);
    setErr(null);
    try {
      if (chosen) {
        if (await change(chosen.id, chosen.name, remove)) onClose();
        return;
      }
      const created = await api.caseSave({ name: newName });
      if (!created.ok) { setErr(created.error.message); return; }
      if (await change(created.value.id, newName.trim(), false)) {
        onClose();
        go('cases', String(created.value.id));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Lägg i ärende: ${describeItems(items.hitKeys.length, items.entities.length)}`} onClose={onClose}>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); void submit(false); }} data-testid="add-to-case">
        <fieldset className="case-choice">
          <legend>Ärende</legend>
          {cases === null && !err && <p className="muted">Laddar ärenden …</p>}
          {cases?.map((c) => {
            const h = held.get(c.id);
            const n = h ? h.hitKeys.length + h.entityIds.length : 0;
            return (
              <label key={c.id} className="check">
                <input type="radio" name={`${uid}-case`} value={c.id} checked={choice === String(c.id)} onChange={() => setChoice(String(c.id))} />
                {c.name} <span className="small muted">({describeItems(c.hitCount, c.entityCount)})</span>
                {n > 0 && <span className="badge">{n === total ? 'innehåller redan allt' : `innehåller redan ${n} av ${total}`}</span>}
              </label>
            );
          })}
          <label className="check">
            <input type="radio" name={`${uid}-case`} value={NEW} checked={choice === NEW} onChange={() => setChoice(NEW)} /> Nytt ärende …
          </label>
          {choice === NEW && (
            <label className="field">Namn på nytt ärende
              <input type="text" value={newName} onChange={(e) => setNewName(e.target.value)} autoFocus />
            </label>
          )}
        </fieldset>
        {err && <p className="error-text" role="alert">{err}</p>}
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onClose}>Avbryt</button>
          {holds && <button type="button" className="btn" disabled={busy} onClick={() => void submit(true)}>Ta bort ur ärendet</button>}
          <button type="submit" className="btn primary" disabled={busy || total === 0 || holdsAll || (choice === NEW && !newName.trim())}>Lägg till</button>
        </div>
      </form>
    </Dialog>
  );
}

/** A button that opens AddToCaseDialog for the given items (disabled when there are none). */
export function AddToCaseButton({ items, label = 'Lägg i ärende …', className = 'btn sm', onChanged }: { items: CaseItems; label?: string; className?: string; onChanged?: () => void }) {
  const [open, setOpen] = useState(false);
  const empty = items.entities.length + items.hitKeys.length === 0;
  return (
    <>
      <button type="button" className={className} disabled={empty} onClick={() => setOpen(true)} aria-haspopup="dialog">{label}</button>
      {open && <AddToCaseDialog items={items} onClose={() => setOpen(false)} onChanged={onChanged} />}
    </>
  );
}

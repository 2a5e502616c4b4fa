import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db';
import {
  addCaseNote, CaseError, caseMemberships, changeCaseItems, createCase, deleteCase, getCase, getCaseView, listCases, saveCaseView,
  updateCase,
} from '../../src/cases/cases';
import { listAudit, verifyAudit } from '../../src/audit/log';

const view = {
  nodeIds: ['5598047925', '197506141634'],
  positions: { '5598047925': { x: 0.125, y: -3.5 }, '197506141634': { x: 10.0625, y: 2 } },
  filters: { kinds: ['company', 'person'], minSeverity: 3, hideEnded: true },
  asOf: '2024-01-31',
  camera: { x: 0.5, y: 0.5, ratio: 1.25, angle: 0 },
};

describe('cases', () => {
  it('creates, edits, annotates and lists a case, audit-logging each step', () => {
    const db = openDb(':memory:');
    const id = createCase(db, { name: ' Omsorg Norr ', description: 'Misstänkt fenix', entities: [{ id: '5598047925', kind: 'company' }], hitKeys: ['k1'] }, 'utredare');
    changeCaseItems(db, id, { addEntities: ['197506141634'] }, 'utredare');
    changeCaseItems(db, id, { addHits: ['k2', 'k1'] }, 'utredare');
    const note = addCaseNote(db, id, 'Ringde IVO <b>inte</b> svar', 'utredare');
    expect(note.text).toBe('Ringde IVO <b>inte</b> svar');
    changeCaseItems(db, id, { removeEntities: ['5598047925'] }, 'utredare');

    const c = getCase(db, id)!;
    expect(c.name).toBe('Omsorg Norr');
    expect(c.entities.map((e) => e.id)).toEqual(['197506141634']);
    expect(c.hitKeys.sort()).toEqual(['k1', 'k2']);
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]).toMatchObject({ author: 'utredare', text: 'Ringde IVO <b>inte</b> svar' });
    expect(listCases(db)[0]).toMatchObject({ id, entityCount: 1, hitCount: 2, noteCount: 1 });

    updateCase(db, id, { name: 'Omsorg Norr 2', entities: ['a', 'b'], hitKeys: ['k3'] }, 'granskare');
    const c2 = getCase(db, id)!;
    expect(c2.entities.map((e) => e.id).sort()).toEqual(['a', 'b']);
    expect(c2.hitKeys).toEqual(['k3']);
    expect(c2.description).toBe('Misstänkt fenix');

    const actions = listAudit(db).entries.map((e) => e.action);
    expect(actions).toEqual(['case_create', 'case_edit', 'case_edit', 'case_note', 'case_edit', 'case_edit']);
    expect(verifyAudit(db).ok).toBe(true);

    deleteCase(db, id, 'granskare');
    expect(getCase(db, id)).toBeNull();
  });

  it('reopens a saved network view exactly as saved', () => {
    const db = openDb(':memory:');
    const id = createCase(db, { name: 'Vyer' }, 'u');
    const viewId = saveCaseView(db, id, { name: 'Översikt', view }, 'u');
    const saved = getCaseView(db, viewId)!;
    expect(saved.view).toEqual(view);
    expect(saved.asOf).toBe('2024-01-31');
    expect(getCase(db, id)!.views[0]!.view).toEqual(view);
    const moved = { ...view, positions: { ...view.positions, '5598047925': { x: 1, y: 1 } } };
    expect(saveCaseView(db, id, { name: 'Översikt', view: moved, viewId }, 'u')).toBe(viewId);
    expect(getCaseView(db, viewId)!.view).toEqual(moved);
  });

  it('rejects empty names and notes and unknown cases', () => {
    const db = openDb(':memory:');
    expect(() => createCase(db, { name: '  ' })).toThrow(CaseError);
    const id = createCase(db, { name: 'x' });
    expect(() => addCaseNote(db, id, '   ')).toThrow(/tom/);
    expect(() => addCaseNote(db, 999, 'text')).toThrow(/finns inte/);
    expect(() => saveCaseView(db, id, { name: '', view })).toThrow(/namn/);
  });

  it('adds and removes entities and alerts in one audited step, reporting only real changes', () => {
    const db = openDb(':memory:');
    const id = createCase(db, { name: 'Larm', entities: ['5598047925'] }, 'u');
    const r = changeCaseItems(db, id, { addEntities: [{ id: '5598047925', kind: 'company' }, { id: 'IVO-1', kind: 'licence' }], addHits: ['k1', 'k2', 'k1'] }, 'u');
    expect(r).toEqual({ entitiesAdded: ['IVO-1'], entitiesRemoved: [], hitsAdded: ['k1', 'k2'], hitsRemoved: [] });
    expect(getCase(db, id)!.entities.find((e) => e.id === 'IVO-1')).toMatchObject({ kind: 'licence', addedBy: 'u' });
    expect(caseMemberships(db, ['IVO-1', 'x'], ['k2'])).toEqual([{ caseId: id, entityIds: ['IVO-1'], hitKeys: ['k2'] }]);
    // Undo is the inverse change.
    const undo = changeCaseItems(db, id, { removeEntities: r.entitiesAdded, removeHits: r.hitsAdded }, 'u');
    expect(undo).toEqual({ entitiesAdded: [], entitiesRemoved: ['IVO-1'], hitsAdded: [], hitsRemoved: ['k1', 'k2'] });
    expect(getCase(db, id)!.hitKeys).toEqual([]);
    expect(caseMemberships(db, ['IVO-1'], ['k1'])).toEqual([]);
    const audit = listAudit(db).entries.filter((e) => e.action === 'case_edit');
    expect(audit).toHaveLength(2);
    expect(audit[0]!.details).toMatchObject({ caseId: id, hitsAdded: ['k1', 'k2'], entitiesAdded: ['IVO-1'] });
    // Nothing to change: nothing logged.
    changeCaseItems(db, id, { removeHits: ['k9'] }, 'u');
    expect(listAudit(db).entries.filter((e) => e.action === 'case_edit')).toHaveLength(2);
    expect(() => changeCaseItems(db, 999, { addHits: ['k'] })).toThrow(/finns inte/);
  });

  it('a saved view\'s nodes join the case as entities, with their kinds', () => {
    const db = openDb(':memory:');
    const id = createCase(db, { name: 'Vy', entities: ['5598047925'] }, 'u');
    saveCaseView(db, id, { name: 'Nätverk', view: { ...view, nodeIds: ['5598047925', '197506141634', 'lic:IVO-1', 'home:FH-2', 'addr:SKOLGATAN 4|72215'] } }, 'u');
    const c = getCase(db, id)!;
    expect(new Map(c.entities.map((e) => [e.id, e.kind]))).toEqual(new Map([
      ['5598047925', null], ['197506141634', 'person'], ['IVO-1', 'licence'], ['FH-2', 'foster_home'], ['SKOLGATAN 4|72215', 'address'],
    ]));
    expect(listAudit(db).entries.at(-1)!.details).toMatchObject({ entitiesAdded: ['197506141634', 'IVO-1', 'FH-2', 'SKOLGATAN 4|72215'] });
  });
});

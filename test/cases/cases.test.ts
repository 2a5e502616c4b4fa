import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db';
import {
  addCaseEntities, addCaseHits, addCaseNote, CaseError, createCase, deleteCase, getCase, getCaseView, listCases,
  removeCaseEntity, saveCaseView, updateCase,
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
    addCaseEntities(db, id, ['197506141634'], 'utredare');
    addCaseHits(db, id, ['k2', 'k1'], 'utredare');
    const note = addCaseNote(db, id, 'Ringde IVO <b>inte</b> svar', 'utredare');
    expect(note.text).toBe('Ringde IVO <b>inte</b> svar');
    removeCaseEntity(db, id, '5598047925', 'utredare');

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
});

import { describe, expect, it } from 'vitest';
import { ALERT_KEY_LEGEND, alertKeyAction, CASE_KEY, STATUS_KEYS } from '../../renderer/state/alert-keys';
import { HIT_STATUSES } from '../../src/model/enums';

describe('alert list keyboard', () => {
  it('moves with arrows, pages and Home/End, extending the marking with Shift', () => {
    expect(alertKeyAction({ key: 'ArrowDown' })).toEqual({ type: 'move', by: 1, extend: false });
    expect(alertKeyAction({ key: 'ArrowUp', shiftKey: true })).toEqual({ type: 'move', by: -1, extend: true });
    expect(alertKeyAction({ key: 'PageDown' })).toMatchObject({ type: 'move', extend: false });
    expect(alertKeyAction({ key: 'End' })).toEqual({ type: 'edge', to: 'last', extend: false });
  });

  it('opens with Enter, marks with Space, marks all with Ctrl+A, closes with Esc', () => {
    expect(alertKeyAction({ key: 'Enter' })).toEqual({ type: 'open' });
    expect(alertKeyAction({ key: ' ' })).toEqual({ type: 'toggle' });
    expect(alertKeyAction({ key: 'a', ctrlKey: true })).toEqual({ type: 'selectAll' });
    expect(alertKeyAction({ key: 'Escape' })).toEqual({ type: 'close' });
  });

  it('sets every status with a single letter (either case) and adds to a case with Ä', () => {
    expect(new Set(Object.values(STATUS_KEYS))).toEqual(new Set(HIT_STATUSES));
    expect(alertKeyAction({ key: 'u' })).toEqual({ type: 'status', status: 'under_utredning' });
    expect(alertKeyAction({ key: 'B', shiftKey: true })).toEqual({ type: 'status', status: 'bekraftad' });
    expect(alertKeyAction({ key: 'Ä' })).toEqual({ type: 'case' });
    expect(CASE_KEY).toBe('ä');
  });

  it('leaves Alt (view switching), Ctrl shortcuts and other keys to the browser', () => {
    expect(alertKeyAction({ key: '2', altKey: true })).toBeNull();
    expect(alertKeyAction({ key: 'u', ctrlKey: true })).toBeNull();
    expect(alertKeyAction({ key: 'Tab' })).toBeNull();
    expect(alertKeyAction({ key: 'x' })).toBeNull();
  });

  it('documents every single-letter key in the legend', () => {
    const legend = ALERT_KEY_LEGEND.map(([k]) => k.toLowerCase());
    for (const k of [...Object.keys(STATUS_KEYS), CASE_KEY]) expect(legend).toContain(k);
  });
});

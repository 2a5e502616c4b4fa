import { describe, expect, it } from 'vitest';
import { countSv, listSv } from '../../src/model/labels-sv';

describe('Swedish counts and lists', () => {
  it('puts the noun in the right number ("1 ny nod", "2 nya noder")', () => {
    expect(countSv(1, 'ny nod', 'nya noder')).toBe('1 ny nod');
    expect(countSv(2, 'ny nod', 'nya noder')).toBe('2 nya noder');
    expect(countSv(0, 'entitet', 'entiteter')).toBe('0 entiteter');
    expect(countSv(12345, 'rad', 'rader')).toBe('12\u00a0345 rader');
  });

  it('joins lists the Swedish way', () => {
    expect(listSv([])).toBe('');
    expect(listSv(['a'])).toBe('a');
    expect(listSv(['a', 'b'])).toBe('a och b');
    expect(listSv(['a', 'b', 'c'], 'eller')).toBe('a, b eller c');
  });
});

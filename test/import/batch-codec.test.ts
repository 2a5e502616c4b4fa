import fc from 'fast-check';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch, encodedSize, transferables } from '../../src/import/batch-codec';

/** Issue 10: batches cross threads as one text plus typed arrays; every value must come back as it was. */

const value = fc.oneof(
  fc.string({ unit: 'binary' }), // lone surrogates, NUL, any code unit
  fc.string({ unit: 'grapheme' }),
  fc.constant(''),
  fc.double(), // NaN, ±Infinity, -0
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 4 }),
);

describe('batch codec', () => {
  it('decode(encode(ops)) is ops, value by value (Object.is), across a real message port with the buffers transferred', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (ops) => {
        const { port1, port2 } = new MessageChannel();
        const enc = encodeBatch(ops);
        port1.postMessage(enc, transferables(enc));
        const got = decodeBatch(receiveMessageOnPort(port2)!.message);
        port1.close();
        expect(got).toHaveLength(ops.length);
        ops.forEach((v, i) => (Array.isArray(v) ? expect(got[i]).toEqual(v) : expect(Object.is(got[i], v)).toBe(true)));
      }),
      { numRuns: 300 },
    );
  });

  it('strings travel as one text and numbers in a typed array as long as their count', () => {
    const enc = encodeBatch([1, 'ab', null, 'c', 2.5, ['x'], '']);
    expect(enc.text).toBe('abc');
    expect([...enc.lens]).toEqual([2, 1, 0]);
    expect([...enc.nums]).toEqual([1, 2.5]);
    expect(enc.rest).toEqual([['x']]);
  });
});

describe('encodedSize', () => {
  it('counts the text, the typed arrays and the cells of rows that travel with their cells', () => {
    const plain = encodeBatch(['abcd', 1, null]);
    expect(encodedSize(plain)).toBe(4 + 3 + 8 + 4);
    const withCells = encodeBatch(['abcd', 1, null, ['x'.repeat(1000), 'yy']]);
    expect(encodedSize(withCells)).toBeGreaterThanOrEqual(encodedSize(plain) + 1002);
  });
});

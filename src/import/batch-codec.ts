/**
 * How a batch of parse ops (parse.ts) crosses from the reader thread to the writer (issue 10).
 * A structured clone of the ops array makes the writer's thread rebuild every value one by one
 * (about 1.7 µs a row at national scale, on the thread that is the import's critical path); here
 * the reader joins the batch's strings into one text and puts its numbers in a typed array, so
 * the clone copies a few large blocks, and the writer cuts the strings back out of the text.
 * Values that are neither string, number nor null (cell arrays, flags; rare) travel as they are.
 */
export interface EncodedBatch {
  /** Every string value, joined in order. */
  text: string;
  /** Per op: 0 null, 1 number (the next of `nums`), 2 string (as long as the next of `lens`, cut from `text` in order), 3 the next of `rest`. */
  kinds: Uint8Array;
  nums: Float64Array;
  lens: Uint32Array;
  rest: unknown[];
}

const NULL = 0;
const NUMBER = 1;
const STRING = 2;
const OTHER = 3;

export function encodeBatch(ops: readonly unknown[]): EncodedBatch {
  const n = ops.length;
  // Counted first, so the typed arrays are just as long as their values (the queue holds thousands).
  let strings = 0;
  let numbers = 0;
  for (let i = 0; i < n; i++) {
    const t = typeof ops[i];
    if (t === 'string') strings++;
    else if (t === 'number') numbers++;
  }
  const kinds = new Uint8Array(n);
  const nums = new Float64Array(numbers);
  const lens = new Uint32Array(strings);
  const parts: string[] = new Array(strings);
  const rest: unknown[] = [];
  let s = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = ops[i];
    if (typeof v === 'string') {
      kinds[i] = STRING;
      lens[s] = v.length;
      parts[s++] = v;
    } else if (typeof v === 'number') {
      kinds[i] = NUMBER;
      nums[m++] = v;
    } else if (v === null) kinds[i] = NULL;
    else {
      kinds[i] = OTHER;
      rest.push(v);
    }
  }
  return { text: parts.join(''), kinds, nums, lens, rest };
}

export function decodeBatch(b: EncodedBatch): unknown[] {
  const { text, kinds, nums, lens, rest } = b;
  const n = kinds.length;
  const ops: unknown[] = new Array(n);
  let pos = 0;
  let s = 0;
  let m = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const k = kinds[i];
    if (k === STRING) {
      const end = pos + lens[s++]!;
      ops[i] = text.slice(pos, end);
      pos = end;
    } else if (k === NUMBER) ops[i] = nums[m++];
    else if (k === NULL) ops[i] = null;
    else ops[i] = rest[r++];
  }
  return ops;
}

/** About the bytes a batch holds while it waits for the writer (text counted one byte a character). */
export function encodedSize(b: EncodedBatch): number {
  let n = b.text.length + b.kinds.byteLength + b.nums.byteLength + b.lens.byteLength;
  for (const v of b.rest) n += Array.isArray(v) ? v.reduce((a: number, c: unknown) => a + (typeof c === 'string' ? c.length : 8), 16) : 8;
  return n;
}

/** The typed arrays' buffers, to transfer rather than copy with the message. */
export const transferables = (b: EncodedBatch): ArrayBuffer[] => [b.kinds.buffer, b.nums.buffer, b.lens.buffer] as ArrayBuffer[];

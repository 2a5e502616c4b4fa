import { isUtf8 } from 'node:buffer';

/**
 * Text encoding and delimiter detection. Node's TextDecoder treats 'windows-1252' as Latin-1
 * (0x80–0x9F become C1 controls), so the 1252 decoder below maps those bytes itself.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

const BOM = [0xef, 0xbb, 0xbf];

/** UTF-16 announced by its byte order mark (Excel's "Unicode text" export), or null. */
export function utf16Bom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  return null;
}

/** True when a sample without BOM reads as UTF-16 text: NUL in every other byte, text in the rest. */
export function looksUtf16WithoutBom(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 8192) & ~1;
  if (n < 8) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  return (evenNul > 0.6 * pairs && oddNul < 0.05 * pairs) || (oddNul > 0.6 * pairs && evenNul < 0.05 * pairs);
}

/** Probe a sample (the start of the file): BOM, then strict UTF-8, else Windows-1252. */
export function detectEncoding(sample: Uint8Array, isWholeFile: boolean): TextEncodingName {
  const utf16 = utf16Bom(sample);
  if (utf16) return utf16;
  if (sample.length >= 3 && sample[0] === BOM[0] && sample[1] === BOM[1] && sample[2] === BOM[2]) return 'utf-8-bom';
  try {
    // stream: true when the sample is cut, so a multi-byte char split at its end is no error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !isWholeFile });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** True when the sample looks like binary data rather than text (NUL bytes, many controls). */
export function looksBinary(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  return n > 0 && controls / n > 0.1;
}

// Windows-1252 code points for bytes 0x80–0x9F (undefined bytes keep their Latin-1 value).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const C1 = /[\u0080-\u009f]/g;
const fixC1 = (ch: string): string => String.fromCharCode(CP1252_HIGH[ch.charCodeAt(0) - 0x80]!);

export function decodeWindows1252(bytes: Uint8Array): string {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return C1.test(s) ? s.replace(C1, fixC1) : s;
}

export interface StreamDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

export function streamDecoder(encoding: TextEncodingName): StreamDecoder {
  if (encoding === 'windows-1252') return { decode: decodeWindows1252, end: () => '' };
  if (encoding === 'utf-8-bom' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    // A BOM names the encoding for certain: a stray invalid byte becomes U+FFFD in that row only.
    const d = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
    return { decode: (chunk) => d.decode(chunk, { stream: true }), end: () => d.decode() };
  }
  return utf8ByLine();
}

const UTF8 = new TextDecoder('utf-8');
const LF = 0x0a;
/** Bytes of an unfinished line held for the next chunk, at most (a longer line is decoded in pieces). */
const MAX_HELD = 1 << 20;
const EMPTY = new Uint8Array(0);

/**
 * The probe saw only valid UTF-8 (often plain ASCII). Later bytes are decoded whole lines at a
 * time: UTF-8 where valid, and only a line that is not valid UTF-8 as Windows-1252 (a 1252 file
 * whose first å comes after the probe, or one odd line) — never rewriting the lines around it.
 * A line break byte never occurs inside a UTF-8 sequence, so lines are safe places to cut.
 */
function utf8ByLine(): StreamDecoder {
  let held: Uint8Array = EMPTY;
  return {
    decode: (chunk) => {
      const first = chunk.indexOf(LF);
      if (first < 0) {
        held = concat(held, chunk);
        if (held.length <= MAX_HELD) return '';
        const cut = safeCut(held);
        const text = decodeLines(held.subarray(0, cut));
        held = new Uint8Array(held.subarray(cut));
        return text;
      }
      const last = chunk.lastIndexOf(LF);
      const head = decodeLines(concat(held, chunk.subarray(0, first + 1)));
      const body = decodeLines(chunk.subarray(first + 1, last + 1));
      held = new Uint8Array(chunk.subarray(last + 1));
      return head + body;
    },
    end: () => {
      const text = held.length ? decodeLines(held) : '';
      held = EMPTY;
      return text;
    },
  };
}

/** Whole lines: all at once when valid UTF-8 (the common case), else line by line. */
function decodeLines(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  if (isUtf8(bytes)) return UTF8.decode(bytes);
  let out = '';
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(LF, start);
    const end = nl < 0 ? bytes.length : nl + 1;
    const line = bytes.subarray(start, end);
    out += isUtf8(line) ? UTF8.decode(line) : decodeWindows1252(line);
    start = end;
  }
  return out;
}

/** A cut point that does not split a UTF-8 sequence at the end (for a line longer than MAX_HELD). */
function safeCut(b: Uint8Array): number {
  let cut = b.length;
  while (cut > b.length - 3 && cut > 0 && (b[cut - 1]! & 0xc0) === 0x80) cut--;
  return cut > 0 && b[cut - 1]! >= 0xc0 ? cut - 1 : b.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The delimiter of a header line: whichever of `,` `;` TAB occurs most outside quotes. */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const ch = headerLine[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ',') comma++;
    else if (ch === ';') semi++;
    else if (ch === '\t') tab++;
  }
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma && tab > semi) return '\t';
  return ',';
}

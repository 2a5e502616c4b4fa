/**
 * Text encoding and delimiter detection. Node's TextDecoder treats 'windows-1252' as Latin-1
 * (0x80–0x9F become C1 controls), so the 1252 decoder below maps those bytes itself.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252';

const BOM = [0xef, 0xbb, 0xbf];

/** Probe a sample (the start of the file): BOM, then strict UTF-8, else Windows-1252. */
export function detectEncoding(sample: Uint8Array, isWholeFile: boolean): TextEncodingName {
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
  if (encoding === 'utf-8-bom') {
    // A BOM says UTF-8 for certain: a stray invalid byte becomes U+FFFD in that row only.
    const d = new TextDecoder('utf-8');
    return { decode: (chunk) => d.decode(chunk, { stream: true }), end: () => d.decode() };
  }
  // The probe saw only valid UTF-8 (often plain ASCII). A Windows-1252 file whose first å comes
  // after the probe shows up as invalid UTF-8: from that chunk on, decode as Windows-1252.
  // A chunk ending in what could start a UTF-8 sequence (a 1252 å is such a byte) is held by the
  // decoder; those bytes are kept here too, so a switch on the next chunk does not lose them.
  let d: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });
  let pending: Uint8Array = new Uint8Array(0);
  return {
    decode: (chunk) => {
      if (d) {
        try {
          const text = d.decode(chunk, { stream: true });
          pending = incompleteUtf8Tail(pending, chunk);
          return text;
        } catch {
          d = null;
          if (pending.length) chunk = Buffer.concat([pending, chunk]);
        }
      }
      return decodeWindows1252(chunk);
    },
    end: () => {
      if (!d) return '';
      try {
        return d.decode();
      } catch {
        return '\uFFFD';
      }
    },
  };
}

/** The trailing bytes of `prev + chunk` that begin a UTF-8 sequence not yet complete (at most 3). */
function incompleteUtf8Tail(prev: Uint8Array, chunk: Uint8Array): Uint8Array {
  const bytes = chunk.length >= 3 ? chunk : Buffer.concat([prev, chunk]);
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return new Uint8Array(0);
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? bytes.slice(bytes.length - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
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

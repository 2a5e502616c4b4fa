/**
 * A streaming, tolerant RFC 4180 tokenizer. Written by hand rather than with csv-parse because the
 * importer needs the physical start line of every record (quarantine `file:line`), must survive
 * mixed line endings and stray quotes row by row, and must turn an unclosed quote into one bad
 * record instead of a fatal stream error.
 */

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  fields: string[];
  /**
   * Set when the record could not be read cleanly: a quote that never closes, a quoted field or
   * a whole record longer than the limit (then `fields` holds only its first characters).
   */
  error?: 'unclosed_quote' | 'field_too_long' | 'record_too_long';
}

import { MAX_RECORD_CHARS, PREVIEW_CHARS } from './limits';

const QUOTE = 34;
const CR = 13;
const LF = 10;

const enum Mode {
  FieldStart,
  Unquoted,
  Quoted,
  AfterQuote,
  SkipLine,
}

export class CsvTokenizer {
  private fields: string[] = [];
  private buf = '';
  private mode = Mode.FieldStart;
  private line = 1;
  private recStart = 1;
  private carry = '';
  private prevCR = false;
  /** Characters of the record's completed fields (plus one per delimiter). */
  private recChars = 0;
  private readonly delim: number;
  /**
   * Asked at the start of each record that ends within the chunk, with the line's text (without
   * its line break) as s.slice(start, end): returning true consumes the line unread (a re-import's
   * unchanged record, unchanged.ts). The line number advances as if it had been read.
   */
  lineFilter: ((s: string, start: number, end: number, line: number) => boolean) | null = null;

  private readonly delimText: string;

  /**
   * `plainLines` (default true): a whole line with no quote and no CR, that ends in the chunk and
   * cannot be too long, is split in one step (indexOf and split) instead of character by
   * character; the character loop reads it the same (the tests compare the two) and reads the rest.
   */
  constructor(
    delimiter: string,
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly maxRecord = MAX_RECORD_CHARS,
    private readonly plainLines = true,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.delimText = delimiter.charAt(0);
  }

  push(chunk: string): void {
    this.run(chunk, false);
  }

  end(): void {
    this.run('', true);
    if (this.mode === Mode.Quoted) {
      this.fields.push(this.buf);
      this.emit('unclosed_quote');
    } else if (this.mode === Mode.Unquoted || this.mode === Mode.AfterQuote || this.fields.length > 0) {
      this.fields.push(this.buf);
      this.emit();
    }
    this.fields = [];
    this.buf = '';
    this.mode = Mode.FieldStart;
  }

  private emit(error?: CsvRecord['error']): void {
    const fields = this.fields;
    this.fields = [];
    this.buf = '';
    this.recChars = 0;
    // A blank line is not a record.
    if (!error && fields.length === 1 && fields[0] === '') return;
    this.onRecord(error ? { line: this.recStart, fields, error } : { line: this.recStart, fields });
  }

  private newline(c: number): void {
    this.line++;
    this.prevCR = c === CR;
    this.recStart = this.line;
  }

  private run(chunk: string, final: boolean): void {
    let s = this.carry + chunk;
    this.carry = '';
    // Hold back trailing quotes and CRs: their meaning depends on the characters after them.
    if (!final) {
      let j = s.length;
      while (j > 0 && (s.charCodeAt(j - 1) === QUOTE || s.charCodeAt(j - 1) === CR)) j--;
      // A run of thousands of quotes is garbage, not a field: holding it all back would let it grow without bound.
      if (j < s.length && s.length - j <= MAX_CARRY) {
        this.carry = s.slice(j);
        s = s.slice(0, j);
      }
    }
    const n = s.length;
    const delim = this.delim;
    let i = 0;
    let start = 0;
    /** Where the line filter last stopped (see below). */
    let asked = -1;
    // The next quote and CR at or after the current line (n when there is none left); looked for
    // again only once passed, so each costs one scan of the chunk, not one per line.
    let nextQuote = -1;
    let nextCR = -1;
    while (i < n) {
      const c = s.charCodeAt(i);
      switch (this.mode) {
        case Mode.FieldStart:
          if (c === LF && this.prevCR) {
            this.prevCR = false; // second half of CRLF, already counted
            i++;
            continue;
          }
          this.prevCR = false;
          if (this.lineFilter !== null && i !== asked && this.fields.length === 0 && this.buf === '') {
            // Consume a run of filtered lines here, not one per turn of the character loop. The
            // line it stops at has been asked (or cannot be): it is read, not asked again.
            const filter = this.lineFilter;
            const from = i;
            for (;;) {
              const nl = s.indexOf('\n', i);
              if (nl <= i) break;
              const end = s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
              if (end <= i || !filter(s, i, end, this.line)) break;
              this.line++;
              i = nl + 1;
            }
            asked = i;
            if (i > from) {
              this.recStart = this.line;
              continue;
            }
          }
          if (this.plainLines && this.fields.length === 0 && this.buf === '') {
            const nl = s.indexOf('\n', i);
            const end = nl > 0 && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
            // Shorter than the limit, so no field of it can pass it (the loop checks at delimiters).
            if (end > i && end - i < this.maxRecord) {
              if (nextQuote < i) nextQuote = indexOrEnd(s, '"', i);
              if (nextCR < i) nextCR = indexOrEnd(s, '\r', i);
              if (nextQuote >= end && nextCR >= end) {
                const fields = s.slice(i, end).split(this.delimText);
                i = nl + 1;
                this.onRecord({ line: this.recStart, fields });
                this.line++;
                this.recStart = this.line;
                continue;
              }
            }
          }
          if (c === QUOTE) {
            this.mode = Mode.Quoted;
            i++;
            start = i;
            continue;
          }
          this.mode = Mode.Unquoted;
          start = i;
          continue;
        case Mode.Unquoted:
        case Mode.AfterQuote:
          if (c === delim) {
            const field = this.buf + s.slice(start, i);
            this.fields.push(field);
            this.buf = '';
            this.mode = Mode.FieldStart;
            this.prevCR = false;
            i++;
            this.recChars += field.length + 1;
            if (this.recChars > this.maxRecord) this.tooLong('record_too_long');
            continue;
          }
          if (c === CR || c === LF) {
            this.fields.push(this.buf + s.slice(start, i));
            this.mode = Mode.FieldStart;
            this.emit();
            this.newline(c);
            i++;
            continue;
          }
          // A quote inside an unquoted field, or text after a closing quote, is kept as text.
          this.prevCR = false;
          i++;
          continue;
        case Mode.Quoted:
          if (c === QUOTE) {
            if (i + 1 < n && s.charCodeAt(i + 1) === QUOTE) {
              this.buf += s.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            this.buf += s.slice(start, i);
            this.mode = Mode.AfterQuote;
            i++;
            start = i;
            continue;
          }
          if (c === CR) {
            this.line++;
            this.prevCR = true;
          } else if (c === LF) {
            if (!this.prevCR) this.line++;
            this.prevCR = false;
          } else this.prevCR = false;
          i++;
          continue;
        case Mode.SkipLine:
          if (c === CR || c === LF) {
            this.mode = Mode.FieldStart;
            this.newline(c);
          }
          i++;
          continue;
      }
    }
    if (this.mode === Mode.Unquoted || this.mode === Mode.Quoted || this.mode === Mode.AfterQuote) {
      this.buf += s.slice(start, n);
      // Inside quotes almost always a quote that never closes; else a line that never ends.
      if (this.buf.length + this.recChars > this.maxRecord) this.tooLong(this.mode === Mode.Quoted ? 'field_too_long' : 'record_too_long');
    }
  }

  /** Reports the record so far as one bad record (its first characters) and resyncs at the next line. */
  private tooLong(error: 'field_too_long' | 'record_too_long'): void {
    const preview = [...this.fields, this.buf].join(String.fromCharCode(this.delim)).slice(0, PREVIEW_CHARS);
    this.fields = [preview];
    this.emit(error);
    this.mode = Mode.SkipLine;
  }
}

const MAX_CARRY = 4096;

/** The index of `ch` in `s` from `from`, or `s.length` when there is none. */
function indexOrEnd(s: string, ch: string, from: number): number {
  const at = s.indexOf(ch, from);
  return at < 0 ? s.length : at;
}

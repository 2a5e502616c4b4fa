/**
 * Text from files (file names, names, values) can hold control characters: an ESC sequence in a
 * file name would move the cursor, recolour or retitle the user's terminal, and bidi overrides
 * make a name read differently than it is. Everything printed from data goes through these
 * (issue 13): C0/C1 controls, DEL and bidi controls become visible escapes such as `\x1b`.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value (a file name, a cell) for the terminal: every control character escaped, newlines too. */
export function termSafe(s: string): string {
  return s.replace(UNSAFE, escape);
}

/** A whole text we composed (lines of output): newlines and tabs stay, every other control is escaped. */
export function termText(s: string): string {
  return s.replace(UNSAFE_EXCEPT_LINES, escape);
}

/** JSON for stdout: JSON.stringify leaves C1 controls and bidi marks raw; these escapes keep it valid JSON. */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

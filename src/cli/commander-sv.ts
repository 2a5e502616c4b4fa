import type { Command, HelpConfiguration } from 'commander';

/**
 * Commander writes its parse errors and help headings in English; the CLI speaks Swedish
 * (contract §5). Errors are rewritten from commander's fixed wording, headings through its help
 * hooks. A message that matches nothing passes through unchanged rather than being lost.
 */
const ERRORS: readonly [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (o) => `okänd flagga '${o}'`],
  [/^error: unknown command '([^']*)'/, (c) => `okänt kommando '${c}'`],
  [/^error: missing required argument '([^']*)'/, (a) => `argumentet '${a}' saknas`],
  [/^error: option '([^']*)' argument missing/, (o) => `flaggan '${o}' saknar värde`],
  [/^error: required option '([^']*)' not specified/, (o) => `flaggan '${o}' måste anges`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, (o, v) => `ogiltigt värde '${v}' för flaggan '${o}'`],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (c, e, g) => `för många argument${c ? ` till '${c}'` : ''}: väntade ${e}, fick ${g}`],
  [/^error: too many arguments/, () => 'för många argument'],
  [/^error: (.*) cannot be used with (.*)$/m, (a, b) => `${a} kan inte användas tillsammans med ${b}`],
];

const SUGGESTION = /\n\(Did you mean (?:one of )?(.*)\?\)/;

export function commanderErrorSv(text: string): string {
  const body = text.replace(/\s+$/, '');
  const hint = SUGGESTION.exec(body);
  const first = body.replace(SUGGESTION, '');
  for (const [re, sv] of ERRORS) {
    const m = re.exec(first);
    if (m) return `insyn: ${sv(...m.slice(1).map((x) => x ?? ''))}${hint ? `\n(Menade du ${hint[1]!.replace(/, (?=[^,]*$)/, ' eller ')}?)` : ''}\n`;
  }
  return text;
}

const TITLES: Record<string, string> = {
  'Usage:': 'Användning:', 'Options:': 'Flaggor:', 'Commands:': 'Kommandon:', 'Arguments:': 'Argument:', 'Global Options:': 'Globala flaggor:',
};
const USAGE_WORDS: Record<string, string> = { '[options]': '[flaggor]', '[command]': '[kommando]' };

export const HELP_SV: HelpConfiguration = {
  styleTitle: (s) => TITLES[s] ?? s,
  styleUsage: (s) => s.split(' ').map((w) => USAGE_WORDS[w] ?? w).join(' '),
  styleOptionDescription: (s) => s.replace(/\(default: /, '(standard: ').replace(/choices: /, 'val: '),
  styleArgumentDescription: (s) => s.replace(/\(default: /, '(standard: '),
};

/** Swedish errors, headings and help texts for a program and (by inheritance) its subcommands. */
export function swedishCommander(program: Command): Command {
  return program
    .configureHelp(HELP_SV)
    .helpOption('-h, --help', 'visa hjälp för kommandot')
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando');
}

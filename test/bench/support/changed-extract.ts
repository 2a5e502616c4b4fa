import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/**
 * A copy of an extract folder in which `share` of all data rows differ (issue 10.2): the names of
 * evenly spread rows of companies.csv and persons.csv get " Ändrad" appended (only rows whose
 * first two fields are unquoted, so the edit is a plain text change). Other files are linked.
 * Returns how many rows were changed and the total of data rows.
 */
export async function writeChangedExtract(src: string, dst: string, share = 0.01): Promise<{ changed: number; total: number }> {
  fs.rmSync(dst, { recursive: true, force: true });
  fs.mkdirSync(dst, { recursive: true });
  const csvs = fs.readdirSync(src).filter((f) => f.endsWith('.csv') && f !== 'truth.csv');
  const lines = new Map<string, number>();
  for (const f of csvs) lines.set(f, await countDataLines(path.join(src, f)));
  const total = [...lines.values()].reduce((a, b) => a + b, 0);
  const edited = ['companies.csv', 'persons.csv'].filter((f) => lines.has(f));
  const target = Math.round(total * share);
  const step = Math.max(1, Math.floor(edited.reduce((a, f) => a + lines.get(f)!, 0) / target));
  let changed = 0;
  for (const f of csvs) {
    if (!edited.includes(f)) {
      fs.linkSync(path.join(src, f), path.join(dst, f));
      continue;
    }
    const out = fs.createWriteStream(path.join(dst, f));
    let n = -1;
    for await (const line of readline.createInterface({ input: fs.createReadStream(path.join(src, f)), crlfDelay: Infinity })) {
      n++;
      let text = line;
      if (n > 0 && n % step === 0 && changed < target) {
        const a = line.indexOf(',');
        const b = line.indexOf(',', a + 1);
        if (a > 0 && b > a + 1 && !line.slice(0, b).includes('"')) {
          text = `${line.slice(0, b)} Ändrad${line.slice(b)}`;
          changed++;
        }
      }
      if (!out.write(text + '\n')) await new Promise((r) => out.once('drain', r));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
  return { changed, total };
}

async function countDataLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  }
  return n - 1;
}

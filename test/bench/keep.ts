/**
 * `npm run bench:keep`: copies the latest benchmark results (test/bench/results/latest/) over
 * the committed ones in test/bench/results/, to be reviewed and committed on purpose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KEPT_DIR, RESULTS_DIR } from './results-dir';

if (!fs.existsSync(RESULTS_DIR)) {
  process.stderr.write(`Inga nya resultat i ${RESULTS_DIR}: kör npm run bench först.\n`);
  process.exit(1);
}
for (const name of fs.readdirSync(RESULTS_DIR).filter((f) => /\.(json|md)$/.test(f)).sort()) {
  fs.copyFileSync(path.join(RESULTS_DIR, name), path.join(KEPT_DIR, name));
  process.stdout.write(`${name}\n`);
}

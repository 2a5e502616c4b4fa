/** Child process of the crash-consistency test: imports argv[3] into the store argv[2]. */
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';

const db = openDb(process.argv[2]!);
let announced = false;
const result = await importPath(db, process.argv[3]!, {
  onProgress: () => {
    if (!announced) process.stdout.write('writing\n');
    announced = true;
  },
});
db.close();
process.stdout.write(`done ${result.dataset_id}\n`);

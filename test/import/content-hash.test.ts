import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/import/importer';
import type { PlannedFile } from '../../src/import/plan';
import { tmpDir } from '../support/fixtures';

/** A dataset's identity (datasets.content_hash) must not change with how the files are read. */
describe('contentHash', () => {
  it('is SHA-256 over each file (by label) as lower-case label, NUL, bytes, NUL, across read buffers', async () => {
    const dir = tmpDir();
    // Sizes around the 4 MB read buffer: within, exactly two, past two, and empty.
    const files: [string, Buffer][] = [
      ['Roles.csv', randomBytes((1 << 22) * 2 + 17)],
      ['companies.csv', randomBytes(1 << 23)],
      ['persons.csv', randomBytes(1000)],
      ['empty.csv', Buffer.alloc(0)],
    ];
    const planned: PlannedFile[] = files.map(([label, bytes]) => {
      fs.writeFileSync(path.join(dir, label), bytes);
      return { path: path.join(dir, label), label, format: 'csv', table: null };
    });
    const sha = () => {
      const h = createHash('sha256');
      for (const [label, bytes] of [...files].sort((x, y) => x[0].localeCompare(y[0]))) h.update(`${label.toLowerCase()}\0`).update(bytes).update('\0');
      return h.digest('hex');
    };
    const before = await contentHash(planned);
    expect(before).toBe(sha());
    // A changed byte in the second buffer of a file changes it.
    const roles = files[0]![1];
    roles.writeUInt8(roles.readUInt8((1 << 22) + 5) ^ 1, (1 << 22) + 5);
    fs.writeFileSync(planned[0]!.path, roles);
    const after = await contentHash(planned);
    expect(after).toBe(sha());
    expect(after).not.toBe(before);
  });
});

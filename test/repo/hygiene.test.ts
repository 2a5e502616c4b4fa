import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/samples';

/** The clone is self-sufficient: README examples name paths in it, and no test reaches outside it. */

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('repository hygiene', () => {
  it('every repository path in the README’s code examples exists in the clone', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
    const paths = [...blocks.matchAll(/(?:^|\s)((?:\.\.\/|\.\/)?(?:data|test|src|renderer|electron)\/[\w./-]+)/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p.startsWith('../'), `${p} lies outside the clone`).toBe(false);
      expect(fs.existsSync(path.join(REPO_ROOT, p)), `${p} missing`).toBe(true);
    }
  });

  it('no test reads from outside the repository (../shared, absolute work paths)', () => {
    const offenders = trackedFiles()
      .filter((f) => f.startsWith('test/') && /\.(ts|tsx|mjs)$/.test(f) && f !== 'test/repo/hygiene.test.ts')
      .filter((f) => /\.\.\/shared|\/work\/(shared|main)|SHARED_DIR/.test(fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('tests and benchmarks write their output to git-ignored folders', async () => {
    const { SCREENSHOT_DIR } = await import('../e2e/support/browser');
    const { RESULTS_DIR } = await import('../bench/results-dir');
    for (const dir of [SCREENSHOT_DIR, RESULTS_DIR]) {
      const probe = path.relative(REPO_ROOT, path.join(dir, 'probe.png'));
      expect(() => execFileSync('git', ['check-ignore', '-q', probe], { cwd: REPO_ROOT }), probe).not.toThrow();
    }
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_OUT } from '../../electron/build.mjs';
import { CLI_BIN } from '../support/cli';

/** Issue 10.3: the shipped CLI is compiled JavaScript whose start-up reads no heavy module. */

/** Bare module names the file imports statically, following its relative chunk imports. */
function staticImports(dir: string, entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const src = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?["']([^"']+)["'];?/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('./')) visit(spec.slice(2));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('compiled CLI (dist/app)', () => {
  it('package.json bin points at the compiled entry, which is JavaScript with a node hashbang', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { bin: Record<string, string>; dependencies: Record<string, string> };
    expect(path.resolve(pkg.bin.insyn!)).toBe(CLI_BIN);
    expect(fs.readFileSync(CLI_BIN, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    // Nothing compiles TypeScript at run time.
    expect(pkg.dependencies.tsx).toBeUndefined();
  });

  it('start-up loads commander and Node built-ins only: no SQLite, graph, xlsx, zod or search index', () => {
    const { packages } = staticImports(APP_OUT, 'insyn.js');
    const external = [...packages].filter((p) => !p.startsWith('node:'));
    expect(external).toEqual(['commander']);
    for (const heavy of ['better-sqlite3', 'graphology', 'exceljs', 'zod', 'minisearch', 'tsx']) expect(packages.has(heavy)).toBe(false);
  });

  it('--help lists every command and exits 0', () => {
    const r = spawnSync(process.execPath, [CLI_BIN, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const c of ['import', 'analyze', 'show', 'export', 'demo-data', 'audit', 'serve']) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
  });

  it('worker entries are compiled beside the chunks that start them', () => {
    for (const w of ['worker.js', 'start.js']) expect(fs.existsSync(path.join(APP_OUT, w)), w).toBe(true);
    const js = fs.readdirSync(APP_OUT).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(APP_OUT, f), 'utf8')).join('\n');
    expect(js).not.toMatch(/from ["']tsx/);
  });
});

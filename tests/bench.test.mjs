// bench.test.mjs — the benchmarks that are cheap to run do run to their
// end. `npm run bench` (bench/run.mjs) imports every bench/*-bench.mjs in
// turn, so one that throws stops every one after it. This times nothing:
// BENCH_N asks for a few calls per round, so the numbers mean nothing here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('bench/lint-bench.mjs runs to its end and prints a number in each row: native (it links), the wasm call alone (lint.wasm, the third module), the glue', () => {
  const out = execFileSync(process.execPath, ['bench/lint-bench.mjs'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_N: '20' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const row of ['native hs_lint_run', 'wasm export alone', 'hs.lint(response) ', 'hs.lint(response, { request })', 'hs.parseRequest of a 10-field request']) {
    const line = out.split('\n').find((l) => l.includes(row));
    assert.match(line ?? '', /\s\d+\.\d\d$/, `a number for ${row}:\n${out}`);
  }
});

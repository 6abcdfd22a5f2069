// readme-cli.test.mjs — runs every command line example of the README's
// "The command line" section (between the cli-examples markers) and checks
// its output: `$ ` lines are run by bash with `http-status` on the PATH, the
// lines after them are the expected output, and each must exit 0. They run
// in an empty temporary folder. A `…` line stands for any lines;
// Date fields may differ. `http-status serve --port 8080` starts a server on
// a free port instead, and later commands talk to that port.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cliEnv, startServe } from './lib/cli.mjs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('<!-- cli-examples -->'), readme.indexOf('<!-- /cli-examples -->'));
const blocks = [...section.matchAll(/```console\n([^]*?)```/g)].map((m) => m[1]);
const shim = mkdtempSync(join(tmpdir(), 'hs-readme-'));
const work = mkdtempSync(join(tmpdir(), 'hs-readme-cwd-')); // where the examples run (and write files)
writeFileSync(join(shim, 'http-status'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(shim, 'http-status'), 0o755);
const servers = [];
after(async () => {
  for (const s of servers) await s.stop();
});

/** The examples of a block: [{ command, expected: [lines] }]. */
function examples(block) {
  const out = [];
  for (const line of block.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('$ ')) out.push({ command: line.slice(2), expected: [] });
    else out.at(-1).expected.push(line);
  }
  return out;
}

/** Checks actual lines against expected ones, where `…` matches any run of lines. */
function matches(actual, expected) {
  const norm = (l) => l.replace(/^(\s*)Date: .*$/, '$1Date: *');
  const go = (a, e) => {
    if (e === expected.length) return a === actual.length;
    if (expected[e] === '…') {
      for (let k = a; k <= actual.length; k++) if (go(k, e + 1)) return true;
      return false;
    }
    return a < actual.length && norm(actual[a]) === norm(expected[e]) && go(a + 1, e + 1);
  };
  return go(0, 0);
}

test('the README has command line examples', () => {
  assert.ok(blocks.length >= 3);
  const all = blocks.flatMap(examples);
  for (const cmd of ['http-status 1xx', 'http-status "not found" --lang ko', 'http-status teapot --json', 'http-status send', 'http-status lint', 'http-status lint --url', 'http-status serve']) {
    assert.ok(all.some((x) => x.command.includes(cmd)), cmd);
  }
});

let port = null;
for (const [i, block] of blocks.entries()) {
  for (const { command, expected } of examples(block)) {
    test(`README block ${i + 1}: ${command}`, async () => {
      const serve = /^http-status serve --port (\d+)$/.exec(command);
      if (serve) {
        const s = await startServe();
        servers.push(s);
        port = s.port;
        assert.ok(matches(s.stdout().trim().split('\n'), expected.map((l) => l.replace(`:${serve[1]}/`, `:${port}/`))), s.stdout());
        return;
      }
      const cmd = port ? command.replaceAll(':8080', `:${port}`) : command;
      const want = port ? expected.map((l) => l.replaceAll(':8080', `:${port}`)) : expected;
      const out = execFileSync('bash', ['-c', cmd], { cwd: work, env: cliEnv({ PATH: `${shim}:${process.env.PATH}` }), encoding: 'utf8', timeout: 20000 });
      const lines = out ? out.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n') : [];
      assert.ok(matches(lines, want), `output of ${cmd}:\n${out}`);
    });
  }
}

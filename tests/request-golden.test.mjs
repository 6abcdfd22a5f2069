// request-golden.test.mjs — parseRequest and parseRequests give, for every
// case of tests/lib/request-corpus.mjs (the request vectors of tests/data/,
// the fuzz corpus and seeded mutations of them: ASCII, other UTF-8, lone
// surrogates, any byte, every shape of options, inputs past the buffer),
// exactly what the glue gave before its fast paths: the same keys in the
// same order, the same values and types, the same thrown errors. Each
// result's digest is in tests/data/request-golden.txt, written from the
// engine of 4026ee6 (before the fast paths) with
//   node tests/request-golden.test.mjs --write [path/to/web/engine.js]
// Write it again only when a change of output is meant, and say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { requestCases, resultDigest } from './lib/request-corpus.mjs';

const GOLDEN = new URL('./data/request-golden.txt', import.meta.url);
const HEADER = `# request-golden.txt — the digest (the first 10 hex digits of a sha256) of
# each parseRequest / parseRequests result of tests/lib/request-corpus.mjs,
# one a line in the corpus's order; read by tests/request-golden.test.mjs,
# which says how it was written.
`;

const at = process.argv.indexOf('--write');
if (at >= 0) {
  const source = process.argv[at + 1] ? pathToFileURL(process.argv[at + 1]).href : '../web/engine.js';
  const hs = await (await import(source)).load();
  const lines = requestCases().map((c) => resultDigest(hs, c));
  writeFileSync(GOLDEN, `${HEADER}${lines.join('\n')}\n`);
  console.log(`wrote ${lines.length} digests from ${source}`);
} else {
  const { load } = await import('../web/engine.js');
  const hs = await load();

  test('parseRequest and parseRequests give what they gave before the fast paths, case by case', () => {
    const golden = readFileSync(GOLDEN, 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    const cases = requestCases();
    assert.equal(golden.length, cases.length, 'a digest for every case');
    const differ = cases.filter((c, i) => resultDigest(hs, c) !== golden[i]);
    assert.deepEqual(differ.slice(0, 5).map((c) => c.id), [], `${differ.length} of ${cases.length} results differ`);
  });

  test('the corpus holds what it should compare: non-ASCII text, bytes, errors, pipelines, inputs past the buffer', () => {
    const cases = requestCases();
    const kinds = {
      utf8: cases.filter((c) => typeof c.input === 'string' && /[^\x00-\x7f]/.test(c.input)).length,
      surrogate: cases.filter((c) => typeof c.input === 'string' && /[\ud800-\udfff]/.test(c.input)).length,
      bytes: cases.filter((c) => c.input instanceof Uint8Array).length,
      ok: cases.filter((c) => c.call === 'parseRequest' && hs.parseRequest(c.input, c.options).ok).length,
      rejected: cases.filter((c) => c.call === 'parseRequest' && hs.parseRequest(c.input, c.options).error?.status >= 400).length,
      pipelined: cases.filter((c) => c.call === 'parseRequests' && hs.parseRequests(c.input, c.options).length > 1).length,
      options: cases.filter((c) => c.options !== undefined).length,
      big: cases.filter((c) => c.input.length > hs.inputCapacity).length,
    };
    const least = { utf8: 200, surrogate: 20, bytes: 1000, ok: 200, rejected: 500, pipelined: 40, options: 1000, big: 8 };
    for (const [k, n] of Object.entries(kinds)) assert.ok(n >= least[k], `${k}: ${n} cases, fewer than ${least[k]}`);
  });
}

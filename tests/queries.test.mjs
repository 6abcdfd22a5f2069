// queries.test.mjs — what people type into the search box, and the code
// that must answer: every row of tests/data/search-queries.tsv through the
// wasm engine, plus the rules of ranking that a row cannot state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { load } from '../web/engine.js';

const hs = await load();

const rows = readFileSync(new URL('./data/search-queries.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [query, code, within, why] = line.split('\t');
    return { query, code: Number(code), within: Number(within), why };
  });

test('search-queries.tsv: at least 80 rows, English and Korean, each well formed', () => {
  assert.ok(rows.length >= 80, `${rows.length} rows`);
  assert.ok(rows.filter((r) => /[\uAC00-\uD7A3]/.test(r.query)).length >= 25, 'Korean rows');
  for (const r of rows) {
    assert.ok(hs.lookup(r.code)?.registry !== 'unassigned', `${r.query}: ${r.code} is a known code`);
    assert.ok(r.within === 1 || r.within === 3, `${r.query}: within is 1 or 3`);
    assert.ok(r.why, `${r.query}: says why`);
  }
});

for (const r of rows) {
  test(`search: ${JSON.stringify(r.query)} -> ${r.code}${r.within === 1 ? ' first' : ' in the first three'} (${r.why})`, () => {
    const res = hs.query(r.query);
    assert.ok(res.matches, `${r.query}: ${JSON.stringify(res.error)}`);
    const at = res.matches.indexOf(r.code);
    assert.ok(at >= 0 && at < r.within, `${r.query}: ${r.code} at ${at} in [${res.matches.slice(0, 6)}]`);
  });
}

test('search: a code among words is read as that code', () => {
  assert.deepEqual(hs.query('error 404'), { kind: 'code', matches: [404] });
  assert.deepEqual(hs.query('status code 503 from the gateway'), { kind: 'code', matches: [503] });
  assert.deepEqual(hs.query('404 or 410').matches, [404, 410], 'two codes: both, in order');
  assert.equal(hs.query('error 600').error.code, 'range', 'a three-digit number that is no code');
  assert.equal(hs.query('HTTP/1.1 ok').error.code, 'statusline', 'HTTP/ is still a status line');
});

test('search: digits glued to a word are a code only when the word is a filler or names that code', () => {
  for (const q of ['x509', 'sha256', 'h264', '404gone', 'abc600', 'mp3']) assert.equal(hs.query(q).error?.code, 'nomatch', q);
  assert.deepEqual(hs.query('status404notfound'), { kind: 'code', matches: [404] });
});

test('search: a section alone lists the codes defined there', () => {
  assert.deepEqual(hs.query('15.5.5'), { kind: 'rfc', matches: [404] });
  const sec = hs.query('§15.4').matches;
  assert.deepEqual(sec, [300, 301, 302, 303, 304, 305, 306, 307, 308]);
  assert.deepEqual(hs.query('rfc9110#section-15.6').matches, hs.codes().filter((c) => c >= 500 && hs.lookup(c).reference?.doc === 'RFC9110'));
});

test('search: a class name gives the whole class, best known first', () => {
  const cls = hs.query('client error');
  assert.equal(cls.kind, 'class');
  assert.deepEqual([...cls.matches].sort((a, b) => a - b), hs.codes().filter((c) => c >= 400 && c < 500));
  assert.deepEqual(hs.query('서버 오류').matches.slice(0, 4), [500, 503, 502, 504]);
});

test('search: every unofficial or alternative meaning ranks below the registered meanings that match as well', () => {
  for (const q of ['redirect', 'rate limit', 'login', 'unavailable', 'unauthorized', 'too large']) {
    const m = hs.query(q).matches;
    const firstUnofficial = m.findIndex((c) => hs.lookup(c).registry === 'unofficial' || hs.lookup(c).otherMeanings.length);
    const lastRegistered = m.findLastIndex((c) => hs.lookup(c).registry !== 'unofficial' && [302, 429, 401, 503, 413].includes(c));
    assert.ok(lastRegistered < firstUnofficial || firstUnofficial < 0 || hs.lookup(m[0]).registry !== 'unofficial', `${q}: [${m.slice(0, 6)}]`);
    assert.notEqual(hs.lookup(m[0]).registry, 'unofficial', `${q}: ${m[0]} first`);
  }
  assert.notEqual(hs.query('redirect').matches[0], 451);
});

test('search: a piece inside a word is never taken for the start of one', () => {
  const m = hs.query('auth').matches;
  assert.ok(m.indexOf(203) > m.indexOf(401) && m.indexOf(203) > m.indexOf(407), `auth: [${m.slice(0, 6)}]`);
});

test('search: the README examples of hs.query', () => {
  assert.deepEqual(hs.query('http error 404'), { kind: 'code', matches: [404] });
  assert.deepEqual(hs.query('§15.5.5'), { kind: 'rfc', matches: [404] });
  assert.equal(hs.query('client error').kind, 'class');
  assert.equal(hs.query('client error').matches[0], 404);
  assert.equal(hs.query('forbiden').matches[0], 403);
  assert.deepEqual(hs.query('rate limit').matches, [429, 420]);
  assert.equal(hs.query('요청 제한').matches[0], 429);
  assert.deepEqual(hs.query('error404').matches, [404]);
  assert.equal(hs.query('x509').error.code, 'nomatch');
});

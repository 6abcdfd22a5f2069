// registry.test.mjs — the status registry and the query reader, through the wasm engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUS_CODES } from 'node:http';
import { load } from '../web/engine.js';
import { readCsv } from './lib/csv.mjs';

const hs = await load();
// IANA HTTP Status Code Registry, snapshot of 2025-09-15.
const iana = readCsv(new URL('./data/iana-status-codes-2025-09-15.csv', import.meta.url));
const unofficial = readCsv(new URL('./data/unofficial-status-codes.csv', import.meta.url));

const sentences = (s) => (s.match(/[.!?](?=\s|$)|다\.|[.](?=\s*$)/g) || []).length;

test('every row of the IANA snapshot is present with its exact registry data', () => {
  assert.equal(iana.length, 64);
  for (const row of iana) {
    const e = hs.lookup(Number(row.code));
    assert.ok(e, `${row.code} is known`);
    assert.deepEqual(e.iana, { description: row.phrase, reference: row.reference }, `${row.code} IANA row`);
    assert.notEqual(e.registry, 'unofficial', `${row.code} is registered`);
  }
});

test('registry kinds: temporary, unused, obsoleted, permanent', () => {
  const kinds = Object.fromEntries(iana.map((r) => [r.code, hs.lookup(Number(r.code)).registry]));
  assert.equal(kinds[104], 'temporary');
  assert.equal(kinds[306], 'unused');
  assert.equal(kinds[418], 'unused');
  assert.equal(kinds[510], 'obsoleted');
  const permanent = Object.entries(kinds).filter(([, k]) => k === 'permanent').map(([c]) => c);
  assert.equal(permanent.length, 60);
});

test('phrases are what a person expects; older wordings are aliases', () => {
  assert.equal(hs.lookup(413).phrase, 'Content Too Large');
  assert.deepEqual(hs.lookup(413).aliases, ['Payload Too Large', 'Request Entity Too Large']);
  assert.equal(hs.lookup(422).phrase, 'Unprocessable Content');
  assert.ok(hs.lookup(422).aliases.includes('Unprocessable Entity'));
  assert.ok(hs.lookup(302).aliases.includes('Moved Temporarily'));
  assert.ok(hs.lookup(416).aliases.includes('Requested Range Not Satisfiable'));
  assert.ok(hs.lookup(414).aliases.includes('Request-URI Too Long'));
  assert.equal(hs.lookup(418).phrase, "I'm a teapot");
  assert.equal(hs.lookup(418).iana.description, '(Unused)');
  assert.equal(hs.lookup(306).phrase, '(Unused)');
  assert.ok(hs.lookup(306).aliases.includes('Switch Proxy'));
  assert.equal(hs.lookup(510).iana.description, 'Not Extended (OBSOLETED)');
  assert.equal(hs.lookup(510).phrase, 'Not Extended');
});

test('every unofficial row is known: as the code, an alias or another meaning, with its origin', () => {
  for (const row of unofficial) {
    const e = hs.lookup(Number(row.code));
    assert.ok(e, `${row.code} is known`);
    const all = [
      { phrase: e.phrase, origin: e.origin, registry: e.registry, aliases: e.aliases },
      ...e.otherMeanings,
    ];
    const hit = all.find((m) => m.phrase === row.phrase || (m.aliases || []).includes(row.phrase));
    assert.ok(hit, `${row.code} ${row.phrase} is listed`);
    assert.ok(hit.origin, `${row.code} ${row.phrase} says where it comes from`);
    if (!iana.some((r) => r.code === row.code)) assert.equal(e.registry, 'unofficial', `${row.code} is unofficial`);
  }
});

test('a number with several meanings keeps them all, best-known first', () => {
  const other = (c) => hs.lookup(c).otherMeanings.map((m) => m.phrase);
  assert.equal(hs.lookup(103).phrase, 'Early Hints');
  assert.deepEqual(other(103), ['Checkpoint']);
  assert.equal(hs.lookup(308).phrase, 'Permanent Redirect');
  assert.deepEqual(other(308), ['Resume Incomplete']);
  assert.equal(hs.lookup(451).phrase, 'Unavailable For Legal Reasons');
  assert.deepEqual(other(451), ['Redirect']);
  assert.deepEqual(other(419), ['Insufficient Space on Resource']);
  assert.deepEqual(other(420), ['Method Failure']);
  assert.deepEqual(other(499), ['Token Required']);
  assert.deepEqual(other(530), ['Site is frozen']);
  for (const m of hs.lookup(530).otherMeanings) {
    assert.equal(m.registry, 'unofficial');
    assert.ok(m.description.en && m.description.ko);
  }
  assert.deepEqual(other(404), []);
});

test('an unassigned code in range is described, not an error', () => {
  const e = hs.lookup(299);
  assert.equal(e.registry, 'unassigned');
  assert.equal(e.class, 2);
  assert.equal(e.treatedAs, 200);
  assert.match(e.description.en, /treat it as 200/);
  assert.match(e.description.ko, /200/);
  assert.equal(e.reference.section, '15');
  assert.equal(hs.lookup(599).registry, 'unofficial');
  assert.equal(hs.lookup(100 + 50).treatedAs, 100);
});

test('lookup returns null for anything that is not a code, and never throws', () => {
  for (const bad of [99, 600, 1000, -404, 0, 404.5, NaN, Infinity, '404x', 'abc', null, undefined, {}, [], 404n]) {
    assert.equal(hs.lookup(bad), null, String(bad));
  }
  assert.equal(hs.lookup('404').code, 404, 'a numeric string is accepted');
});

test('class and class name', () => {
  for (const c of hs.codes()) {
    const e = hs.lookup(c);
    assert.equal(e.class, Math.floor(c / 100));
  }
  assert.deepEqual(hs.lookup(404).className, { en: 'Client Error', ko: '클라이언트 오류' });
  assert.deepEqual(hs.lookup(503).className, { en: 'Server Error', ko: '서버 오류' });
});

test('references cite the RFC section with a link', () => {
  assert.deepEqual(hs.lookup(404).reference, {
    doc: 'RFC9110', section: '15.5.5', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5',
  });
  assert.equal(hs.lookup(451).reference.doc, 'RFC7725');
  assert.match(hs.lookup(104).reference.url, /datatracker\.ietf\.org\/doc\/html\/draft-ietf-httpbis-resumable-upload-05$/);
  assert.equal(hs.lookup(444).reference, null, 'nginx 444 has no defining document');
  for (const row of iana) {
    const e = hs.lookup(Number(row.code));
    const doc = row.reference.match(/\[(RFC\d+|draft-[\w-]+)/)[1];
    assert.equal(e.reference.doc, doc, `${row.code} cites ${doc}`);
    const sec = row.reference.match(/Section ([\d.]+)/);
    if (sec) assert.equal(e.reference.section, sec[1], `${row.code} cites its section`);
  }
});

test('interim and content rules (RFC 9110 §15, §6.4.1)', () => {
  for (const c of hs.codes()) {
    const e = hs.lookup(c);
    assert.equal(e.interim, c < 200, `${c} interim`);
    const noContent = c < 200 || c === 204 || c === 205 || c === 304;
    assert.equal(e.contentAllowed, !noContent, `${c} contentAllowed`);
  }
});

test('cacheable by default: exactly RFC 9110 §15.1 plus RFC 7725 451', () => {
  const cacheable = hs.codes().filter((c) => hs.lookup(c).cacheableByDefault);
  assert.deepEqual(cacheable, [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501]);
});

// required response fields: every row is pinned in registry-facts.test.mjs

test('redirects say how the method is treated on follow', () => {
  const m = (c) => hs.lookup(c).redirect?.method ?? null;
  assert.equal(m(301), 'post-may-become-get');
  assert.equal(m(302), 'post-may-become-get');
  assert.equal(m(303), 'get');
  assert.equal(m(307), 'preserved');
  assert.equal(m(308), 'preserved');
  assert.equal(m(300), null);
  assert.equal(m(304), null);
  assert.equal(m(200), null);
  assert.ok(hs.lookup(303).redirect.explain.ko);
});

test('every code has a Korean title and two to four sentences in each language', () => {
  for (const c of hs.codes()) {
    const e = hs.lookup(c);
    for (const m of [e, ...e.otherMeanings]) {
      const { en, ko } = m.description;
      const n = sentences(en);
      assert.ok(n >= 2 && n <= 4, `${c} ${m.phrase}: ${n} English sentences`);
      assert.match(ko, /[\uAC00-\uD7A3]/, `${c} Korean description is Korean`);
      assert.match(m.title.ko, /[\uAC00-\uD7A3]/, `${c} ${m.phrase} has a Korean title`);
      assert.notEqual(en, ko);
    }
  }
});

test("every code in Node's http.STATUS_CODES is known", () => {
  for (const c of Object.keys(STATUS_CODES).map(Number)) assert.ok(hs.lookup(c)?.name, `${c} ${STATUS_CODES[c]}`);
});

test('codes() lists every known code ascending, and the catalogue agrees', () => {
  const codes = hs.codes();
  assert.deepEqual(codes, [...codes].sort((a, b) => a - b));
  assert.equal(new Set(codes).size, codes.length);
  for (const row of iana) assert.ok(codes.includes(Number(row.code)));
  assert.deepEqual(hs.catalog().map((e) => e.code), codes);
  codes.push(1);
  assert.notEqual(hs.codes().length, codes.length, 'codes() returns a fresh array');
  for (const c of [404, 418, 509]) assert.equal(hs.phrase(c), hs.lookup(c).phrase);
  assert.equal(hs.phrase(299), undefined);
  assert.equal(hs.phrase(-1), undefined);
  assert.equal(hs.phrase('x'), undefined);
});

// ---- query ----------------------------------------------------------------

const first = (text) => hs.query(text).matches?.[0];

test('query: codes with or without white space', () => {
  assert.deepEqual(hs.query('404'), { kind: 'code', matches: [404] });
  assert.deepEqual(hs.query(' 404 ').matches, [404]);
  assert.deepEqual(hs.query('299').matches, [299], 'an unassigned code is still a code');
  assert.equal(first('404 not found'), 404);
});

test('query: ranges 4xx, 4XX, 4**, 40x, 4, 40', () => {
  const fours = hs.codes().filter((c) => c >= 400 && c < 500);
  for (const q of ['4xx', '4XX', '4**', '4??', '4']) assert.deepEqual(hs.query(q), { kind: 'range', matches: fours }, q);
  const forties = hs.codes().filter((c) => c >= 400 && c < 410);
  assert.deepEqual(hs.query('40x').matches, forties);
  assert.deepEqual(hs.query('40').matches, forties);
  assert.deepEqual(hs.query('x04').matches, [104, 204, 304, 404, 504]);
  assert.equal(hs.query('6xx').error.code, 'range');
});

test('query: phrases current and legacy, in any case, and partial words', () => {
  assert.equal(first('not found'), 404);
  assert.equal(first('NOT FOUND'), 404);
  assert.equal(first('payload too large'), 413);
  assert.equal(first('Request Entity Too Large'), 413);
  assert.equal(first('unprocessable entity'), 422);
  assert.equal(first('moved temporarily'), 302);
  assert.equal(first('teapot'), 418);
  assert.equal(first('switch proxy'), 306);
  assert.deepEqual(hs.query('gateway').matches.slice(0, 2).sort(), [502, 504], 'a word: both gateway codes first');
  assert.equal(first('enhance your calm'), 420);
  assert.equal(first('checkpoint'), 103, 'another meaning finds its code');
  assert.equal(hs.query('query').kind, 'text');
});

test('query: Korean', () => {
  assert.equal(first('찾을 수 없음'), 404);
  const perm = hs.query('권한').matches;
  assert.ok(perm.includes(401) && perm.includes(403), `권한 -> ${perm}`);
});

test('query: status lines', () => {
  assert.deepEqual(hs.query('HTTP/1.1 404 Not Found'), { kind: 'statusLine', matches: [404] });
  assert.deepEqual(hs.query('HTTP/2 404').matches, [404]);
  assert.deepEqual(hs.query('http/1.0 503 Service Unavailable').matches, [503]);
  assert.equal(hs.query('HTTP/1.1 ok').error.code, 'statusline');
});

test('query: RFCs and sections', () => {
  assert.deepEqual(hs.query('rfc 7725'), { kind: 'rfc', matches: [451] });
  assert.deepEqual(hs.query('RFC7725').matches, [451]);
  assert.deepEqual(hs.query('rfc 6585').matches, [428, 429, 431, 511]);
  assert.deepEqual(hs.query('rfc9110 15.4').matches, [300, 301, 302, 303, 304, 305, 306, 307, 308]);
  assert.deepEqual(hs.query('rfc 9110 §15.5.5').matches, [404]);
});

test('query: errors are objects with a message in both languages, never exceptions', () => {
  const cases = { '': 'empty', '   ': 'empty', '600': 'range', '1000': 'range', qzxqzv: 'nomatch', '<img src=x onerror=alert(1)>': 'nomatch' };
  for (const [q, code] of Object.entries(cases)) {
    const r = hs.query(q);
    assert.equal(r.error?.code, code, JSON.stringify(q));
    assert.ok(r.error.message.en && r.error.message.ko);
    assert.equal(r.matches, undefined);
  }
  assert.equal(hs.query('a'.repeat(300)).error.code, 'toolong');
  assert.equal(hs.query('a'.repeat(hs.inputCapacity + 1)).error.code, 'toolong', 'larger than the engine buffer');
  assert.equal(hs.query('한'.repeat(100)).error.code, 'toolong', 'the limit is in bytes');
  assert.equal(hs.query('\u0000\uFFFF\uD800').error.code, 'nomatch', 'lone surrogates and NUL are just text');
});

test('query: misuse throws a clear TypeError', () => {
  for (const bad of [404, null, undefined, {}, ['404']]) assert.throws(() => hs.query(bad), TypeError);
});

test('query: ranked, exact code first', () => {
  const r = hs.query('too large').matches;
  assert.equal(r[0], 413);
  assert.ok(r.indexOf(431) > 0 && r.includes(414));
  const u = hs.query('unauthorized').matches;
  assert.equal(u[0], 401, 'registered 401 before ELB 561');
  assert.ok(u.includes(561));
});

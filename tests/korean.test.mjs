// korean.test.mjs — Korean that reads as written by a Korean engineer: no
// fill-in particles (은(는), 을(를) ...) anywhere, and every particle after a
// filled-in value is the one its last sound takes. The particle rules live
// twice (C in core's expander, src/core/korean.c; JS in web/korean.js); both
// are held to tests/data/korean-finals.tsv here and in tests/c/test_core.c.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { load } from '../web/engine.js';
import { finalSound, particleFor, withParticle, fillTemplate } from '../web/korean.js';
import ko from '../web/ui-strings-ko.js';
import { cases } from './lib/lint-cases.mjs';

const hs = await load();
const root = new URL('../', import.meta.url);

// value<TAB>vowel|consonant|rieul, one a line ('#' starts a comment)
const finals = readFileSync(new URL('tests/data/korean-finals.tsv', root), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));

const FILL_IN = /[은는이가을를과와]\([은는이가을를과와]\)|\((?:으|으로|이|은|는|을|를|과|와)\)/u;
const PARTICLE = '(이라는|라는|이다|으로|은|는|이|가|을|를|과|와|로|다)';
// An ASCII word or number (what a template fills in) directly followed by a particle that ends the word.
// Quotes are read through ("pen"이라는); after a parenthesis the particle follows
// the word before it, so a value in parentheses is not checked.
const AFTER_VALUE = new RegExp(`([A-Za-z0-9][A-Za-z0-9/_.:\\-]*)(["']?)${PARTICLE}(?=[\\s.,:;)!?]|$)`, 'gu');

// A Hangul syllable and a particle that ends the word, where only one form
// can be right: 를/을, 은 (는 also ends verb forms such as 있는, so only 은
// after a vowel is caught: 사유 문구은), 와 (과 ends words such as 결과,
// 초과) and 으로/로 (경로 is a word, not 경 with 로).
const AFTER_HANGUL = /([가-힣])(를|을|은|와|으로|로)(?![가-힣])/gu;
const HANGUL_WORDS = new Set(['경로']);

// Checks one Korean text: no fill-in particle, and every particle after a
// value or a Korean word fits it.
function checkKorean(text, where) {
  assert.doesNotMatch(text, FILL_IN, `${where}: a fill-in particle in ${JSON.stringify(text)}`);
  assert.doesNotMatch(text, /\{\d(?::[^{}]{1,6})?\}/u, `${where}: a placeholder left unfilled in ${JSON.stringify(text)}`);
  for (const m of text.matchAll(AFTER_VALUE)) {
    const [, value, , p] = m;
    const want = particleFor(value, p);
    assert.equal(`${value}${p}`, `${value}${want}`, `${where}: ${JSON.stringify(text)}`);
  }
  for (const m of text.matchAll(AFTER_HANGUL)) {
    const [all, syllable, p] = m;
    if (!HANGUL_WORDS.has(all)) assert.equal(all, withParticle(syllable, p), `${where}: ${JSON.stringify(text)}`);
  }
}

// Checks that text addressed to a person is polite or a noun phrase: no
// sentence ends in the plain style (…한다, …이다), only …니다, …세요, …요.
function checkPolite(text, where) {
  assert.doesNotMatch(text, /(?<!니)다(?=[.)]|$)/u, `${where}: plain style where a person is addressed: ${JSON.stringify(text)}`);
}

test('the final-sound table: digits read in Korean, Latin words as engineers say them, Hangul by its batchim', () => {
  assert.ok(finals.length >= 60);
  for (const [value, sound] of finals) assert.equal(finalSound(value), sound, JSON.stringify(value));
});

test('particles after numbers, methods, paths and words', () => {
  const cases = {
    '404은': '404는', '404과': '404와', '503는': '503은', '503로': '503으로', '201으로': '201로', '200로': '200으로',
    '8과': '8과', '58와': '58과', '4와': '4와', '10가': '10이', '1000는': '1000은', 'GET를': 'GET을', 'POST을': 'POST를',
    'PUT는': 'PUT은', 'DELETE을': 'DELETE를', '/items/3는': '/items/3은', '/items/2은': '/items/2는', '/submit는': '/submit은',
    'json를': 'json을', 'HTML을': 'HTML을', 'html으로': 'html로', 'URL으로': 'URL로', 'API은': 'API는', '서버은': '서버는',
    '사람는': '사람은', '물으로': '물로', '"pen"라는': '"pen"이라는', '"name"라는': '"name"이라는',  '404이다': '404다', '503다': '503이다',
  };
  for (const [given, want] of Object.entries(cases)) {
    const [, value, p] = /^(.*?)(이라는|라는|이다|으로|[은는이가을를과와로다])$/u.exec(given);
    assert.equal(withParticle(value, p), want, given);
  }
  assert.equal(particleFor('x', '에서'), null, 'not a particle that varies');
  assert.equal(fillTemplate('{0:은} {1:으로} 간다. {2}', ['GET', '/a/1', 7]), 'GET은 /a/1로 간다. 7');
  assert.equal(fillTemplate('{3:은}', ['a']), '{3:은}', 'a missing argument stays as written');
});

// Every text file the project ships or builds from.
function* sources(dir) {
  for (const name of readdirSync(new URL(dir, root))) {
    const rel = `${dir}${name}`;
    if (statSync(new URL(rel, root)).isDirectory()) yield* sources(`${rel}/`);
    else if (/\.(c|h|def|js|mjs|html|md)$/.test(name) && !/status-codes\.js$/.test(name)) yield rel;
  }
}

test('no source has a fill-in particle or a particle written straight after a placeholder', () => {
  const files = [...sources('src/'), ...sources('web/'), ...sources('bin/'), ...sources('scripts/'), 'README.md'];
  assert.ok(files.length > 20);
  const afterC = new RegExp(`\\{\\d\\}${PARTICLE}`, 'u');          // {0}을 in a C or .def template
  const afterJs = new RegExp(`\\$\\{[^}]+\\}${PARTICLE}`, 'u');     // ${code}을 in a JS template literal
  for (const f of files) {
    const lines = readFileSync(new URL(f, root), 'utf8').split('\n');
    lines.forEach((line, i) => {
      assert.doesNotMatch(line, FILL_IN, `${f}:${i + 1}`);
      assert.doesNotMatch(line, afterC, `${f}:${i + 1}: use {N:은} or a fixed noun after the placeholder`);
      assert.doesNotMatch(line, afterJs, `${f}:${i + 1}: use withParticle() or a fixed noun after the value`);
    });
  }
});

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'BREW', 'get', 'PROPFIND', 'MKCOL', 'LOCK'];
const PATHS = ['/', '/items', '/items/1', '/items/2', '/items/3', '/items/4', '/items/5', '/items/6', '/items/7', '/items/8',
  '/items/9', '/items/10', '/items/11', '/items/404', '/jobs', '/jobs/1', '/jobs/8', '/submit', '/profile', '/admin', '/nothing',
  '/chat', '/success', '/form', '/found', '/moved-permanently', '/permanent-redirect', '/temporary-redirect', '/proxy',
  '/process?fail=1', '/status/100', '/status/201', '/status/404', '/status/503', '/status/418', '/status/308', '/status/226'];

// Every Korean sentence one exchange shows: the trace, the error body, the client's next step.
function checkExchange(x, where) {
  for (const t of x.trace) checkKorean(t.detail.ko, `${where} trace ${t.step}`);
  if (/^application\/problem\+json/.test(x.response.headers.find(([n]) => n === 'Content-Type')?.[1] || '')) {
    checkKorean(x.response.body, `${where} body`);
    // the application's own error bodies speak to the client politely (a
    // request the parser refused carries the parser's reason, as the trace does)
    if (x.request?.method && x.response.body) checkPolite(JSON.parse(x.response.body).detail, `${where} body`);
  }
  const next = hs.followUp(x);
  if (next?.explanation) checkKorean(next.explanation.ko, `${where} follow-up`);
}

test('every Korean trace, error body and follow-up, expanded with many methods, paths and codes', () => {
  let n = 0;
  for (const { code } of hs.exampleCodes()) {
    const ex = hs.example(code);
    checkKorean(ex.explanation.ko, `example ${code}`);
    for (const x of hs.simulate(ex.request, { state: ex.setup }).exchanges) { checkExchange(x, `example ${code}`); n++; }
  }
  for (const m of METHODS) for (const p of PATHS) {
    hs.resetServer();
    const body = m === 'POST' || m === 'PUT' ? '{"name":"pen"}' : '';
    const req = `${m} ${p} HTTP/1.1\r\nHost: api.example\r\nAuthorization: Bearer user-token\r\nExpect: 100-continue\r\n`
      + (body ? `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n` : '') + `\r\n${body}`;
    for (const x of hs.simulate(req).exchanges) { checkExchange(x, `${m} ${p}`); n++; }
  }
  hs.resetServer();
  assert.ok(n > 400, `${n} exchanges read`);
});

test('every Korean UI string, filled with many values', () => {
  const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 200, 201, 404, 503, 1000, 'GET /a HTTP/1.1', 'POST', '/items/7'];
  for (const [key, s] of Object.entries(ko)) {
    for (const text of typeof s === 'function' ? values.map((v) => s(v, v, v)) : [s]) {
      checkKorean(text, `ui ${key}`);
      checkPolite(text, `ui ${key}`);
    }
  }
});

test('every lint message and fix, filled in by the case of each rule; fixes are polite', () => {
  let n = 0;
  for (const [rule, [bad]] of Object.entries(cases)) {
    const r = Array.isArray(bad) ? hs.lint(bad[0], { request: bad[1], lang: 'ko' }) : hs.lint(bad, { lang: 'ko' });
    const found = r.findings.filter((f) => f.rule === rule);
    assert.ok(found.length || r.response.error, rule);
    for (const f of r.findings) {
      checkKorean(f.message.ko, `lint ${f.rule} message`);
      checkKorean(f.fix.ko, `lint ${f.rule} fix`);
      checkPolite(f.fix.ko, `lint ${f.rule} fix`);
      n++;
    }
    if (r.response.error) checkKorean(r.response.error.message.ko, `lint ${rule} error`);
  }
  for (const r of hs.lintRules()) checkPolite(r.fix.ko, `lint rule ${r.rule} fix`);
  assert.ok(n > 50, `${n} findings read`);
});

test('descriptions, titles, parser reasons and engine errors have no fill-in particle', () => {
  for (const c of [...hs.codes(), 150, 299, 350, 477, 555]) {
    const e = hs.lookup(c);
    for (const m of [e, ...e.otherMeanings]) {
      checkKorean(m.description.ko, `${c} description`);
      checkKorean(m.title.ko, `${c} title`);
    }
    for (const f of e.requiredFields) checkKorean(f.when.ko, `${c} ${f.field}`);
    if (e.redirect) checkKorean(e.redirect.explain.ko, `${c} redirect`);
  }
  for (const r of hs.requestReasons) checkKorean(r.text.ko, `reason ${r.name}`);
  for (const q of ['', '600', 'qzxqzv', 'HTTP/1.1 ok']) {
    checkKorean(hs.query(q).error.message.ko, `query ${q}`);
    checkPolite(hs.query(q).error.message.ko, `query ${q}`);
  }
});

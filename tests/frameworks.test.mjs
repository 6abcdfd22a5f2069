// frameworks.test.mjs — what each framework calls a code and the phrase it
// sends (src/registry/frameworks.def, written by scripts/read-frameworks.py
// from each framework's own source): lookup(c).frameworks, the facts the
// issue names, Node's rows against the running Node, every symbol found by
// query(), and the table reproduced from the sources where they are present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATUS_CODES } from 'node:http';
import { load } from '../web/engine.js';

const hs = await load();
const root = new URL('../', import.meta.url);
const IDS = ['node', 'python', 'werkzeug', 'django', 'go', 'spring', 'rack', 'rust', 'nginx'];
const fw = (code, id) => hs.lookup(code).frameworks.find((f) => f.id === id);

test('every code has one entry per framework, each naming the source and version it was read from', () => {
  for (const c of hs.codes()) {
    const list = hs.lookup(c).frameworks;
    assert.deepEqual(list.map((f) => f.id), IDS, `${c}`);
    for (const f of list) {
      assert.match(f.source, /\d+\.\d+/, `${f.id} names a version`);
      assert.equal(typeof f.listed, 'boolean');
      if (!f.listed) assert.equal(f.symbol, null, `${c} ${f.id}: no symbol for a code it does not list`);
    }
  }
  assert.ok(Object.isFrozen(hs.lookup(404).frameworks[0]));
});

test('the frameworks disagree where the issue says: 413, Werkzeug capitals and UNKNOWN, Go for an unlisted code', () => {
  assert.equal(fw(413, 'node').phrase, 'Payload Too Large');
  assert.equal(fw(413, 'go').phrase, 'Request Entity Too Large');
  assert.equal(fw(413, 'go').symbol, 'http.StatusRequestEntityTooLarge');
  assert.equal(fw(413, 'python').phrase, 'Content Too Large');
  assert.equal(fw(413, 'python').symbol, 'HTTPStatus.CONTENT_TOO_LARGE');
  assert.equal(fw(413, 'werkzeug').phrase, 'REQUEST ENTITY TOO LARGE');
  assert.equal(fw(404, 'werkzeug').phrase, 'NOT FOUND');
  assert.deepEqual([fw(299, 'werkzeug').phrase, fw(299, 'werkzeug').listed], ['UNKNOWN', false]);
  assert.equal(fw(299, 'go').phrase, 'status code 299');
  assert.equal(fw(299, 'node').phrase, 'unknown');
  assert.equal(fw(299, 'django').phrase, 'Unknown Status Code');
  assert.equal(fw(404, 'django').symbol, 'status.HTTP_404_NOT_FOUND');
  assert.equal(fw(306, 'django').phrase, 'Unknown Status Code', 'Python 3.11 has no 306 phrase');
  assert.equal(fw(422, 'rack').symbol, ':unprocessable_entity');
  assert.equal(fw(404, 'rack').symbol, ':not_found');
  assert.equal(fw(418, 'rust').symbol, 'StatusCode::IM_A_TEAPOT');
  assert.equal(fw(418, 'spring').symbol, 'HttpStatus.I_AM_A_TEAPOT');
  assert.deepEqual([fw(103, 'spring').symbol, fw(103, 'spring').phrase], ['HttpStatus.CHECKPOINT', 'Checkpoint']);
  assert.deepEqual([fw(302, 'nginx').symbol, fw(302, 'nginx').phrase], ['NGX_HTTP_MOVED_TEMPORARILY', 'Moved Temporarily']);
  assert.deepEqual([fw(444, 'nginx').symbol, fw(444, 'nginx').phrase], ['NGX_HTTP_CLOSE', null], 'a constant without a status line');
  assert.equal(fw(418, 'node').phrase, "I'm a Teapot");
  assert.equal(fw(404, 'node').symbol, null, 'Node keys its table by number');
});

test('the registered codes each framework lists', () => {
  const iana = hs.codes().filter((c) => ['permanent', 'temporary'].includes(hs.lookup(c).registry));
  assert.ok(iana.length >= 60);
  // 104 (Upload Resumption Supported, registered 2024) is newer than every source read
  for (const id of ['node', 'python', 'werkzeug', 'django', 'go', 'rack']) {
    const missing = iana.filter((c) => !fw(c, id).listed);
    assert.deepEqual(missing, [104], `${id} lists every registered code but 104`);
  }
  for (const id of IDS) {
    const listed = iana.filter((c) => fw(c, id).listed).length;
    assert.ok(listed >= (id === 'nginx' ? 30 : 55), `${id}: ${listed} registered codes listed`);
  }
});

test('Node rows are what the running Node sends, when it is the Node they were read from', (t) => {
  if (!fw(200, 'node').source.includes(process.version)) return t.skip(`table read from another Node than ${process.version}`);
  for (const c of hs.codes()) {
    const f = fw(c, 'node');
    assert.equal(f.listed, c in STATUS_CODES, `${c}`);
    if (c in STATUS_CODES) assert.equal(f.phrase, STATUS_CODES[c], `${c}`);
  }
});

test('query finds every code by each of its framework constants (in the first three)', () => {
  let n = 0;
  for (const c of hs.codes()) {
    for (const f of hs.lookup(c).frameworks) {
      if (!f.symbol) continue;
      const m = hs.query(f.symbol).matches || [];
      assert.ok(m.slice(0, 3).includes(c), `${f.symbol} → ${m.slice(0, 3)} (want ${c})`);
      n++;
    }
  }
  assert.ok(n > 400, `${n} symbols`);
  assert.deepEqual(hs.query('StatusNotFound').matches, [404]);
  assert.deepEqual(hs.query('HTTP_404_NOT_FOUND'), { kind: 'code', matches: [404] });
  assert.equal(hs.query(':unprocessable_entity').matches[0], 422);
});

test('scripts/read-frameworks.py reproduces frameworks.def from the sources, where they are on this machine', (t) => {
  const debs = process.env.DEBS || '/tmp/debs';
  if (!existsSync(`${debs}/x`) || !existsSync(`${debs}/y`) || !existsSync(`${debs}/sp`)) return t.skip(`the unpacked sources are not under ${debs}`);
  const dir = mkdtempSync(join(tmpdir(), 'fw-'));
  for (const f of ['scripts/read-frameworks.py', 'scripts/frameworks.def.head', 'src/registry/status.def']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    copyFileSync(new URL(f, root), join(dir, f));
  }
  execFileSync('python3', [join(dir, 'scripts/read-frameworks.py')], { env: { ...process.env, DEBS: debs }, stdio: ['ignore', 'ignore', 'ignore'] });
  assert.equal(readFileSync(join(dir, 'src/registry/frameworks.def'), 'utf8'), readFileSync(new URL('src/registry/frameworks.def', root), 'utf8'));
});

test('the README examples of frameworks', () => {
  const go = hs.lookup(413).frameworks[4];
  assert.deepEqual({ ...go, source: undefined }, { id: 'go', name: 'Go', symbol: 'http.StatusRequestEntityTooLarge', phrase: 'Request Entity Too Large', listed: true, source: undefined });
  assert.deepEqual(hs.query('StatusNotFound').matches, [404]);
  assert.equal(hs.query(':unprocessable_entity').matches[0], 422);
});

// frameworks.test.mjs — what each framework calls a code and the phrase it
// sends (src/registry/frameworks.def, written by scripts/read-frameworks.py
// from each framework's own source): lookup(c).frameworks, the facts the
// issue names, Node's rows against the running Node, ASP.NET Core's rows
// against the table saved from its repository, every symbol found by query(),
// and the table reproduced from the sources where they are present.
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
const IDS = ['node', 'python', 'werkzeug', 'django', 'go', 'spring', 'aspnet', 'rack', 'rust', 'nginx'];
const fw = (code, id) => hs.lookup(code).frameworks.find((f) => f.id === id);

// scripts/sources/aspnetcore.tsv: the header's source lines and one row per code
const aspTsv = readFileSync(new URL('scripts/sources/aspnetcore.tsv', root), 'utf8').split('\n');
const aspRows = aspTsv.filter((l) => /^\d{3}\t/.test(l)).map((l) => {
  const [code, constant, other, phrase] = l.split('\t');
  return { code: Number(code), constant, other: other ? other.split(',') : [], phrase };
});

test('every code has one entry per framework, each naming the source and version it was read from', () => {
  for (const c of hs.codes()) {
    const list = hs.lookup(c).frameworks;
    assert.deepEqual(list.map((f) => f.id), IDS, `${c}`);
    for (const f of list) {
      assert.match(f.source, f.id === 'aspnet' ? /at commits [0-9a-f]{7}(, [0-9a-f]{7})*/ : /\d+\.\d+/,
        `${f.id} names a version (ASP.NET Core: the commits read)`);
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

test('ASP.NET Core: StatusCodes constants and the phrase Kestrel sends, an empty one for a code it does not list', () => {
  assert.deepEqual([fw(413, 'aspnet').symbol, fw(413, 'aspnet').phrase], ['StatusCodes.Status413PayloadTooLarge', 'Payload Too Large']);
  assert.deepEqual([fw(404, 'aspnet').symbol, fw(404, 'aspnet').phrase], ['StatusCodes.Status404NotFound', 'Not Found']);
  assert.deepEqual([fw(200, 'aspnet').symbol, fw(226, 'aspnet').symbol], ['StatusCodes.Status200OK', 'StatusCodes.Status226IMUsed']);
  assert.deepEqual([fw(422, 'aspnet').symbol, fw(422, 'aspnet').phrase], ['StatusCodes.Status422UnprocessableEntity', 'Unprocessable Entity']);
  assert.equal(fw(505, 'aspnet').symbol, 'StatusCodes.Status505HttpVersionNotsupported', 'the small s is ASP.NET Core\'s own');
  assert.equal(fw(306, 'aspnet').phrase, 'Switch Proxy');
  assert.deepEqual([fw(419, 'aspnet').symbol, fw(419, 'aspnet').phrase], ['StatusCodes.Status419AuthenticationTimeout', 'Authentication Timeout']);
  assert.equal(fw(499, 'aspnet').phrase, 'Client Closed Request');
  for (const c of [103, 425, 299]) {
    assert.deepEqual({ ...fw(c, 'aspnet'), source: undefined },
      { id: 'aspnet', name: 'ASP.NET Core', symbol: null, phrase: '', listed: false, source: undefined }, `${c}: "HTTP/1.1 ${c} "`);
  }
  assert.match(fw(200, 'aspnet').source, /github\.com\/dotnet\/aspnetcore/);
});

test('ASP.NET Core rows are the rows of scripts/sources/aspnetcore.tsv, which names the repository, path and commit of each file', () => {
  const head = aspTsv.filter((l) => l.startsWith('#')).join('\n');
  assert.match(head, /https:\/\/github\.com\/dotnet\/aspnetcore/);
  assert.match(head, /MIT License/);
  for (const path of ['src/Http/Http.Abstractions/src/StatusCodes.cs', 'src/Http/WebUtilities/src/ReasonPhrases.cs',
    'src/Servers/Kestrel/Core/src/Internal/Http/ReasonPhrases.cs']) {
    assert.match(head, new RegExp(`${path.replace(/\./g, '\\.')} at [0-9a-f]{40}, sha256 [0-9a-f]{64}`), path);
  }
  assert.ok(aspRows.length >= 60, `${aspRows.length} rows`);
  const inTsv = new Set(aspRows.map((r) => r.code));
  for (const r of aspRows) {
    if (!hs.codes().includes(r.code)) continue;
    const f = fw(r.code, 'aspnet');
    assert.deepEqual([f.symbol, f.phrase, f.listed], [`StatusCodes.${r.constant}`, r.phrase, true], `${r.code}`);
  }
  for (const c of hs.codes()) {
    if (!inTsv.has(c)) assert.equal(fw(c, 'aspnet').listed, false, `${c} is not in the .tsv`);
  }
  const other = Object.fromEntries(aspRows.filter((r) => r.other.length).map((r) => [r.code, r.other]));
  assert.deepEqual(other, { 413: ['Status413RequestEntityTooLarge'], 414: ['Status414RequestUriTooLong'], 416: ['Status416RequestedRangeNotSatisfiable'] });
});

test('the registered codes each framework lists', () => {
  const iana = hs.codes().filter((c) => ['permanent', 'temporary'].includes(hs.lookup(c).registry));
  assert.ok(iana.length >= 60);
  // 104 (Upload Resumption Supported, registered 2024) is newer than every source read
  for (const id of ['node', 'python', 'werkzeug', 'django', 'go', 'rack']) {
    const missing = iana.filter((c) => !fw(c, id).listed);
    assert.deepEqual(missing, [104], `${id} lists every registered code but 104`);
  }
  assert.deepEqual(iana.filter((c) => !fw(c, 'aspnet').listed), [103, 104, 425], 'ASP.NET Core has no 103 Early Hints nor 425 Too Early');
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
  assert.ok(n > 470, `${n} symbols`);
  // ASP.NET Core's other constants (the RFC 2616 names beside the renamed ones), with and without the class
  for (const r of aspRows) {
    for (const s of [r.constant, ...r.other]) {
      for (const q of [s, `StatusCodes.${s}`]) assert.equal((hs.query(q).matches || [])[0], r.code, `${q}`);
    }
  }
  assert.deepEqual(hs.query('StatusNotFound').matches, [404]);
  assert.deepEqual(hs.query('Status200OK').matches, [200]);
  assert.deepEqual(hs.query('HTTP_404_NOT_FOUND'), { kind: 'code', matches: [404] });
  assert.equal(hs.query(':unprocessable_entity').matches[0], 422);
});

// Runs scripts/read-frameworks.py on copies of the given files in a fresh
// directory; returns that directory.
function runScript(files, env) {
  const dir = mkdtempSync(join(tmpdir(), 'fw-'));
  for (const f of ['scripts/read-frameworks.py', 'scripts/frameworks.def.head', 'src/registry/status.def', ...files]) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    copyFileSync(new URL(f, root), join(dir, f));
  }
  execFileSync('python3', [join(dir, 'scripts/read-frameworks.py')], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'ignore'] });
  return dir;
}
const same = (dir, f) => assert.equal(readFileSync(join(dir, f), 'utf8'), readFileSync(new URL(f, root), 'utf8'), f);
const debs = process.env.DEBS || '/tmp/debs';
const haveDebs = existsSync(`${debs}/x`) && existsSync(`${debs}/y`) && existsSync(`${debs}/sp`);
const aspnet = process.env.ASPNET || '/tmp/aspnetcore';

test('scripts/read-frameworks.py reproduces frameworks.def from the sources and the saved ASP.NET Core table, where they are on this machine', (t) => {
  if (!haveDebs) return t.skip(`the unpacked sources are not under ${debs}`);
  const dir = runScript(['scripts/sources/aspnetcore.tsv'], { DEBS: debs, ASPNET: join(tmpdir(), 'no-such-dir') });
  same(dir, 'src/registry/frameworks.def');
});

test('scripts/read-frameworks.py writes aspnetcore.tsv again from the three ASP.NET Core files, where copies are on this machine', (t) => {
  if (!haveDebs || !existsSync(`${aspnet}/src/Http/Http.Abstractions/src/StatusCodes.cs`)) return t.skip(`no copies of the ASP.NET Core files under ${aspnet}`);
  const dir = runScript([], { DEBS: debs, ASPNET: aspnet });
  same(dir, 'scripts/sources/aspnetcore.tsv');
  same(dir, 'src/registry/frameworks.def');
});

test('the README examples of frameworks', () => {
  const go = hs.lookup(413).frameworks[4];
  assert.deepEqual({ ...go, source: undefined }, { id: 'go', name: 'Go', symbol: 'http.StatusRequestEntityTooLarge', phrase: 'Request Entity Too Large', listed: true, source: undefined });
  assert.deepEqual(hs.query('StatusNotFound').matches, [404]);
  assert.equal(hs.query(':unprocessable_entity').matches[0], 422);
});

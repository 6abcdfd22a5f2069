// cli.test.mjs — bin/http-status.js as a person runs it: lookups, --help,
// --version, send (bytes from a file or stdin, --json, --state), usage
// errors (exit 2, one line), the language from LANG, colour only on a
// terminal and never with NO_COLOR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, run, cliEnv } from './lib/cli.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'hs-cli-'));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const ESC = '\x1b[';

test('npx http-status runs from the repository itself (a fresh clone after npm install)', () => {
  const root = new URL('..', import.meta.url).pathname;
  const r = spawnSync('npx', ['--offline', 'http-status', '404'], { cwd: root, env: cliEnv(), encoding: 'utf8', timeout: 30000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^404 Not Found\b/);
  const lint = spawnSync('npx', ['--offline', 'http-status', 'lint', '-'], { cwd: root, env: cliEnv(), input: 'HTTP/1.1 405 Method Not Allowed\r\n\r\n', encoding: 'utf8', timeout: 30000 });
  assert.equal(lint.status, 1);
  assert.match(lint.stdout, /^error +required-field /m);
});

test('a lookup reads only the first module and its language: it runs with http.wasm and the other text absent', () => {
  const root = new URL('..', import.meta.url).pathname;
  const copy = mkdtempSync(join(tmpdir(), 'hs-cli-lean-'));
  cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(root, 'web'), join(copy, 'web'), { recursive: true, filter: (f) => !/(http\.wasm|text-ko\.bin)$/.test(f) });
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  const bin = join(copy, 'bin', 'http-status.js');
  const card = spawnSync(process.execPath, [bin, '404'], { env: cliEnv(), encoding: 'utf8' });
  assert.equal(card.status, 0, card.stderr);
  assert.match(card.stdout, /^404 Not Found\b/);
  const list = spawnSync(process.execPath, [bin, '4xx'], { env: cliEnv(), encoding: 'utf8' });
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^400  Bad Request/m);
  // what needs the second module says so, and fails
  const send = spawnSync(process.execPath, [bin, 'send', '-'], { env: cliEnv(), input: 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', encoding: 'utf8' });
  assert.notEqual(send.status, 0);
  assert.match(send.stderr, /http\.wasm|ENOENT/);
});

test('words are found in every language\'s descriptions, as with --json, though a card loads its own language first', () => {
  // 조건부 occurs only in 304's Korean description: an English card finds it too.
  for (const lang of ['en', 'ko']) {
    const card = run(['조건부', '--lang', lang]);
    assert.equal(card.status, 0, `${lang}: ${card.stderr}`);
    assert.match(card.stdout, /^304 Not Modified\b/, lang);
    const json = run(['조건부', '--lang', lang, '--json']);
    assert.equal(JSON.parse(json.stdout).code, 304, `${lang} --json`);
  }
  assert.match(run(['conditional', '--lang', 'ko']).stdout, /304/, 'an English word with --lang ko');
});

test('package.json names the command', () => {
  assert.deepEqual(pkg.bin, { 'http-status': 'bin/http-status.js' });
  assert.match(readFileSync(BIN, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('a code shows its card: phrase, class, registry, reference, description', () => {
  const r = run(['404']);
  assert.equal(r.status, 0);
  const lines = r.stdout.split('\n');
  assert.match(lines[0], /^404 Not Found\b/);
  assert.match(r.stdout, /\n {2}Class {7}4xx Client Error\n/);
  assert.match(r.stdout, /\n {2}Registry {4}Permanent \(IANA\)\n/);
  assert.match(r.stdout, /Defined in {2}RFC 9110 §15\.5\.5 {2}https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110#section-15\.5\.5|Defined in {2}RFC 9110 §15\.5\.5\n/);
  assert.match(r.stdout, /so with 410\./);
  assert.ok(!r.stdout.includes(ESC), 'no colour when stdout is not a terminal');
  assert.ok(lines.every((l) => l.length <= 78), 'lines fit 78 columns');
});

test('the labels of a card line up', () => {
  const out = run(['405']).stdout;
  const lines = out.slice(0, out.indexOf('\n\n')).split('\n').slice(1).filter((l) => /^ {2}\S/.test(l));
  const starts = new Set(lines.map((l) => /^ {2}\S.*?\s{2,}(?=\S)/.exec(l)[0].length));
  assert.equal(starts.size, 1, `every value starts in the same column: ${[...starts]}`);
  assert.match(run(['405']).stdout, /Fields to send +Allow \(MUST, RFC 9110 §15\.5\.6\)/);
});

test('a range is an aligned list, one code per line', () => {
  const r = run(['4xx']);
  assert.equal(r.status, 0);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 45);
  assert.ok(lines.every((l) => /^4\d\d {2}/.test(l)));
  const col = (l) => l.search(/(Permanent|Temporary|Reserved|Obsoleted|Unofficial|Unassigned)/);
  const short = lines.filter((l) => l.slice(5, col(l)).trim().length < 34);
  assert.ok(short.length > 40);
  assert.equal(new Set(short.map(col)).size, 1, 'the third column is aligned');
  assert.match(r.stdout, /^418 {2}I'm a teapot +Reserved, unused \(IANA\)$/m);
});

test('words in Korean output: the card in Korean, aligned by display width', () => {
  const r = run(['not found', '--lang', 'ko']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^404 Not Found · 찾을 수 없음/);
  assert.match(r.stdout, /\n {2}클래스 {7}4xx 클라이언트 오류\n/);
  assert.match(r.stdout, /\n {2}등록 상태 {4}영구 등록 \(IANA\)\n/);
  assert.match(r.stdout, /410으로/);
});

test('--lang defaults from LANG (LC_ALL wins)', () => {
  assert.match(run(['404'], { env: { LANG: 'ko_KR.UTF-8' } }).stdout, /찾을 수 없음/);
  assert.doesNotMatch(run(['404'], { env: { LANG: 'ko_KR.UTF-8', LC_ALL: 'en_US.UTF-8' } }).stdout, /찾을 수 없음/);
  assert.match(run(['404'], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'ko_KR.UTF-8' } }).stdout, /찾을 수 없음/);
  assert.doesNotMatch(run(['404', '--lang', 'en'], { env: { LANG: 'ko_KR.UTF-8' } }).stdout, /찾을 수 없음/);
});

test('--json prints the engine object for one code, an array for several', () => {
  const one = run(['teapot', '--json']);
  assert.equal(one.status, 0);
  const obj = JSON.parse(one.stdout);
  assert.equal(obj.code, 418);
  assert.equal(obj.name, 'IM_A_TEAPOT');
  assert.equal(obj.registry, 'unused');
  const many = JSON.parse(run(['5xx', '--json']).stdout);
  assert.ok(Array.isArray(many) && many.length > 5 && many.every((e) => e.class === 5));
});

test('nothing found is exit 1 with the engine message; bad usage is exit 2 with one line', () => {
  for (const [args, status, re] of [
    [['xyzzy'], 1, /^http-status: No status code matches this text\.\n$/],
    [['600'], 1, /^http-status: Status codes are three digits from 100 to 599\.\n$/],
    [['--bogus'], 2, /^http-status: Unknown option '--bogus'\n$/],
    [['404', '--lang', 'fr'], 2, /^http-status: --lang takes en or ko, not "fr"\n$/],
    [[], 2, /^http-status: nothing to look up/],
    [['send', 'a', 'b'], 2, /^http-status: send reads one FILE/],
    [['send', join(tmp, 'missing.txt')], 2, /^http-status: cannot read .*missing\.txt: ENOENT\n$/],
    [['serve', '--port', 'eighty'], 2, /^http-status: --port takes an integer from 0 to 65535, not "eighty"\n$/],
    [['serve', '--header-timeout', '0'], 2, /^http-status: --header-timeout takes an integer from 1 to 3600/],
  ]) {
    const r = run(args);
    assert.equal(r.status, status, args.join(' '));
    assert.match(r.stderr, re, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    assert.equal(r.stdout, '');
  }
});

test('--help shows every command; --version the package version', () => {
  const h = run(['--help']);
  assert.equal(h.status, 0);
  for (const cmd of ['http-status CODE', 'http-status send', 'http-status serve', '--max-connections', '--header-timeout',
    '--body-timeout', '--idle-timeout', '--max-input', '--rate-limit', '--trace', '--state', 'NO_COLOR']) {
    assert.ok(h.stdout.includes(cmd), cmd);
  }
  assert.equal(run(['help']).stdout, h.stdout);
  const v = run(['--version']);
  assert.equal(v.stdout, `${pkg.version}\n`);
});

// Runs the CLI on a pseudo-terminal (util-linux script) and returns what it printed.
function onTerminal(args, env) {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { env: cliEnv(env), encoding: 'utf8', timeout: 20000 });
  return r.stdout;
}

test('colour on a terminal only, and never with NO_COLOR', () => {
  const tty = onTerminal(['404']);
  assert.ok(tty.includes(`${ESC}33m404 Not Found${ESC}0m`), 'a 4xx status in yellow on a terminal');
  assert.ok(!onTerminal(['404'], { NO_COLOR: '1' }).includes(ESC), 'NO_COLOR=1 turns colour off');
  assert.ok(onTerminal(['404'], { NO_COLOR: '' }).includes(ESC), 'an empty NO_COLOR does not (no-color.org)');
});

const CRLF = '\r\n';
const pipelined = `GET /nope HTTP/1.1${CRLF}Host: a${CRLF}${CRLF}POST /items HTTP/1.1${CRLF}Host: a${CRLF}Content-Type: application/json${CRLF}Content-Length: 14${CRLF}${CRLF}{"name":"cup"}`;

test('send reads request bytes from a file and shows each exchange with its trace', () => {
  const file = join(tmp, 'two.http');
  writeFileSync(file, pipelined);
  const r = run(['send', file]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^Exchange 1: GET \/nope HTTP\/1\.1\n {2}Final response: 404 Not Found\n {4}HTTP\/1\.1 404 Not Found\n/);
  assert.match(r.stdout, /\n {4}route +RFC 9110 §15\.5\.5 +404 No resource lives at \/nope: 404\.\n/);
  const trace = r.stdout.split('\n').filter((l) => /^ {4}(parse|method|route) /.test(l)).slice(0, 3);
  assert.equal(new Set(trace.map((l) => l.indexOf('RFC'))).size, 1, 'the rules of the trace line up');
  assert.match(r.stdout, /\nExchange 2: POST \/items HTTP\/1\.1\n {2}Final response: 201 Created\n/);
  assert.match(r.stdout, /\n {4}\{"id":4,"name":"cup"\}\n/);
  assert.match(r.stdout, /Connection: kept open\n$/);
});

test('send reads stdin as bytes: CRLF and binary content survive', () => {
  const body = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80, 0x41]);
  const head = Buffer.from(`POST / HTTP/1.1${CRLF}Host: a${CRLF}Content-Type: application/octet-stream${CRLF}Content-Length: ${body.length}${CRLF}${CRLF}`);
  const r = run(['send', '-', '--json'], { input: Buffer.concat([head, body]) });
  assert.equal(r.status, 0);
  const x = JSON.parse(r.stdout).exchanges[0];
  assert.equal(x.request.bodyLength, 6, 'the six content bytes were read as six bytes');
  assert.deepEqual(x.request.headers.map(([n]) => n), ['Host', 'Content-Type', 'Content-Length'], 'CRLF line ends kept the fields apart');
  const lf = run(['send', '--json'], { input: 'GET / HTTP/1.1\nHost: a\n\n' });
  assert.equal(JSON.parse(lf.stdout).exchanges[0].response.status, 400, 'bare LF is not turned into CRLF on the way');
});

test('send shows control bytes of a message escaped, not raw', () => {
  const r = run(['send'], { input: `GET /\x1b[31m HTTP/1.1${CRLF}${CRLF}` });
  assert.ok(!r.stdout.includes('\x1b'), 'no escape character reaches the terminal');
});

test('send --state keeps the server state between runs', () => {
  const state = join(tmp, 'state.json');
  const create = `POST /items HTTP/1.1${CRLF}Host: a${CRLF}Content-Type: application/json${CRLF}Content-Length: 15${CRLF}${CRLF}{"name":"desk"}`;
  assert.equal(JSON.parse(run(['send', '--json', '--state', state], { input: create }).stdout).exchanges[0].response.status, 201);
  assert.ok(existsSync(state));
  assert.equal(JSON.parse(readFileSync(state, 'utf8')).items.length, 4);
  const again = JSON.parse(run(['send', '--json', '--state', state], { input: create }).stdout);
  assert.equal(again.exchanges[0].response.status, 409, 'the item created by the first run is still there');
  const fresh = JSON.parse(run(['send', '--json'], { input: create }).stdout);
  assert.equal(fresh.exchanges[0].response.status, 201, 'without --state every run starts fresh');
  writeFileSync(join(tmp, 'bad.json'), '{"clock": "soon"}');
  const bad = run(['send', '--state', join(tmp, 'bad.json')], { input: create });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^http-status: --state .*bad\.json: setServerState: clock /);
});

test('send in Korean: the trace and labels', () => {
  const r = run(['send', '--lang', 'ko'], { input: `GET /nope HTTP/1.1${CRLF}Host: a${CRLF}${CRLF}` });
  assert.match(r.stdout, /^요청·응답 1: GET \/nope HTTP\/1\.1\n/);
  assert.match(r.stdout, /\/nope에는 리소스가 없다/);
});

// startup.mjs — issue 9's two startup rows, measured so that the noise of a
// shared machine shows instead of hiding in one number:
//
//   compile     the first module's compile + instantiate (+ _initialize) in
//               a fresh Node process, each phase timed on its own, beside
//               undici's llhttp wasm, the baseline's one module, an empty
//               module (what any first wasm costs a fresh process) and ours
//               with its code taken out (what V8 costs apart from the code:
//               V8 compiles each function on its first call, but validates
//               them all up front, in a job shared with worker threads)
//   process     a fresh Node process to its first lookup() result, over a
//               Node that only reads status.wasm, beside statuses and an
//               empty ES module
//
// Every contender runs in its own fresh process, in rounds, the order
// rotated each round, so a change in the machine's load falls on all alike;
// the first two rounds are dropped (disk and page cache). Each figure is the
// median of the rounds with its interquartile range.
//
// The process row: every child is an ES module program started as
// `node --import START script.mjs`, where START (the same for all) records
// the process's CPU time (user + system, all threads: V8's wasm validation
// runs on worker threads) before the script is loaded; each script prints
// the CPU used from there to its answer. Node's own start (about 100 ms of
// CPU on a loaded 2-vCPU machine, varying by ±20 ms) is then in no figure,
// and the row is the paired difference, round by round, between a script
// that imports the engine as Node resolves `http-status-explorer` (the
// package's "exports" for Node), loads it and looks 404 up, and one that
// reads status.wasm. The whole-process CPU difference, the old way, is
// printed beside it to show how much wider it spreads.
//
// Both rows also run the baseline's (bench/baseline.mjs; BENCH_BASELINE=REV
// for another revision, e.g. a before/after of one change in one run).
// Run alone: node bench/startup.mjs [rounds]; bench/budget-bench.mjs prints
// the same rows with the others. Numbers only; nothing here is a test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBaseline } from './baseline.mjs';
import { mapBodies } from '../tests/lib/wasm-code.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

/** The p-quantile (0..1) of a, nearest rank. */
const quantile = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.round(p * (s.length - 1))]; };
/** 'median [q1, q3]' of a, to digits places. */
export const spread = (a, digits = 2, sign = '') => {
  const f = (x) => `${sign && x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
  return `${f(quantile(a, 0.5))} [${f(quantile(a, 0.25))}, ${f(quantile(a, 0.75))}]`;
};

/**
 * Runs each named child (argv after node) in its own process, rounds + 2
 * times in rotated order; returns, per name, the arrays of the numbers each
 * printed (first two rounds dropped).
 */
function rounds(children, count) {
  const names = Object.keys(children);
  const out = Object.fromEntries(names.map((k) => [k, []]));
  for (let i = 0; i < count + 2; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length];
      const nums = execFileSync(process.execPath, children[k], { cwd: root, encoding: 'utf8' }).trim().split(/\s+/).map(Number);
      if (nums.some((x) => !Number.isFinite(x))) throw new Error(`${k} printed no numbers`);
      if (i >= 2) out[k].push(nums);
    }
  }
  return out;
}
const column = (samples, j) => samples.map((s) => s[j]);

/**
 * The module's bytes with every function body replaced by `unreachable`:
 * the same sections (types, exports, memory, data) and function count, none
 * of the code, so its compile time is what the module costs V8 apart from
 * validating the code.
 */
export function withoutCode(wasm) {
  return mapBodies(wasm, () => [0, 0x00, 0x0b]); // no locals, unreachable, end
}

/**
 * The compile row: { ms (median wall compile + instantiate of status.wasm),
 * text (the row's figure), peers (the same run's others) }.
 */
export function compileRow(count, { baselineWasm, baselineRev } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hs-compile-'));
  try {
    const llhttp = join(dir, 'llhttp.wasm');
    writeFileSync(llhttp, Buffer.from(require('undici/lib/llhttp/llhttp-wasm.js'), 'base64'));
    const empty = join(dir, 'empty.wasm');
    writeFileSync(empty, Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    const noCode = join(dir, 'no-code.wasm');
    writeFileSync(noCode, withoutCode(readFileSync(`${root}web/status.wasm`)));
    // Prints: wall compile, wall instantiate (+ _initialize), CPU of each (ms).
    // (_initialize is not called where every body is unreachable.)
    const child = (file, imports = '{}', init = true) => ['-e', `const b = require('node:fs').readFileSync(${JSON.stringify(file)});
      const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
      cpu(); performance.now(); // each loads some of Node the first time: not in the figures
      const c0 = cpu(), t0 = performance.now(); const m = new WebAssembly.Module(b); const c1 = cpu(), t1 = performance.now();
      const i = new WebAssembly.Instance(m, ${imports}); if (${init} && i.exports._initialize) i.exports._initialize();
      const c2 = cpu(), t2 = performance.now(); console.log(t1 - t0, t2 - t1, c1 - c0, c2 - c1)`];
    const children = {
      ours: child(`${root}web/status.wasm`),
      llhttp: child(llhttp, '{ env: new Proxy({}, { get: () => () => 0 }) }'),
      empty: child(empty),
      noCode: child(noCode, '{}', false),
    };
    if (baselineWasm) children.baseline = child(baselineWasm);
    const r = rounds(children, count);
    const total = (k) => r[k].map((s) => s[0] + s[1]);
    const ours = r.ours;
    const ms = quantile(total('ours'), 0.5);
    const text = `${ms.toFixed(2)} ms`;
    const peers = [
      `compile ${spread(column(ours, 0))} + instantiate ${spread(column(ours, 1))} ms wall, CPU ${spread(column(ours, 2))} + ${spread(column(ours, 3))}`,
      `total ${spread(total('ours'))}`,
      `undici llhttp ${spread(total('llhttp'))}`,
      ...(baselineWasm ? [`the baseline's (${baselineRev}) first module ${spread(total('baseline'))}`] : []),
      `an empty module ${spread(total('empty'))}`,
      `ours with every function body emptied: compile ${spread(column(r.noCode, 0))}`,
      `(median [quartiles] of ${count} fresh processes each, ms)`,
    ];
    return { ms, text, peers: peers.join('; ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The process row: { ms (median paired CPU difference, lookup over read),
 * text, peers }.
 */
export function processRow(count, { baselineEntry, baselineRev } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hs-node-'));
  try {
    const start = join(dir, 'start.mjs');
    writeFileSync(start, 'globalThis.__hsCpu0 = process.cpuUsage();\n');
    // Each script prints: CPU since START, CPU since the process began (ms).
    const answer = 'const u = process.cpuUsage(globalThis.__hsCpu0), w = process.cpuUsage(); console.log((u.user + u.system) / 1000, (w.user + w.system) / 1000);';
    const wasm = JSON.stringify(`${root}web/status.wasm`);
    const engine = JSON.stringify(import.meta.resolve('http-status-explorer'));
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, 'export default 1;\n');
    const scripts = {
      // process.getBuiltinModule: the cheapest way an ES module reads a file
      // (an import of node:fs reads every export, and the lazy ones load streams).
      read: `process.getBuiltinModule('fs').readFileSync(${wasm});\n${answer}\n`,
      lookup: `import { load } from ${engine};\nconst hs = await load(undefined, { ready: [] });\nif (hs.lookup(404).phrase) { ${answer} }\n`,
      statuses: `import statuses from ${JSON.stringify(pathToFileURL(require.resolve('statuses')).href)};\nif (statuses.message[404]) { ${answer} }\n`,
      esm: `import one from ${JSON.stringify(pathToFileURL(empty).href)};\nif (one) { ${answer} }\n`,
    };
    if (baselineEntry) scripts.baseline = scripts.lookup.replace(engine, JSON.stringify(baselineEntry));
    const children = {};
    for (const [k, code] of Object.entries(scripts)) {
      writeFileSync(join(dir, `${k}.mjs`), code);
      children[k] = ['--import', pathToFileURL(start).href, join(dir, `${k}.mjs`)];
    }
    const r = rounds(children, count);
    const over = (k, j) => r[k].map((s, i) => s[j] - r.read[i][j]);
    const ms = quantile(over('lookup', 0), 0.5);
    const peers = [
      `paired ${spread(over('lookup', 0), 1, '+')}`,
      `statuses ${spread(over('statuses', 0), 1, '+')}`,
      `an empty ES module ${spread(over('esm', 0), 1, '+')}`,
      ...(baselineEntry ? [`the baseline's (${baselineRev}) engine ${spread(over('baseline', 0), 1, '+')}`] : []),
      `reading alone ${spread(column(r.read, 0), 1)} after Node's start`,
      `whole process, start included: ours ${spread(over('lookup', 1), 1, '+')}, empty ES module ${spread(over('esm', 1), 1, '+')}, reading ${quantile(column(r.read, 1), 0.5).toFixed(0)}`,
      `(median [quartiles] of ${count} rounds, ms CPU)`,
    ];
    return { ms, text: `${ms >= 0 ? '+' : ''}${ms.toFixed(1)} ms`, peers: peers.join('; ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline's (bench/baseline.mjs) first module and its entry for Node, or {}. */
export function baselineFiles(base) {
  if (!base) return {};
  const nodeEntry = `${base.dir}/web/engine-node.js`;
  return { baselineRev: base.rev, baselineWasm: `${base.dir}/web/status.wasm`, baselineEntry: pathToFileURL(existsSync(nodeEntry) ? nodeEntry : `${base.dir}/web/engine.js`).href };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2]) || 21;
  const files = baselineFiles(await loadBaseline());
  const c = compileRow(count, files);
  console.log(`first module: compile + instantiate in Node ${c.text} (budget <= 0.6 ms)\n  ${c.peers}`);
  const p = processRow(count, files);
  console.log(`fresh Node process to first lookup(), over one that only reads the file ${p.text} (budget <= +2 ms)\n  ${p.peers}`);
}

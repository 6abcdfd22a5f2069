// server-bench.mjs — simulated exchanges per second, today's engine beside
// the baseline build (bench/baseline.mjs: the engine before issue 9) in the
// same run, contenders interleaved so a noisy moment hits all alike:
//
//   GET         one `GET /success` (the simulate(GET)), again and
//               again on one state (each moves the clock a second, so the
//               60-per-60-s rate limit never trips), through the JS API
//               (hs.simulate, parsed result) and the engine alone
//               (hs_wasm_simulate, JSON left in the buffer)
//   mixed       the example request of every code the server produces for a
//               real reason (GETs, JSON POSTs, conditionals, redirects,
//               WebSocket, pipelined pairs, timeouts), its setup applied first
//
// Today's JS API asks for one language ({ lang: 'en' }), as the page does;
// the baseline always wrote both languages and the state. Numbers only.
import { load } from '../web/engine.js';
import { loadBaseline } from './baseline.mjs';

const hs = await load();
const base = await loadBaseline();
const enc = new TextEncoder();
const GET = 'GET /success HTTP/1.1\r\nHost: api.example\r\nAccept: application/json\r\n\r\n';
const SIM_FULL = 3; // src/server/server.h: both languages and the state, as the baseline wrote

function sides(engine, today) {
  const w = today ? engine.httpWasm() : engine.wasm; // the baseline was one module
  const inView = new Uint8Array(w.memory.buffer, w.hs_wasm_in_ptr(), w.hs_wasm_in_cap());
  const workload = engine.exampleCodes().map(({ code }) => engine.example(code));
  const getBytes = enc.encode(GET);
  const opts = today ? { lang: 'en' } : undefined;
  const rawSim = (n, flags) => (today ? w.hs_wasm_simulate(n, n, 0, flags) : w.hs_wasm_simulate(n, n, 0));
  return {
    getApi() { return engine.simulate(GET, opts).exchanges.length; },
    getEngine(flags = 0) { inView.set(getBytes); return rawSim(getBytes.length, flags) > 0 ? 1 : 0; },
    mixedApi() {
      let n = 0;
      for (const ex of workload) n += engine.simulate(ex.request, today ? { state: ex.setup, lang: 'en' } : { state: ex.setup }).exchanges.length;
      return n;
    },
  };
}

// Calls fn in a loop for about 10 ms per sample, 15 samples interleaved across
// the contenders; returns exchanges per second of this process's CPU time
// (steadier than wall time on a shared machine), median sample.
function race(contenders) {
  const runs = contenders.map(([, fn]) => {
    let iters = 1;
    for (;;) {
      const t0 = process.hrtime.bigint();
      let x = 0;
      for (let i = 0; i < iters; i++) x += fn();
      if (Number(process.hrtime.bigint() - t0) > 2e7) return { fn, iters, per: x / iters, samples: [] };
      iters *= 2;
    }
  });
  for (let s = 0; s < 15; s++) {
    for (let j = 0; j < runs.length; j++) {
      const r = runs[(j + s) % runs.length];
      const c0 = process.cpuUsage();
      for (let i = 0; i < r.iters; i++) r.fn();
      const c = process.cpuUsage(c0);
      r.samples.push(((c.user + c.system) * 1e3) / r.iters);
    }
  }
  return runs.map((r) => { r.samples.sort((a, b) => a - b); return (r.per * 1e9) / r.samples[7]; });
}

const now = sides(hs, true);
const was = base ? sides(base.hs, false) : null;
const rows = [
  ['simulate(GET), JS API, today', () => now.getApi()],
  ['simulate(GET), engine alone, today (lean)', () => now.getEngine(0)],
  ['simulate(GET), engine alone, today (both langs + state)', () => now.getEngine(SIM_FULL)],
  ['mixed workload, JS API, today', () => now.mixedApi()],
  ...(was ? [
    [`simulate(GET), JS API, baseline ${base.rev}`, () => was.getApi()],
    [`simulate(GET), engine alone, baseline ${base.rev}`, () => was.getEngine()],
    [`mixed workload, JS API, baseline ${base.rev}`, () => was.mixedApi()],
  ] : []),
];
const rates = race(rows);
const fmt = (v) => Math.round(v).toLocaleString('en-US').padStart(9);
console.log(`Simulated exchanges per CPU second, median of 15 interleaved samples, Node ${process.version}`);
rows.forEach(([name], i) => console.log(`  ${name.padEnd(58)} ${fmt(rates[i])} /s  ${(1e6 / rates[i]).toFixed(1).padStart(6)} µs each`));
if (was) {
  const ratio = (a, b) => `${(rates[a] / rates[b]).toFixed(2)}x`;
  console.log(`\n  today / baseline: simulate(GET) JS API ${ratio(0, 4)} (budget >= 2x: ${rates[0] / rates[4] >= 2 ? 'met' : 'MISSED'}),`
    + ` engine alone ${ratio(1, 5)} lean, ${ratio(2, 5)} same output; mixed JS API ${ratio(3, 6)}`);
}
hs.resetServer();

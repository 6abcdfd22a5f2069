// server-bench.mjs — simulated exchanges per second for a mixed workload:
// the example request of every code the server produces for a real reason
// (GETs, JSON POSTs, conditionals, redirects, WebSocket, pipelined pairs,
// timeouts), run through hs.simulate with the state reset before each. Two
// numbers: the engine alone (hs_wasm_simulate, JSON left in the buffer) and
// the full JS API (encode, simulate, JSON.parse). Prints numbers only.
import { load } from '../web/engine.js';

const hs = await load();
const w = hs.wasm;
const enc = new TextEncoder();

const workload = hs.exampleCodes().map(({ code }) => hs.example(code));
const exchangesPerRound = workload.reduce((n, ex) => {
  hs.resetServer();
  return n + hs.simulate(ex.request, { state: ex.setup }).exchanges.length;
}, 0);
const bytes = workload.map((ex) => enc.encode(ex.request));
const setups = workload.map((ex) => enc.encode(JSON.stringify(ex.setup)));
const inView = new Uint8Array(w.memory.buffer, w.hs_wasm_in_ptr(), w.hs_wasm_in_cap());

function engineRound() {
  let out = 0;
  for (let i = 0; i < bytes.length; i++) {
    inView.set(setups[i]);
    w.hs_wasm_server_set(setups[i].length);
    inView.set(bytes[i]);
    out += w.hs_wasm_simulate(bytes[i].length, bytes[i].length, 0);
  }
  return out;
}

function apiRound() {
  let n = 0;
  for (const ex of workload) n += hs.simulate(ex.request, { state: ex.setup }).exchanges.length;
  return n;
}

// Runs round for about 1.5 s of wall time; reports exchanges per second of
// wall time and of this process's CPU time (steadier on a busy machine).
function measure(name, round) {
  for (let i = 0; i < 50; i++) round(); // warm up
  let rounds = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let t1 = t0;
  while (t1 - t0 < 1_500_000_000n) {
    round();
    rounds++;
    t1 = process.hrtime.bigint();
  }
  const cpu = process.cpuUsage(c0);
  const wall = (rounds * exchangesPerRound) / (Number(t1 - t0) / 1e9);
  const perCpu = (rounds * exchangesPerRound) / ((cpu.user + cpu.system) / 1e6);
  const fmt = (v) => Math.round(v).toLocaleString('en-US').padStart(9);
  console.log(`${name.padEnd(44)} ${fmt(wall)} exchanges/s wall  ${fmt(perCpu)} /s CPU  ${(1e6 / perCpu).toFixed(1).padStart(6)} µs CPU each`);
}

console.log(`workload: ${workload.length} example requests (${exchangesPerRound} exchanges per round, state reset before each)`);
measure('engine (hs_wasm_simulate, JSON in buffer)', engineRound);
measure('JS API (hs.simulate, parsed result)', apiRound);
hs.resetServer();

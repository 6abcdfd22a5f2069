// first-call.test.mjs — what the first lookup and the first query make V8
// compile. V8 compiles a wasm function the first time it is called, its
// whole body at once, so a first lookup() pays for every function it
// enters, cold branches included (issue 9's Node row: about 0.1 ms of CPU
// per KB on the development machine). The Makefile keeps wasm-opt from
// inlining the first module's larger one-caller functions (the unassigned
// text, other meanings, required fields, the framework table) into the
// lookup writer, and the query reader's cold readers into hs_query; this
// holds the bytes each first call enters to a bound.
//
// How it is counted: a copy of status.wasm whose every function begins by
// writing 1 at MARKS + its index (memory above the stack, which nothing
// else touches); the bytes of the functions marked after a call are the
// code that call had V8 compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { localsLength, mapBodies, pushLeb } from './lib/wasm-code.mjs';

const wasm = readFileSync(new URL('../web/status.wasm', import.meta.url));
const MARKS = 0x70000; // 458752: above the stack's start, below the memory's 524288 bytes

/** The module with a mark at each function's start; { bytes, sizes } (sizes: each body's size in the original, by code index). */
function marked(src) {
  const sizes = [];
  const bytes = mapBodies(src, (body, i) => {
    sizes.push(body.length);
    const at = localsLength(body);
    // i32.const MARKS+i; i32.const 1; i32.store8 align=0 offset=0
    const mark = [0x41];
    pushLeb(mark, MARKS + i); // positive and < 2^20: the same bytes as a signed LEB
    mark.push(0x41, 1, 0x3a, 0, 0);
    return [...body.subarray(0, at), ...mark, ...body.subarray(at)];
  });
  return { bytes, sizes };
}

/** Bytes of code entered by call(exports) on a fresh instance of the marked module. */
function entered(call) {
  const { bytes, sizes } = marked(wasm);
  const w = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
  w._initialize();
  assert.ok(w.stackSave() < MARKS, 'the marks lie above the stack');
  const marks = new Uint8Array(w.memory.buffer, MARKS, sizes.length);
  marks.fill(0);
  call(w);
  let total = 0;
  for (let i = 0; i < sizes.length; i++) if (marks[i]) total += sizes[i];
  return total;
}

test('the marked copy answers as status.wasm does (the marks change no output)', () => {
  const plain = new WebAssembly.Instance(new WebAssembly.Module(wasm), {}).exports;
  const copy = new WebAssembly.Instance(new WebAssembly.Module(marked(wasm).bytes), {}).exports;
  plain._initialize();
  copy._initialize();
  const out = (w, n) => Buffer.from(new Uint8Array(w.memory.buffer, w.hs_wasm_out_ptr(), n)).toString();
  for (const code of [100, 404, 418, 299, 599]) assert.equal(out(copy, copy.hs_wasm_lookup(code)), out(plain, plain.hs_wasm_lookup(code)));
});

test('a first lookup(404) enters at most 4.5 KB of code (6.2 KB with the cold paths inlined into the writer)', () => {
  const bytes = entered((w) => w.hs_wasm_lookup(404));
  assert.ok(bytes > 1000, `${bytes} bytes: the count works`);
  assert.ok(bytes <= 4.5 * 1024, `lookup(404) enters ${bytes} bytes of code`);
});

test("a first query('not found') enters at most 9.5 KB of code (10.7 KB with the cold readers inlined into hs_query)", () => {
  const bytes = entered((w) => {
    const q = Buffer.from('not found');
    new Uint8Array(w.memory.buffer, w.hs_wasm_in_ptr(), q.length).set(q);
    assert.ok(w.hs_wasm_query(q.length) > 0);
  });
  assert.ok(bytes > 1000, `${bytes} bytes: the count works`);
  assert.ok(bytes <= 9.5 * 1024, `query('not found') enters ${bytes} bytes of code`);
});

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

const wasm = readFileSync(new URL('../web/status.wasm', import.meta.url));
const MARKS = 0x70000; // 458752: above the stack's start, below the memory's 524288 bytes

function leb(buf, at) {
  let v = 0, shift = 0, b;
  do { b = buf[at.p++]; v |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  return v >>> 0;
}
function putLeb(n, out) {
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n);
}

/** The module with a mark at each function's start; { bytes, sizes } (sizes: each body's size in the original, by code index). */
function marked(src) {
  const out = [...src.subarray(0, 8)];
  const sizes = [];
  const at = { p: 8 };
  while (at.p < src.length) {
    const id = src[at.p++];
    const size = leb(src, at);
    const start = at.p;
    let body = [...src.subarray(start, start + size)];
    if (id === 10) {
      const fn = { p: start };
      const count = leb(src, fn);
      body = [];
      putLeb(count, body);
      for (let i = 0; i < count; i++) {
        const len = leb(src, fn);
        const end = fn.p + len;
        sizes.push(len);
        const locals = { p: fn.p };
        for (let n = leb(src, locals); n > 0; n--) { leb(src, locals); locals.p++; } // (count, type) pairs
        // i32.const MARKS+i; i32.const 1; i32.store8 align=0 offset=0
        const mark = [0x41];
        putLeb(MARKS + i, mark); // positive and < 2^20: the same bytes as a signed LEB
        mark.push(0x41, 1, 0x3a, 0, 0);
        const code = [...src.subarray(fn.p, locals.p), ...mark, ...src.subarray(locals.p, end)];
        putLeb(code.length, body);
        body.push(...code);
        fn.p = end;
      }
    }
    out.push(id);
    putLeb(body.length, out);
    out.push(...body);
    at.p = start + size;
  }
  return { bytes: new Uint8Array(out), sizes };
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

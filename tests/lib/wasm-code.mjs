// wasm-code.mjs — a wasm module with its function bodies rewritten: every
// section is copied as it is but the code section, where each body (its
// bytes: the locals, then the instructions and the final end) becomes what
// rewrite(body, index) returns. Used by tests/first-call.test.mjs (a mark at
// each function's start) and bench/startup.mjs (every body emptied).

/** Reads the unsigned LEB128 at buf[at.p], moving at.p past it. */
export function readLeb(buf, at) {
  let v = 0, shift = 0, b;
  do { b = buf[at.p++]; v |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  return v >>> 0;
}

/** Appends n (unsigned) as LEB128 to out (an array of bytes). */
export function pushLeb(out, n) {
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n);
}

/** The module wasm (bytes) with each function body replaced by rewrite(body, index) (bytes or an array). */
export function mapBodies(wasm, rewrite) {
  const out = [...wasm.subarray(0, 8)];
  const at = { p: 8 };
  while (at.p < wasm.length) {
    const id = wasm[at.p++];
    const size = readLeb(wasm, at);
    const start = at.p;
    let section = wasm.subarray(start, start + size);
    if (id === 10) { // the code section: a count, then (size, body) per function
      const fn = { p: start };
      const count = readLeb(wasm, fn);
      const bodies = [];
      pushLeb(bodies, count);
      for (let i = 0; i < count; i++) {
        const len = readLeb(wasm, fn);
        const body = [...rewrite(wasm.subarray(fn.p, fn.p + len), i)];
        pushLeb(bodies, body.length);
        bodies.push(...body);
        fn.p += len;
      }
      section = bodies;
    }
    out.push(id);
    pushLeb(out, section.length);
    out.push(...section);
    at.p = start + size;
  }
  return new Uint8Array(out);
}

/** The length in bytes of a body's locals declaration (a count, then (count, type) pairs). */
export function localsLength(body) {
  const at = { p: 0 };
  for (let n = readLeb(body, at); n > 0; n--) { readLeb(body, at); at.p++; }
  return at.p;
}

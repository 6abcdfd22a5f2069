// engine-io.js — how bytes cross between JavaScript and one instance of the
// engine's wasm: input is staged into its fixed input buffer (stage), JSON
// is read back from its fixed output buffer (readJSON), and a negative return
// code becomes an Error that says in English and Korean what went wrong
// (engineError), from the engine's own table (hs_wasm_errors). Memory never
// grows, so the views made here stay valid; no pointer is kept across calls
// beyond the two fixed buffers.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** How the spans the engine reports map back onto the staged input. */
export const MODE_ASCII = 0; // a string with only ASCII: byte offsets are string indexes
export const MODE_UTF8 = 1; // any other string: spans are decoded as UTF-8
export const MODE_BYTES = 2; // a Uint8Array: spans are read one character per byte (ISO-8859-1)

/** The largest value an int argument of the engine takes. */
export const INT_MAX = 0x7fffffff;

/** Byte length of text in UTF-8, as TextEncoder writes it (a lone surrogate is U+FFFD). */
export function utf8Length(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The buffers of one wasm instance (its exports w) and the three ways to use
 * them: stage(input, from), readJSON(n) and engineError(rc).
 */
export function engineIO(w) {
  const memory = new Uint8Array(w.memory.buffer);
  const inPtr = w.hs_wasm_in_ptr();
  const inCap = w.hs_wasm_in_cap();
  const outPtr = w.hs_wasm_out_ptr();
  const inView = memory.subarray(inPtr, inPtr + inCap);

  // What stage() last wrote: n bytes in the buffer; total, the bytes from
  // shift to the input's end (> n when the input did not fit); shift, the
  // input's byte offset at the start of the buffer; mode, a MODE_*. One
  // object, rewritten by every call, so staging allocates nothing.
  const staged = { n: 0, total: 0, shift: 0, mode: MODE_ASCII };

  function stageBytes(bytes, from) {
    if (from > bytes.length) from = bytes.length;
    const rest = bytes.length - from;
    const n = rest < inCap ? rest : inCap;
    inView.set(from === 0 && n === bytes.length ? bytes : bytes.subarray(from, from + n));
    staged.n = n;
    staged.total = rest;
    staged.shift = from;
  }

  /**
   * Writes input (a string, as UTF-8, or a Uint8Array) into the input buffer
   * from its byte offset `from` on, as much of it as fits; returns `staged`.
   * The caller decides what a partial input means (staged.n < staged.total):
   * an error for a query, the part a server with this buffer would read for
   * a request.
   */
  function stage(input, from = 0) {
    if (typeof input !== 'string') {
      stageBytes(input, from);
      staged.mode = MODE_BYTES;
    } else if (from === 0) {
      const { read, written } = encoder.encodeInto(input, inView);
      staged.n = written;
      staged.total = read === input.length ? written : utf8Length(input);
      staged.shift = 0;
      staged.mode = staged.total === input.length ? MODE_ASCII : MODE_UTF8;
    } else {
      const bytes = encoder.encode(input);
      stageBytes(bytes, from);
      staged.mode = bytes.length === input.length ? MODE_ASCII : MODE_UTF8;
    }
    return staged;
  }

  const decodeOut = (n) => JSON.parse(decoder.decode(memory.subarray(outPtr, outPtr + n)));

  let errors = null; // rc -> { code, en, ko }, read from the engine on the first negative code
  let unknown = null;

  /**
   * The Error for a negative return code: its message is the engine's
   * English sentence; code is the short name ('nospace'), rc the number, and
   * text the sentence in both languages.
   */
  function engineError(rc) {
    if (errors === null) {
      const table = decodeOut(w.hs_wasm_errors());
      errors = new Map(table.codes.map((e) => [e.rc, e]));
      unknown = table.unknown;
    }
    const e = errors.get(rc) || unknown;
    return Object.assign(new Error(e.en), { code: e.code, rc, text: Object.freeze({ en: e.en, ko: e.ko }) });
  }

  /** The JSON the last call wrote (n bytes), parsed; throws engineError(n) for n < 0. */
  function readJSON(n) {
    if (n < 0) throw engineError(n);
    return decodeOut(n);
  }

  return { memory, inPtr, inCap, outPtr, inView, staged, stage, readJSON, engineError };
}

// engine.js — the hand-written glue between JavaScript and status.wasm.
//
// The wasm has no imports and exports scalar functions only (src/wasm.c).
// Strings go in through one fixed input buffer (TextEncoder.encodeInto, a
// length in) and come back as JSON in one fixed output buffer (a length
// out). Memory never grows, so the views made at load stay valid; no pointer
// is kept across calls beyond those two fixed buffers.
//
//   import { load } from './engine.js';
//   const hs = await load();
//   hs.lookup(404).phrase          // 'Not Found'
//   hs.query('4xx').matches        // [400, 401, ...]

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

let defaultEngine = null;

/**
 * Loads the engine. With no argument the wasm beside this file is used and
 * one shared engine is returned to every caller. `source` may be a URL or
 * string, a Response (or a promise of one), bytes, or a WebAssembly.Module.
 */
export function load(source) {
  if (source === undefined) {
    if (!defaultEngine) {
      defaultEngine = instantiate(new URL('./status.wasm', import.meta.url));
      defaultEngine.catch(() => { defaultEngine = null; });
    }
    return defaultEngine;
  }
  return instantiate(source);
}

async function instantiate(source) {
  if (typeof source === 'string') source = new URL(source, import.meta.url);
  let instance;
  if (source instanceof WebAssembly.Module) {
    instance = await WebAssembly.instantiate(source, {});
  } else if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    ({ instance } = await WebAssembly.instantiate(source, {}));
  } else if (source instanceof URL && source.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    ({ instance } = await WebAssembly.instantiate(await readFile(source), {}));
  } else {
    const response = await (source instanceof URL ? fetch(source) : source);
    if (!response.ok) throw new Error(`status.wasm: ${response.status} ${response.statusText} (${response.url})`);
    const type = response.headers.get('content-type') || '';
    if (typeof WebAssembly.instantiateStreaming === 'function' && type.startsWith('application/wasm')) {
      ({ instance } = await WebAssembly.instantiateStreaming(response, {}));
    } else {
      ({ instance } = await WebAssembly.instantiate(await response.arrayBuffer(), {}));
    }
  }
  return makeEngine(instance);
}

function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

function makeEngine(instance) {
  const w = instance.exports;
  if (typeof w._initialize === 'function') w._initialize();
  const memory = new Uint8Array(w.memory.buffer);
  const inPtr = w.hs_wasm_in_ptr();
  const inCap = w.hs_wasm_in_cap();
  const outPtr = w.hs_wasm_out_ptr();
  const inView = memory.subarray(inPtr, inPtr + inCap);

  // The output of the last call, decoded and parsed. n < 0 is an HS_E* code.
  function readJSON(n) {
    if (n < 0) throw new Error(`engine error ${n}`);
    return JSON.parse(decoder.decode(memory.subarray(outPtr, outPtr + n)));
  }

  // Writes text into the input buffer; returns its byte length, or -1 if it does not fit.
  function writeText(text) {
    const { read, written } = encoder.encodeInto(text, inView);
    return read < text.length ? -1 : written;
  }

  // Decoded once: the catalogue of every known code, and a phrase per code.
  const catalog = deepFreeze(readJSON(w.hs_wasm_catalog()).map((e) => ({ ...e, class: Math.floor(e.code / 100) })));
  // A plain object keyed by code: V8 keeps sparse integer keys as fast
  // elements. Only numbers index it, so no key can reach Object.prototype.
  const phraseByCode = {};
  for (const e of catalog) phraseByCode[e.code] = e.phrase;
  const codeList = catalog.map((e) => e.code);
  const lookupCache = new Array(600);
  const requests = makeRequestParser(w, memory, inView, inPtr, inCap, outPtr, readJSON(w.hs_wasm_request_reasons()));

  const tooLong = (n) => deepFreeze({
    error: {
      code: 'toolong',
      message: {
        en: `The input is longer than the engine accepts (${n} bytes at most).`,
        ko: `입력이 엔진이 받는 길이(최대 ${n}바이트)보다 길다.`,
      },
    },
  });

  return Object.freeze({
    /** Size in bytes of the engine's input buffer: the hard limit of one input. */
    inputCapacity: inCap,

    /** The reason phrase of a known code, or undefined. The fast path: no wasm call. */
    phrase(code) {
      return typeof code === 'number' ? phraseByCode[code] : undefined;
    },

    /**
     * Everything the engine knows about a code (a frozen object), or null for
     * a non-code. An unassigned code in 100–599 is described, not null.
     */
    lookup(code) {
      if (typeof code === 'string' && /^\s*\d{3}\s*$/.test(code)) code = Number(code);
      if (!Number.isInteger(code) || code < 100 || code > 599) return null;
      let entry = lookupCache[code];
      if (!entry) entry = lookupCache[code] = deepFreeze(readJSON(w.hs_wasm_lookup(code)));
      return entry;
    },

    /**
     * Reads what a person typed. Returns { kind, matches: [codes, best first] }
     * or { error: { code, message: { en, ko } } }; never throws for any string.
     */
    query(text) {
      if (typeof text !== 'string') throw new TypeError(`query(text) takes a string, not ${text === null ? 'null' : typeof text}`);
      const n = writeText(text);
      if (n < 0) return tooLong(inCap);
      return deepFreeze(readJSON(w.hs_wasm_query(n)));
    },

    /** Every code the engine knows, ascending (a new array each call). */
    codes() {
      return codeList.slice();
    },

    /** The frozen catalogue: [{ code, name, phrase, titleKo, registry, flags, class }]. */
    catalog() {
      return catalog;
    },

    /**
     * Reads one HTTP/1.1 request (RFC 9112) from a string or Uint8Array.
     * Returns { ok: true, method, target, path, query, version, form, headers:
     * [[name, value]], trailers, body, framing, contentLength, consumed } or
     * { ok: false, incomplete?: true, missing?, error: { status, reason: { en,
     * ko }, offset, rule, name } }. Offsets and consumed count bytes (UTF-8 for
     * a string). options: { limits: { maxRequestLine, maxTarget,
     * maxHeaderSection, maxHeaders, maxBody }, lenient: true | { bareLF },
     * offset: byte offset to start at }. Never throws for any input.
     */
    parseRequest: requests.parseRequest,

    /** Reads pipelined requests one after another: an array of parseRequest
     * results, ending at the input's end or at the first one that is not ok. */
    parseRequests: requests.parseRequests,

    /** Every reason the request parser gives, indexed by id: { name, status, rule, text: { en, ko } }. */
    requestReasons: requests.reasons,

    /** The raw wasm exports, for tests and benchmarks. (A plain property:
     * an accessor here would push the frozen object into slow mode.) */
    wasm: w,
  });
}

// ---- request parser ---------------------------------------------------------
//
// parseRequest(input, options) reads one HTTP/1.1 request with the engine's
// strict RFC 9112 parser (src/request.c). The engine writes scalars (byte
// offsets and lengths) into a word array; the glue slices the caller's own
// string when the input was ASCII, and decodes bytes otherwise.

const REQUEST_FORMS = ['origin', 'absolute', 'authority', 'asterisk'];
const REQUEST_FRAMING = ['none', 'length', 'chunked'];
const REQUEST_LIMIT_KEYS = ['maxRequestLine', 'maxTarget', 'maxHeaderSection', 'maxHeaders', 'maxBody'];
const REQUEST_VERSIONS = Array.from({ length: 10 }, (_, m) => `HTTP/1.${m}`);
const REQUEST_WORDS = 32 + 4 * 128; // src/wasm.c: 32 scalar words, then 4 per field line
const LENIENT_BARE_LF = 1;
const MODE_ASCII = 0; // a string with only ASCII: byte offsets are string indexes
const MODE_UTF8 = 1; // any other string: spans are decoded as UTF-8
const MODE_BYTES = 2; // a Uint8Array: spans are read one character per byte (ISO-8859-1)
const lossyDecoder = new TextDecoder('utf-8');
const defaultRequestArgs = Object.freeze([-1, -1, -1, -1, -1, 0]);

// Byte length of text in UTF-8, as TextEncoder writes it (a lone surrogate is U+FFFD).
function utf8Length(text) {
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

// bytes[s..e) as a string with one character per byte, as Node's http module reads field bytes.
function latin1(bytes, s, e) {
  let out = '';
  for (let i = s; i < e; i += 8192) out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(e, i + 8192)));
  return out;
}

// The engine's arguments for options: [5 limits (-1 = default), lenient bits], and the start offset.
function requestArgs(options) {
  if (options === undefined || options === null || typeof options !== 'object') return defaultRequestArgs;
  const args = defaultRequestArgs.slice();
  const limits = options.limits;
  if (limits !== null && typeof limits === 'object') {
    for (let i = 0; i < REQUEST_LIMIT_KEYS.length; i++) {
      const v = limits[REQUEST_LIMIT_KEYS[i]];
      if (typeof v === 'number' && v >= 0) args[i] = v >= 0x7fffffff ? 0x7fffffff : Math.floor(v);
    }
  }
  const lenient = options.lenient;
  if (lenient === true || (lenient !== null && typeof lenient === 'object' && lenient.bareLF === true)) {
    args[5] = LENIENT_BARE_LF;
  }
  return args;
}

function requestOffset(options) {
  const v = options !== null && typeof options === 'object' ? options.offset : undefined;
  return typeof v === 'number' && v > 0 ? Math.floor(Math.min(v, 0x7fffffff)) : 0;
}

function makeRequestParser(w, memory, inView, inPtr, inCap, outPtr, reasonList) {
  const reasons = reasonList.map((r) => Object.freeze({
    name: r.name, status: r.status, rule: r.rule, text: Object.freeze({ en: r.en, ko: r.ko }),
  }));
  const words = new Uint32Array(w.memory.buffer, w.hs_wasm_request_words(), REQUEST_WORDS);
  const parse = w.hs_wasm_parse_request;

  // The input now in the buffer: n bytes of it, total bytes from shift to its end,
  // and shift, the input's byte offset at the start of the buffer.
  let n = 0;
  let total = 0;
  let shift = 0;

  function placeBytes(bytes, from) {
    if (from > bytes.length) from = bytes.length;
    const rest = bytes.length - from;
    n = rest < inCap ? rest : inCap;
    inView.set(from === 0 && n === bytes.length ? bytes : bytes.subarray(from, from + n));
    total = rest;
    shift = from;
  }

  // Writes input (from byte offset from) into the buffer; returns its MODE_*.
  function place(input, from) {
    if (typeof input !== 'string') {
      placeBytes(input, from);
      return MODE_BYTES;
    }
    if (from === 0) {
      const { read, written } = encoder.encodeInto(input, inView);
      n = written;
      shift = 0;
      total = read === input.length ? written : utf8Length(input);
      return total === input.length ? MODE_ASCII : MODE_UTF8;
    }
    const bytes = encoder.encode(input);
    placeBytes(bytes, from);
    return bytes.length === input.length ? MODE_ASCII : MODE_UTF8;
  }

  // Parses the request at byte start of the buffer; returns the JS result.
  function parseAt(input, mode, start, args) {
    const rc = parse(start, n, total > 0x7fffffff ? 0x7fffffff : total, args[0], args[1], args[2], args[3], args[4], args[5]);
    if (rc !== 0) {
      const r = reasons[words[4]] || reasons[0];
      const error = { status: words[3], reason: r.text, offset: shift + start + words[5], rule: r.rule, name: r.name };
      if (rc !== 1) return { ok: false, error };
      return words[2] === 0xffffffff ? { ok: false, incomplete: true, error } : { ok: false, incomplete: true, missing: words[2], error };
    }
    const consumed = words[1];
    let src = null;
    let base = 0;
    let at = 0;
    if (mode === MODE_ASCII) {
      src = input;
      base = shift + start;
    } else if (mode === MODE_BYTES) {
      src = latin1(memory, inPtr + start, inPtr + start + consumed);
    } else {
      at = inPtr + start;
    }
    const span = (k) => (src !== null
      ? src.slice(base + words[k], base + words[k] + words[k + 1])
      : lossyDecoder.decode(memory.subarray(at + words[k], at + words[k] + words[k + 1])));

    const nHeaders = words[19];
    const headers = new Array(nHeaders);
    for (let i = 0, k = 32; i < nHeaders; i++, k += 4) headers[i] = [span(k), span(k + 2)];
    const nTrailers = words[21];
    const trailers = new Array(nTrailers);
    for (let i = 0, k = 32 + 4 * words[20]; i < nTrailers; i++, k += 4) trailers[i] = [span(k), span(k + 2)];

    const framing = words[17];
    const bodyLen = words[18];
    let body;
    if (mode === MODE_BYTES) body = memory.slice(outPtr, outPtr + bodyLen);
    else if (bodyLen === 0) body = '';
    else if (mode === MODE_ASCII && framing === 1) body = input.slice(base + consumed - bodyLen, base + consumed);
    else {
      try {
        body = decoder.decode(memory.subarray(outPtr, outPtr + bodyLen));
      } catch {
        body = memory.slice(outPtr, outPtr + bodyLen);
      }
    }
    const form = words[14];
    let path = span(10);
    if (form === 1 && path === '') path = '/'; // an empty path is "/" (RFC 9110 §4.2.3)
    return {
      ok: true,
      method: span(6),
      target: span(8),
      path,
      query: span(12),
      version: words[15] === 1 && words[16] < 10 ? REQUEST_VERSIONS[words[16]] : `HTTP/${words[15]}.${words[16]}`,
      form: REQUEST_FORMS[form],
      headers,
      trailers,
      body,
      framing: REQUEST_FRAMING[framing],
      contentLength: framing === 1 ? words[22] + words[23] * 4294967296 : null,
      consumed,
    };
  }

  function checkInput(input, name) {
    if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
      throw new TypeError(`${name}(input) takes a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`);
    }
  }

  return {
    reasons,

    parseRequest(input, options) {
      checkInput(input, 'parseRequest');
      const args = requestArgs(options);
      const mode = place(input, requestOffset(options));
      return parseAt(input, mode, 0, args);
    },

    parseRequests(input, options) {
      checkInput(input, 'parseRequests');
      const args = requestArgs(options);
      const mode = place(input, requestOffset(options));
      let bytes = null; // the input's bytes, once it is known not to fit the buffer
      const results = [];
      for (let start = 0; start < total;) {
        if (start > 0 && total > n) {
          // the rest does not fit: move the window to the next request
          if (bytes === null) bytes = typeof input === 'string' ? encoder.encode(input) : input;
          const from = shift + start;
          placeBytes(bytes, from);
          start = 0;
        }
        const r = parseAt(input, mode, start, args);
        results.push(r);
        if (!r.ok || r.consumed === 0) break;
        start += r.consumed;
      }
      return results;
    },
  };
}

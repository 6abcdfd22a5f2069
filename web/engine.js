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
  const server = makeServer(w, inView, inCap, readJSON);

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

    /** Runs raw request bytes (a string or Uint8Array, possibly several
     * pipelined requests) through the simulated server as one connection:
     * { exchanges: [{ request, interim, response, connection, trace }], rest,
     * state }. options: { state: partial state applied first, lang: 'en' |
     * 'ko' (messages when the request has no Accept-Language) }. */
    simulate: server.simulate,

    /** The request (and setup) that makes the server answer code:
     * { code, reason: 'real' | 'status-route', final, request, setup,
     * explanation: { en, ko } }, or null outside 100–599. */
    example: server.example,

    /** The codes the server sends for a real reason: [{ code, final }]. */
    exampleCodes: server.exampleCodes,

    /** What a client does after exchange: { kind, request?, after?,
     * explanation: { en, ko }, rule }, or null when nothing follows. */
    followUp: server.followUp,

    /** The simulated server's state; setServerState(partial) changes it and
     * returns the new state; resetServer() puts it back and returns it. */
    serverState: server.serverState,
    setServerState: server.setServerState,
    resetServer: server.resetServer,

    /** The Flask handler for one of the article's codes: { code, route,
     * naive, corrected, common, differs, explanation, example, exchange,
     * response }, or null. */
    handler: server.handler,

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
// TextDecoder's 'latin1' is windows-1252: fast, and exact unless a byte in
// 0x80-0x9F became a character above U+00FF; then the bytes are mapped one by one.
const windows1252 = new TextDecoder('latin1');
function latin1(bytes, s, e) {
  const fast = windows1252.decode(bytes.subarray(s, e));
  if (!/[\u0100-\uffff]/.test(fast)) return fast;
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

  // Field lines k = 32 + 4 * first ... as [name, value] pairs, sliced from
  // src at base (a string with one character per byte), or decoded as UTF-8
  // from the buffer at address at when src is null.
  function fieldLines(src, base, at, first, count) {
    const out = new Array(count);
    for (let i = 0, k = 32 + 4 * first; i < count; i++, k += 4) {
      const n = words[k];
      const v = words[k + 2];
      out[i] = src !== null
        ? [src.slice(base + n, base + n + words[k + 1]), src.slice(base + v, base + v + words[k + 3])]
        : [lossyDecoder.decode(memory.subarray(at + n, at + n + words[k + 1])), lossyDecoder.decode(memory.subarray(at + v, at + v + words[k + 3]))];
    }
    return out;
  }

  // The words k (offset) and k + 1 (length) as a string; see fieldLines.
  function spanText(src, base, at, k) {
    const o = words[k];
    return src !== null ? src.slice(base + o, base + o + words[k + 1]) : lossyDecoder.decode(memory.subarray(at + o, at + o + words[k + 1]));
  }

  // Bytes [s, e) of the request (at byte start of the buffer) as one character per byte.
  function bytesText(start, s, e) {
    return latin1(memory, inPtr + start + s, inPtr + start + e);
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
    const nHeaders = words[19];
    const nTrailers = words[21];
    const framing = words[17];
    const bodyLen = words[18];
    let src = null;
    let base = 0;
    let at = 0;
    let trailers;
    if (mode === MODE_ASCII) {
      src = input;
      base = shift + start;
      trailers = nTrailers === 0 ? [] : fieldLines(src, base, 0, words[20], nTrailers);
    } else if (mode === MODE_BYTES) {
      // only the head (and the trailers), not the content
      const last = 32 + 4 * (nHeaders - 1);
      const headEnd = nHeaders === 0 ? words[8] + words[9] : words[last + 2] + words[last + 3];
      src = bytesText(start, 0, headEnd);
      if (nTrailers === 0) {
        trailers = [];
      } else {
        const t0 = 32 + 4 * words[20];
        const t1 = t0 + 4 * (nTrailers - 1);
        trailers = fieldLines(bytesText(start, words[t0], words[t1 + 2] + words[t1 + 3]), -words[t0], 0, words[20], nTrailers);
      }
    } else {
      at = inPtr + start;
      trailers = fieldLines(null, 0, at, words[20], nTrailers);
    }
    const headers = fieldLines(src, base, at, 0, nHeaders);

    let body;
    if (mode === MODE_BYTES) body = memory.slice(outPtr, outPtr + bodyLen);
    else if (bodyLen === 0) body = '';
    else if (mode === MODE_ASCII && framing === 1) body = input.slice(base + consumed - bodyLen, base + consumed);
    else if (mode === MODE_ASCII) body = lossyDecoder.decode(memory.subarray(outPtr, outPtr + bodyLen)); // ASCII: exact
    else {
      try {
        body = decoder.decode(memory.subarray(outPtr, outPtr + bodyLen));
      } catch {
        body = memory.slice(outPtr, outPtr + bodyLen);
      }
    }
    const form = words[14];
    const path = form === 1 && words[11] === 0 ? '/' : spanText(src, base, at, 10); // an empty path is "/" (RFC 9110 §4.2.3)
    return {
      ok: true,
      method: spanText(src, base, at, 6),
      target: spanText(src, base, at, 8),
      path,
      query: spanText(src, base, at, 12),
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

// ---- simulated server -------------------------------------------------------
//
// simulate(raw, options) runs raw request bytes through the engine's virtual
// HTTP/1.1 server (src/server.c): one connection, every pipelined request in
// order, the exact response bytes and the decision trace. The server's state
// (items, rate limit, maintenance, upstream, virtual clock) lives in the
// engine; JS reads and sets it as JSON. followUp(exchange) is what a client
// does next, decided from the engine's registry facts (redirect method rules,
// Retry-After, challenges).

const SERVER_LANGS = { en: 0, ko: 1 };
const SAMPLE_WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ=='; // RFC 6455 §1.3
const DROP_WHEN_NO_CONTENT = new Set(['content-length', 'content-type', 'transfer-encoding', 'expect', 'content-encoding']);

function makeServer(w, inView, inCap, readJSON) {
  const lookups = new Map();
  const lookup = (code) => {
    if (!lookups.has(code)) lookups.set(code, code >= 100 && code <= 599 ? readJSON(w.hs_wasm_lookup(code)) : null);
    return lookups.get(code);
  };

  // Writes raw (string or bytes) into the input buffer; returns [len, total].
  function placeRaw(raw) {
    if (typeof raw === 'string') {
      const { read, written } = encoder.encodeInto(raw, inView);
      return [written, read === raw.length ? written : utf8Length(raw)];
    }
    const n = raw.length < inCap ? raw.length : inCap;
    inView.set(n === raw.length ? raw : raw.subarray(0, n));
    return [n, raw.length];
  }

  // Sends a JSON document to hs_wasm_server_set; returns the new state or throws.
  function applyState(partial) {
    const text = JSON.stringify(partial);
    const n = encoder.encodeInto(text, inView);
    if (n.read < text.length) throw new RangeError(`setServerState: the state is longer than ${inCap} bytes`);
    const out = readJSON(w.hs_wasm_server_set(n.written));
    if (out.error) {
      throw new RangeError(`setServerState: ${out.error.key ? `${out.error.key} ` : ''}${out.error.message.en}`);
    }
    return out;
  }

  function checkState(partial, name) {
    if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
      throw new TypeError(`${name} takes an object, not ${partial === null ? 'null' : Array.isArray(partial) ? 'an array' : typeof partial}`);
    }
  }

  return {
    simulate(raw, options) {
      if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) {
        throw new TypeError(`simulate(raw) takes a string or a Uint8Array, not ${raw === null ? 'null' : typeof raw}`);
      }
      const opts = options !== null && typeof options === 'object' ? options : {};
      if (opts.state !== undefined) {
        checkState(opts.state, 'simulate(raw, { state })');
        applyState(opts.state);
      }
      const [len, total] = placeRaw(raw);
      return readJSON(w.hs_wasm_simulate(len, total > 0x7fffffff ? 0x7fffffff : total, SERVER_LANGS[opts.lang] || 0));
    },

    example(code) {
      if (typeof code === 'string' && /^\s*\d{3}\s*$/.test(code)) code = Number(code);
      if (!Number.isInteger(code) || code < 100 || code > 599) return null;
      return readJSON(w.hs_wasm_server_example(code));
    },

    exampleCodes() {
      return readJSON(w.hs_wasm_server_examples());
    },

    serverState() {
      return readJSON(w.hs_wasm_server_state());
    },

    setServerState(partial) {
      checkState(partial, 'setServerState(partial)');
      return applyState(partial);
    },

    resetServer() {
      return readJSON(w.hs_wasm_server_reset());
    },

    handler(code, lang) {
      if (!Number.isInteger(code)) return null;
      const n = w.hs_wasm_server_handler(code, SERVER_LANGS[lang] || 0);
      if (n < 0) return null;
      const hd = readJSON(n);
      const xs = hd.exchange && hd.exchange.exchanges;
      hd.response = xs && xs.length ? xs[xs.length - 1].response : null;
      return hd;
    },

    followUp(exchange) {
      return followUp(exchange, lookup);
    },
  };
}

// The value of the first field called name in [[name, value]] pairs, or undefined.
function fieldOf(fields, name) {
  const lower = name.toLowerCase();
  const f = (fields || []).find((p) => p[0].toLowerCase() === lower);
  return f ? f[1] : undefined;
}

// Builds request bytes: method target HTTP/1.1, Host, the other fields, content.
function buildRequest(method, target, host, fields, body) {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`];
  for (const [n, v] of fields) if (n.toLowerCase() !== 'host' && n.toLowerCase() !== 'content-length') lines.push(`${n}: ${v}`);
  if (body) lines.push(`Content-Length: ${utf8Length(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body || ''}`;
}

// Resolves a Location against the request (RFC 9110 §10.2.2, RFC 3986 §5):
// returns { host, target } for an http(s) or relative reference, or null.
function resolveLocation(location, req, host) {
  const m = /^https?:\/\/([^/?#]+)([^#]*)$/i.exec(location);
  if (m) return { host: m[1], target: m[2] || '/' };
  if (location.startsWith('//')) return resolveLocation(`http:${location}`, req, host);
  if (location.startsWith('/')) return { host, target: location.split('#')[0] };
  if (/^[a-z][a-z0-9+.-]*:/i.test(location)) return null;
  const base = (req.path || '/').replace(/[^/]*$/, '');
  return { host, target: (base + location).split('#')[0] };
}

// Seconds a Retry-After value asks for (delta-seconds or an HTTP-date), or null.
function retryAfterSeconds(value, dateValue) {
  if (value === undefined) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const t = Date.parse(value);
  const now = dateValue ? Date.parse(dateValue) : NaN;
  return Number.isNaN(t) || Number.isNaN(now) ? null : Math.max(0, Math.round((t - now) / 1000));
}

function followUp(x, lookup) {
  if (!x || typeof x !== 'object' || !x.response || !x.request) return null;
  const res = x.response;
  const req = x.request;
  const status = res.status;
  const fields = Array.isArray(req.headers) ? req.headers : [];
  const host = fieldOf(fields, 'Host') || 'api.example';
  const header = (name) => fieldOf(res.headers, name);
  const again = (extraDrop = [], add = []) => buildRequest(req.method, req.target,
    host, fields.filter(([n]) => !extraDrop.includes(n.toLowerCase())).concat(add), req.body);
  if (!req.method) return null;

  const info = lookup(status);
  const location = header('Location');
  if (status >= 300 && status < 400 && location && info && info.redirect) {
    const to = resolveLocation(location, req, host);
    if (!to) return null;
    const rule = info.redirect.method;
    let method = req.method;
    if (rule === 'get' && method !== 'HEAD') method = 'GET';
    if (rule === 'post-may-become-get' && method === 'POST') method = 'GET';
    const keep = method === req.method && rule !== 'get';
    const kept = fields.filter(([n]) => keep || !DROP_WHEN_NO_CONTENT.has(n.toLowerCase()));
    return {
      kind: 'redirect',
      method,
      target: to.target,
      request: buildRequest(method, to.target, to.host, kept, keep ? req.body : ''),
      explanation: method === req.method
        ? { en: `The client follows Location to ${location} with the same method (${method})${keep && req.body ? ' and the same content' : ''}.`,
            ko: `클라이언트는 Location을 따라 ${location}(으)로 같은 메서드(${method})${keep && req.body ? '와 같은 본문으' : ''}로 요청한다.` }
        : { en: `The client follows Location to ${location}, turning ${req.method} into ${method} and dropping the content: ${info.redirect.explain.en}`,
            ko: `클라이언트는 Location을 따라 ${location}(으)로 가며 ${req.method}를 ${method}(으)로 바꾸고 본문을 버린다. ${info.redirect.explain.ko}` },
      rule: `RFC 9110 §${info.reference ? info.reference.section : '15.4'}`,
    };
  }
  if (status === 304) {
    return {
      kind: 'cache',
      explanation: { en: 'The client uses the copy it already has: its validator still matches.', ko: '클라이언트는 이미 가진 사본을 쓴다. 검증자가 여전히 일치한다.' },
      rule: 'RFC 9110 §15.4.5',
    };
  }
  if (status === 401 && /^\s*bearer\b/i.test(header('WWW-Authenticate') || '')) {
    return {
      kind: 'authenticate',
      request: again(['authorization'], [['Authorization', 'Bearer user-token']]),
      explanation: { en: 'The client answers the Bearer challenge: it repeats the request with credentials (this simulation accepts user-token and admin-token).',
        ko: '클라이언트는 Bearer 챌린지에 답해 자격 증명을 붙여 요청을 다시 보낸다 (이 시뮬레이션은 user-token과 admin-token을 받는다).' },
      rule: 'RFC 9110 §11.6.2',
    };
  }
  const after = retryAfterSeconds(header('Retry-After'), header('Date'));
  if ((status === 429 || status === 503) && after !== null) {
    return {
      kind: 'retry',
      after,
      request: again(),
      explanation: { en: `The client waits ${after} s, as Retry-After asks, then sends the same request again.`,
        ko: `클라이언트는 Retry-After가 말한 대로 ${after}초 기다린 뒤 같은 요청을 다시 보낸다.` },
      rule: 'RFC 9110 §10.2.3',
    };
  }
  if (status === 408) {
    return {
      kind: 'reconnect',
      explanation: { en: 'The server closed the connection; the client may open a new one and send the whole request again.',
        ko: '서버가 연결을 닫았다. 클라이언트는 새 연결을 열고 요청 전체를 다시 보낼 수 있다.' },
      rule: 'RFC 9110 §15.5.9',
    };
  }
  if (status === 417) {
    return {
      kind: 'retry',
      request: again(['expect']),
      explanation: { en: 'The client repeats the request without the expectation the server cannot meet.', ko: '클라이언트는 서버가 들어줄 수 없는 기대를 빼고 요청을 다시 보낸다.' },
      rule: 'RFC 9110 §10.1.1',
    };
  }
  if (status === 426 && /websocket/i.test(header('Upgrade') || '')) {
    const drop = ['upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version'];
    return {
      kind: 'upgrade',
      request: buildRequest('GET', req.target, host, fields.filter(([n]) => !drop.includes(n.toLowerCase()) && !DROP_WHEN_NO_CONTENT.has(n.toLowerCase()))
        .concat([['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Key', SAMPLE_WS_KEY], ['Sec-WebSocket-Version', '13']]), ''),
      explanation: { en: 'The client asks to switch to the protocol Upgrade names: a WebSocket handshake (with the sample key of RFC 6455).',
        ko: '클라이언트는 Upgrade가 밝힌 프로토콜로 전환을 요청한다. RFC 6455의 예시 키로 하는 WebSocket 핸드셰이크다.' },
      rule: 'RFC 9110 §15.5.22',
    };
  }
  if ((status === 201 || status === 202) && location) {
    const to = resolveLocation(location, req, host);
    if (!to) return null;
    const kept = fields.filter(([n]) => !DROP_WHEN_NO_CONTENT.has(n.toLowerCase()));
    return {
      kind: status === 201 ? 'fetch' : 'poll',
      method: 'GET',
      target: to.target,
      request: buildRequest('GET', to.target, to.host, kept, ''),
      explanation: status === 201
        ? { en: `The client can fetch the new resource at ${location}.`, ko: `클라이언트는 ${location}에서 새 리소스를 가져올 수 있다.` }
        : { en: `The client polls the status monitor at ${location} to learn when the work is done.`, ko: `클라이언트는 ${location}의 상태 모니터를 확인해 작업이 끝났는지 알아본다.` },
      rule: status === 201 ? 'RFC 9110 §15.3.2' : 'RFC 9110 §15.3.3',
    };
  }
  return null;
}

// engine-request.js — the glue of the request parser (src/request.c) for
// engine.js: the engine writes scalars (byte offsets and lengths) into a word
// array; this slices the caller's own string when the input was ASCII, and
// decodes bytes otherwise. engine.js attaches the result to the engine object.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

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

export function makeRequestParser(w, memory, inView, inPtr, inCap, outPtr, reasonList) {
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
    /** Every reason the request parser gives, indexed by id: { name, status, rule, text: { en, ko } }. */
    reasons,

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
    parseRequest(input, options) {
      checkInput(input, 'parseRequest');
      const args = requestArgs(options);
      const mode = place(input, requestOffset(options));
      return parseAt(input, mode, 0, args);
    },

    /** Reads pipelined requests one after another: an array of parseRequest
     * results, ending at the input's end or at the first one that is not ok. */
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

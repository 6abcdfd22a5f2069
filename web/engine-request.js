// engine-request.js — the glue of the request parser (src/http/request.c):
// parseRequest(input, options) and parseRequests(input, options), which
// engine.js attaches to the engine object. The engine writes scalars (byte
// offsets and lengths) into a word array, laid out as it describes itself
// (hs_wasm_request_layout); this file slices the caller's own string when
// the input was ASCII, and decodes bytes otherwise.

import { MODE_ASCII, MODE_BYTES, INT_MAX } from './engine-io.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const lossyDecoder = new TextDecoder('utf-8');
const REQUEST_VERSIONS = Array.from({ length: 10 }, (_, m) => `HTTP/1.${m}`);

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

function checkInput(input, name) {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError(`${name}(input) takes a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`);
  }
}

function requestOffset(options) {
  const v = options !== null && typeof options === 'object' ? options.offset : undefined;
  return typeof v === 'number' && v > 0 ? Math.floor(Math.min(v, INT_MAX)) : 0;
}

// Returns options => the engine's arguments after (start, len, total): the
// limits in the order the engine lists them (-1 = its default), then the
// lenient bits.
function argsReader(layout) {
  const keys = layout.limits;
  const defaults = Object.freeze([...keys.map(() => -1), 0]);
  return (options) => {
    if (options === undefined || options === null || typeof options !== 'object') return defaults;
    const args = defaults.slice();
    const limits = options.limits;
    if (limits !== null && typeof limits === 'object') {
      for (let i = 0; i < keys.length; i++) {
        const v = limits[keys[i]];
        if (typeof v === 'number' && v >= 0) args[i] = v >= INT_MAX ? INT_MAX : Math.floor(v);
      }
    }
    const lenient = options.lenient;
    if (lenient === true || (lenient !== null && typeof lenient === 'object' && lenient.bareLF === true)) {
      args[keys.length] = layout.lenient.bareLF;
    }
    return args;
  };
}

// Turns the words of the last parse into spans of text. A span is read from
// src at base (a string with one character per byte, or the caller's ASCII
// string), or decoded as UTF-8 from memory at address at when src is null.
function spanReader(memory, words, layout) {
  const FIELDS = layout.fieldsAt;
  const FW = layout.fieldWords; // per field line: name off, name len, value off, value len

  // Field lines first .. first + count as [name, value] pairs. (Two loops,
  // not one with the test inside: slicing src is the hot path of
  // parseRequest(string), a fifth of its time.)
  function fieldLines(src, base, at, first, count) {
    const out = new Array(count);
    if (src !== null) {
      for (let i = 0, k = FIELDS + FW * first; i < count; i++, k += FW) {
        const n = base + words[k];
        const v = base + words[k + 2];
        out[i] = [src.slice(n, n + words[k + 1]), src.slice(v, v + words[k + 3])];
      }
      return out;
    }
    for (let i = 0, k = FIELDS + FW * first; i < count; i++, k += FW) {
      const n = at + words[k];
      const v = at + words[k + 2];
      out[i] = [lossyDecoder.decode(memory.subarray(n, n + words[k + 1])), lossyDecoder.decode(memory.subarray(v, v + words[k + 3]))];
    }
    return out;
  }

  // The words k (offset) and k + 1 (length) as a string.
  function spanText(src, base, at, k) {
    const o = words[k];
    return src !== null ? src.slice(base + o, base + o + words[k + 1]) : lossyDecoder.decode(memory.subarray(at + o, at + o + words[k + 1]));
  }

  // The byte just past field line i (its value's end).
  const fieldEnd = (i) => words[FIELDS + FW * i + 2] + words[FIELDS + FW * i + 3];
  const fieldStart = (i) => words[FIELDS + FW * i];

  return { fieldLines, spanText, fieldEnd, fieldStart };
}

// Reads the words of the last parse into the JS results: failure(rc, start)
// for a request that was not read whole, success(input, mode, start) for one
// that was (at byte start of the buffer; mode: how the input was staged).
function resultReader(w, io, layout, reasons) {
  const { memory, inPtr, outPtr, staged } = io;
  // Read as int32: every word but missing and the content length's halves
  // is below 2^31, and int32 loads keep the offset arithmetic in small
  // integers (a few percent of parseRequest(string)); those three are read
  // with >>> 0.
  const words = new Int32Array(w.memory.buffer, w.hs_wasm_request_words(), layout.words);
  const W = layout.word;
  const R = layout.result;
  const FORMS = layout.forms;
  const FRAMING = layout.framing;
  const FORM_ABSOLUTE = FORMS.indexOf('absolute');
  const FRAMING_LENGTH = FRAMING.indexOf('length');
  const { fieldLines, spanText, fieldEnd, fieldStart } = spanReader(memory, words, layout);

  // Bytes [s, e) of the request (at byte start of the buffer) as one character per byte.
  const bytesText = (start, s, e) => latin1(memory, inPtr + start + s, inPtr + start + e);

  function failure(rc, start) {
    const r = reasons[words[W.reason]] || reasons[0];
    const error = { status: words[W.status], reason: r.text, offset: staged.shift + start + words[W.errorOffset], rule: r.rule, name: r.name };
    if (rc !== R.incomplete) return { ok: false, error };
    return words[W.missing] >>> 0 === layout.missingUnknown ? { ok: false, incomplete: true, error } : { ok: false, incomplete: true, missing: words[W.missing], error };
  }

  // The decoded content of the request just read, bodyLen bytes at outPtr
  // (for length framing in an ASCII string, sliced from the string itself).
  function content(input, mode, base, consumed, bodyLen, framing) {
    if (mode === MODE_BYTES) return memory.slice(outPtr, outPtr + bodyLen);
    if (bodyLen === 0) return '';
    if (mode === MODE_ASCII && framing === FRAMING_LENGTH) return input.slice(base + consumed - bodyLen, base + consumed);
    if (mode === MODE_ASCII) return lossyDecoder.decode(memory.subarray(outPtr, outPtr + bodyLen)); // ASCII: exact
    try {
      return decoder.decode(memory.subarray(outPtr, outPtr + bodyLen));
    } catch {
      return memory.slice(outPtr, outPtr + bodyLen);
    }
  }

  function success(input, mode, start) {
    const consumed = words[W.consumed];
    const nHeaders = words[W.nHeaders];
    const nTrailers = words[W.nTrailers];
    const firstTrailer = words[W.trailerStart];
    const framing = words[W.framing];
    // Where spans are read from (see spanReader), and the trailers.
    let src = null;
    let base = 0;
    let at = 0;
    let trailers;
    if (mode === MODE_ASCII) {
      src = input;
      base = staged.shift + start;
      trailers = nTrailers === 0 ? [] : fieldLines(src, base, 0, firstTrailer, nTrailers);
    } else if (mode === MODE_BYTES) {
      // only the head (and the trailers), not the content
      src = bytesText(start, 0, nHeaders === 0 ? words[W.target] + words[W.targetLen] : fieldEnd(nHeaders - 1));
      if (nTrailers === 0) {
        trailers = [];
      } else {
        const t0 = fieldStart(firstTrailer);
        trailers = fieldLines(bytesText(start, t0, fieldEnd(firstTrailer + nTrailers - 1)), -t0, 0, firstTrailer, nTrailers);
      }
    } else {
      at = inPtr + start;
      trailers = fieldLines(null, 0, at, firstTrailer, nTrailers);
    }
    const form = words[W.form];
    const major = words[W.versionMajor];
    const minor = words[W.versionMinor];
    return {
      ok: true,
      method: spanText(src, base, at, W.method),
      target: spanText(src, base, at, W.target),
      path: form === FORM_ABSOLUTE && words[W.pathLen] === 0 ? '/' : spanText(src, base, at, W.path), // an empty path is "/" (RFC 9110 §4.2.3)
      query: spanText(src, base, at, W.query),
      version: major === 1 && minor < 10 ? REQUEST_VERSIONS[minor] : `HTTP/${major}.${minor}`,
      form: FORMS[form],
      headers: fieldLines(src, base, at, 0, nHeaders),
      trailers,
      body: content(input, mode, base, consumed, words[W.bodyLen], framing),
      framing: FRAMING[framing],
      contentLength: framing === FRAMING_LENGTH ? (words[W.contentLengthLow] >>> 0) + (words[W.contentLengthHigh] >>> 0) * 4294967296 : null,
      consumed,
    };
  }

  return { failure, success };
}

/**
 * The request parser of one engine instance: w its wasm exports, io its
 * buffers (engine-io.js), reasonList the engine's reasons
 * (hs_wasm_request_reasons) and layout its word layout (hs_wasm_request_layout).
 */
export function makeRequestParser(w, io, reasonList, layout) {
  const { staged, stage } = io;
  const reasons = reasonList.map((r) => Object.freeze({
    name: r.name, status: r.status, rule: r.rule, text: Object.freeze({ en: r.en, ko: r.ko }),
  }));
  const parse = w.hs_wasm_parse_request;
  const OK = layout.result.ok;
  const requestArgs = argsReader(layout);
  const read = resultReader(w, io, layout, reasons);

  // Parses the request at byte start of the staged input; returns the JS
  // result. The arguments are written out, not spread from args (a few
  // percent of a small request's time).
  if (layout.limits.length !== 5) throw new Error('http.wasm: hs_wasm_parse_request takes 5 limits and the lenient bits');
  function parseAt(input, mode, start, args) {
    const total = staged.total > INT_MAX ? INT_MAX : staged.total;
    const rc = parse(start, staged.n, total, args[0], args[1], args[2], args[3], args[4], args[5]);
    return rc === OK ? read.success(input, mode, start) : read.failure(rc, start);
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
      const { mode } = stage(input, requestOffset(options));
      return parseAt(input, mode, 0, args);
    },

    /** Reads pipelined requests one after another: an array of parseRequest
     * results, ending at the input's end or at the first one that is not ok. */
    parseRequests(input, options) {
      checkInput(input, 'parseRequests');
      const args = requestArgs(options);
      const { mode } = stage(input, requestOffset(options));
      let bytes = null; // the input's bytes, once it is known not to fit the buffer
      const results = [];
      for (let start = 0; start < staged.total;) {
        if (start > 0 && staged.total > staged.n) {
          // the rest does not fit: move the window to the next request
          if (bytes === null) bytes = typeof input === 'string' ? encoder.encode(input) : input;
          stage(bytes, staged.shift + start);
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

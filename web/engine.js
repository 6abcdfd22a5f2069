// engine.js — the hand-written glue between JavaScript and status.wasm.
//
// The wasm has no imports and exports scalar functions only (src/wasm.c).
// Strings go in through one fixed input buffer (a length in) and come back
// as JSON in one fixed output buffer (a length out): engine-io.js. A
// negative return code is thrown as an Error with the engine's sentence for
// it in English and Korean (error.text), never as a bare number.
//
//   import { load } from './engine.js';
//   const hs = await load();
//   hs.lookup(404).phrase          // 'Not Found'
//   hs.query('4xx').matches        // [400, 401, ...]

import { engineIO } from './engine-io.js';
import { makeRequestParser } from './engine-request.js';
import { makeServer } from './engine-server.js';
import { makeLinter } from './engine-lint.js';

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

const NODE_FS = ['node:fs', 'promises'].join('/');

async function instantiate(source) {
  if (typeof source === 'string') source = new URL(source, import.meta.url);
  let instance;
  if (source instanceof WebAssembly.Module) {
    instance = await WebAssembly.instantiate(source, {});
  } else if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    ({ instance } = await WebAssembly.instantiate(source, {}));
  } else if (source instanceof URL && source.protocol === 'file:') {
    // The name is not a literal, so a bundler for the browser leaves it alone
    // (it is only reached in Node, for a file: URL).
    const { readFile } = await import(NODE_FS);
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

// Whether a temporary registration's expiry date ('YYYY-MM-DD', from the IANA
// row the engine holds, lookup(c).expires) has passed today (UTC). The engine
// reads no clock, so `expired` is decided here; on the day itself the
// registration still stands.
function isPast(date) {
  return date !== null && date < new Date().toISOString().slice(0, 10);
}

function makeEngine(instance) {
  const w = instance.exports;
  if (typeof w._initialize === 'function') w._initialize();
  const io = engineIO(w);
  const { inCap, stage, readJSON } = io;

  // Decoded once: the catalogue of every known code, and a phrase per code.
  const catalog = deepFreeze(readJSON(w.hs_wasm_catalog()).map((e) => ({ ...e, class: Math.floor(e.code / 100) })));
  // A plain object keyed by code: V8 keeps sparse integer keys as fast
  // elements. Only numbers index it, so no key can reach Object.prototype.
  const phraseByCode = {};
  for (const e of catalog) phraseByCode[e.code] = e.phrase;
  const codeList = catalog.map((e) => e.code);
  const lookupCache = new Array(600);
  const requests = makeRequestParser(w, io, readJSON(w.hs_wasm_request_reasons()), readJSON(w.hs_wasm_request_layout()));
  const server = makeServer(w, io);
  const linter = makeLinter(w, io);

  const tooLong = (n) => deepFreeze({
    error: {
      code: 'toolong',
      message: {
        en: `The input is longer than the engine accepts (${n} bytes at most).`,
        ko: `입력이 엔진이 받을 수 있는 길이(최대 ${n}바이트)보다 깁니다.`,
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
      if (!entry || (entry.expires !== null && entry.expired !== isPast(entry.expires))) {
        const info = entry ? { ...entry } : readJSON(w.hs_wasm_lookup(code));
        info.expired = isPast(info.expires);
        entry = lookupCache[code] = deepFreeze(info);
      }
      return entry;
    },

    /**
     * Reads what a person typed. Returns { kind, matches: [codes, best first] }
     * or { error: { code, message: { en, ko } } }; never throws for any string.
     */
    query(text) {
      if (typeof text !== 'string') throw new TypeError(`query(text) takes a string, not ${text === null ? 'null' : typeof text}`);
      const s = stage(text);
      if (s.n < s.total) return tooLong(inCap);
      return deepFreeze(readJSON(w.hs_wasm_query(s.n)));
    },

    /** Every code the engine knows, ascending (a new array each call). */
    codes() {
      return codeList.slice();
    },

    /** The frozen catalogue: [{ code, name, phrase, titleKo, registry, flags, class }]. */
    catalog() {
      return catalog;
    },

    // The request parser and the simulated server: documented where they
    // are made (engine-request.js, engine-server.js) and in engine.d.ts.
    parseRequest: requests.parseRequest,
    parseRequests: requests.parseRequests,
    requestReasons: requests.reasons,
    simulate: server.simulate,
    example: server.example,
    exampleCodes: server.exampleCodes,
    followUp: server.followUp,
    serverState: server.serverState,
    setServerState: server.setServerState,
    resetServer: server.resetServer,
    handler: server.handler,
    serveNext: server.serveNext,
    setClosing: server.setClosing,
    lint: linter.lint,
    lintRules: linter.lintRules,

    /** The raw wasm exports, for tests and benchmarks. (A plain property:
     * an accessor here would push the frozen object into slow mode.) */
    wasm: w,
  });
}

// engine.js — the hand-written glue between JavaScript and the engine's
// wasm modules (src/wasm_io.h):
//
//   status.wasm      the first module: lookups, the catalogue, the query reader
//   text-en.bin,     each language's descriptions, a blob the first module
//   text-ko.bin      reads, fetched when that language is first needed
//   frameworks.bin   the framework table of lookup(c).frameworks, a blob the
//                    first module reads, fetched when first needed
//   http.wasm        the second module: the request parser and the simulated
//                    server, loaded the first time one of them is needed
//   examples.bin     the texts of example() and handler() (the Flask
//                    handlers, the examples' explanations), a blob the
//                    second module reads, fetched when a view first shows them
//   server-ko.bin    the simulated server's Korean (trace steps, response
//                    bodies), a blob the second module reads, fetched when
//                    an exchange is first told or answered in Korean
//   lint.wasm        the third module: the response linter, loaded the
//                    first time a lint is asked for (ready('lint'))
//
// The modules have no imports and export scalar functions only. Strings go
// in through one fixed input buffer (a length in) and come back as JSON in
// one fixed output buffer (a length out): engine-io.js, one per module. A
// negative return code is thrown as an Error with the engine's sentence for
// it in English and Korean (error.text), never as a bare number.
//
//   import { load } from './engine.js';
//   const hs = await load();                          // everything, as one engine
//   hs.lookup(404).phrase                             // 'Not Found'
//   const lean = await load(undefined, { ready: [] }); // the first module alone
//   await lean.ready('http');                         // then the parser and server

import { engineIO } from './engine-io.js';
import { isPast } from './expiry.js';

const PARTS = ['en', 'ko', 'http', 'examples', 'server-ko', 'lint', 'frameworks'];

// The parts that are data a module reads (every part but the modules 'http'
// and 'lint'): the file, the module that reads it (into: the first unless
// 'http'), and where the glue writes it (buf, cap) and has it installed
// (install: < 0 when the engine refuses it).
const BLOBS = {
  en: { file: './text-en.bin', buf: (w) => w.hs_wasm_text_buf(0), cap: (w) => w.hs_wasm_text_cap(), install: (w, n) => w.hs_wasm_text_load(0, n), what: "this engine's en text" },
  ko: { file: './text-ko.bin', buf: (w) => w.hs_wasm_text_buf(1), cap: (w) => w.hs_wasm_text_cap(), install: (w, n) => w.hs_wasm_text_load(1, n), what: "this engine's ko text" },
  frameworks: { file: './frameworks.bin', buf: (w) => w.hs_wasm_frameworks_buf(), cap: (w) => w.hs_wasm_frameworks_cap(), install: (w, n) => w.hs_wasm_frameworks_load(n), what: "this engine's framework table" },
  examples: { file: './examples.bin', into: 'http', buf: (w) => w.hs_wasm_examples_buf(), cap: (w) => w.hs_wasm_examples_cap(), install: (w, n) => w.hs_wasm_examples_load(n), what: "this engine's example texts" },
  'server-ko': { file: './server-ko.bin', into: 'http', buf: (w) => w.hs_wasm_server_ko_buf(), cap: (w) => w.hs_wasm_server_ko_cap(), install: (w, n) => w.hs_wasm_server_ko_load(n), what: "this engine's Korean server texts" },
};

let defaultEngine = null;

/**
 * Loads the engine. With no source the files beside this one are used and
 * one shared engine is returned to every caller. `source` (the first
 * module) may be a URL or string, a Response (or a promise of one), bytes,
 * or a WebAssembly.Module; the other files are found beside a URL source,
 * else beside this file, unless options.files names them ({ http, examples,
 * 'server-ko', lint, en, ko, frameworks }: each a URL, string, Response, bytes or
 * Module). options.ready lists the parts to have ready before the promise
 * resolves: 'en', 'ko' (the descriptions of that language), 'http'
 * (parseRequest, simulate and the rest of the second module), 'examples'
 * (the texts of example() and handler(), null before; it readies 'http'
 * too), 'server-ko' (the simulated server's Korean: before it, an exchange
 * told or answered in Korean is refused with an error whose part is
 * 'server-ko'; it readies 'http' too), 'lint' (lint and lintRules, the
 * third module) and 'frameworks' (lookup(c).frameworks); all seven by default. Their files are fetched while the first module compiles. Any
 * part can be readied later with `await hs.ready(part)`. options.glue is the
 * module engine-http.js (and, to lint there, an object with engine-lint.js's
 * makeLinter too), for a scope where import() is not allowed (a service
 * worker imports it itself); elsewhere each is imported when first needed.
 */
export function load(source, options) {
  const opts = options !== null && typeof options === 'object' ? options : {};
  const ready = Array.isArray(opts.ready) ? opts.ready : PARTS;
  let engine;
  if (source === undefined && opts.files === undefined) {
    if (!defaultEngine) {
      defaultEngine = instantiate(new URL('./status.wasm', import.meta.url), {}, opts.glue, ready);
      defaultEngine.catch(() => { defaultEngine = null; });
    }
    engine = defaultEngine;
  } else {
    engine = instantiate(source === undefined ? new URL('./status.wasm', import.meta.url) : source, opts.files || {}, opts.glue, ready);
  }
  return engine.then((hs) => hs.ready(...ready));
}

// Node's fs, not imported as an ES module: that reads every export of
// node:fs, and the lazy ones load Node's streams (a few ms of CPU before the
// first lookup). process.getBuiltinModule (Node 20.16+) costs nothing; older
// Nodes get it through createRequire. The names are not literals, so a
// bundler for the browser leaves them alone (only Node reads a file: URL).
const NODE_MODULE = ['node', 'module'].join(':');
async function nodeFs() {
  if (typeof process === 'object' && typeof process.getBuiltinModule === 'function') return process.getBuiltinModule('fs');
  const { createRequire } = await import(NODE_MODULE);
  return createRequire(import.meta.url)('fs');
}

// Where the other files are when the caller did not name them: beside a URL
// source, else beside this file.
function sibling(source, name) {
  return new URL(name, source instanceof URL ? source : import.meta.url);
}

// Fetches a file: bytes from a file: URL (Node), a Response otherwise.
async function fetchFile(source) {
  if (source instanceof URL && source.protocol === 'file:') {
    return (await nodeFs()).readFileSync(source);
  }
  const response = await (source instanceof URL ? fetch(source) : source);
  if (!response.ok) throw new Error(`${response.url || 'engine file'}: ${response.status} ${response.statusText}`);
  return response;
}

// Instantiates a wasm module from any source load() accepts; returns its instance.
async function instantiateModule(source) {
  if (typeof source === 'string') source = new URL(source, import.meta.url);
  if (source instanceof WebAssembly.Module) return WebAssembly.instantiate(source, {});
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return (await WebAssembly.instantiate(source, {})).instance;
  // fetchFile gives bytes for a file: URL, else a Response. Bytes are told
  // apart without naming the global Response: in Node its first mention
  // loads undici's fetch, about 40 ms of CPU a lookup never needs.
  const file = await fetchFile(source);
  // Bytes come back for a file: URL only, that is in Node, where a module of
  // any size may be compiled synchronously: sooner than the promise API,
  // whose compile hops between threads and the event loop (about 0.2 ms of
  // CPU for status.wasm; a browser allows it for small modules only).
  if (ArrayBuffer.isView(file)) return new WebAssembly.Instance(new WebAssembly.Module(file), {});
  const type = file.headers.get('content-type') || '';
  if (typeof WebAssembly.instantiateStreaming === 'function' && type.startsWith('application/wasm')) {
    return (await WebAssembly.instantiateStreaming(file, {})).instance;
  }
  return (await WebAssembly.instantiate(await file.arrayBuffer(), {})).instance;
}

// Reads a data file (bytes, a URL or string, a Response) as a Uint8Array.
async function readBytes(source) {
  if (typeof source === 'string') source = new URL(source, import.meta.url);
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  const file = await fetchFile(source);
  return ArrayBuffer.isView(file) ? file : new Uint8Array(await file.arrayBuffer());
}

// The engine from the first module (source), with the files of the other
// parts where files says; the blobs of the parts in early are fetched while
// the module compiles (an error in one is thrown by ready(), not here).
async function instantiate(source, files, glue, early) {
  if (typeof source === 'string') source = new URL(source, import.meta.url);
  const where = { http: files.http ?? sibling(source, './http.wasm'), lint: files.lint ?? sibling(source, './lint.wasm'), glue };
  for (const part of Object.keys(BLOBS)) where[part] = files[part] ?? sibling(source, BLOBS[part].file);
  const fetched = {};
  for (const part of new Set(early)) {
    if (!Object.hasOwn(BLOBS, part)) continue;
    fetched[part] = readBytes(where[part]);
    fetched[part].catch(() => {}); // awaited by ready(); unhandled only if the module fails first
  }
  return makeEngine(await instantiateModule(source), where, fetched);
}

function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

// Methods named in names, each calling the same method of what part() returns
// (a part of the second module, or the error that it is not loaded yet).
function forward(part, names) {
  return Object.fromEntries(names.map((name) => [name, (...args) => part()[name](...args)]));
}

function makeEngine(instance, where, fetched) {
  const w = instance.exports;
  if (typeof w._initialize === 'function') w._initialize();
  const io = engineIO(w);
  const { inCap, stage, readJSON } = io;

  // Decoded once, on first use (a lookup alone never needs it): the
  // catalogue of every known code, its codes, and a phrase per code in a
  // plain object keyed by code (V8 keeps sparse integer keys as fast
  // elements; only numbers index it, so no key can reach Object.prototype).
  let catalog = null;
  let codeList = null;
  let phraseByCode = null;
  function decodeCatalog() {
    catalog = deepFreeze(readJSON(w.hs_wasm_catalog()).map((e) => ({ ...e, class: Math.floor(e.code / 100) })));
    phraseByCode = {};
    for (const e of catalog) phraseByCode[e.code] = e.phrase;
    codeList = catalog.map((e) => e.code);
  }
  const lookupCache = new Array(600);
  const lookupJSON = (code) => readJSON(w.hs_wasm_lookup(code));

  // ---- the parts loaded on demand: each language's text, the framework
  // table, the second module, the third
  const pending = {};
  const loaded = { en: false, ko: false, http: false, examples: false, 'server-ko': false, lint: false, frameworks: false };
  let requests = null;
  const reasons = [];
  let server = null;
  let linter = null;
  let httpWasm = null;

  // A blob part (BLOBS): its bytes (fetched early, or now) written into the
  // module that reads it (the second is readied first) and installed there.
  async function loadBlob(part) {
    const blob = BLOBS[part];
    const early = fetched[part];
    delete fetched[part]; // a retry after a failure fetches again
    const [bytes] = await Promise.all([early || readBytes(where[part]), blob.into === 'http' ? ready('http') : null]);
    const m = blob.into === 'http' ? httpWasm : w;
    const name = blob.file.slice(2);
    if (bytes.length > blob.cap(m)) throw new Error(`${name}: ${bytes.length} bytes, more than the engine holds`);
    new Uint8Array(m.memory.buffer, blob.buf(m), bytes.length).set(bytes);
    if (blob.install(m, bytes.length) < 0) throw new Error(`${name} is not ${blob.what}`);
    lookupCache.fill(undefined); // entries made before now lack this part
  }

  // The second module and its glue (engine-http.js, unless load() was given
  // it as options.glue), fetched together.
  async function loadHttp() {
    const [{ makeHttp }, instance] = await Promise.all([where.glue || import('./engine-http.js'), instantiateModule(where.http)]);
    const hw = instance.exports;
    if (typeof hw._initialize === 'function') hw._initialize();
    ({ requests, server } = makeHttp(hw, engineIO(hw), lookupJSON));
    reasons.push(...requests.reasons);
    Object.freeze(reasons);
    httpWasm = hw;
  }

  // The third module (the linter) and its glue (engine-lint.js, unless
  // options.glue carries makeLinter), fetched together.
  async function loadLint() {
    const glue = where.glue && typeof where.glue.makeLinter === 'function' ? where.glue : import('./engine-lint.js');
    const [{ makeLinter }, instance] = await Promise.all([glue, instantiateModule(where.lint)]);
    const lw = instance.exports;
    if (typeof lw._initialize === 'function') lw._initialize();
    linter = makeLinter(lw, engineIO(lw));
  }
  const LOADERS = { http: loadHttp, lint: loadLint };

  function ready(...parts) {
    return Promise.all(parts.map((part) => {
      if (!Object.hasOwn(loaded, part)) return Promise.reject(new RangeError(`ready(part): part is ${Object.keys(loaded).map((p) => `'${p}'`).join(', ')}, not ${JSON.stringify(part)}`));
      if (!pending[part]) {
        pending[part] = (Object.hasOwn(LOADERS, part) ? LOADERS[part]() : loadBlob(part)).then(() => { loaded[part] = true; });
        pending[part].catch(() => { delete pending[part]; });
      }
      return pending[part];
    })).then(() => engine);
  }

  // The request parser and the simulated server, or a clear error before
  // ready('http'); the linter, or one before ready('lint').
  const needRequests = () => requests || notReady('second', 'http');
  const needServer = () => server || notReady('second', 'http');
  const needLinter = () => linter || notReady('third', 'lint');
  function notReady(which, part) {
    throw new Error(`this needs the engine's ${which} module: call \`await hs.ready('${part}')\` first (load() without options does)`);
  }


  const tooLong = (n) => deepFreeze({
    error: {
      code: 'toolong',
      message: {
        en: `The input is longer than the engine accepts (${n} bytes at most).`,
        ko: `입력이 엔진이 받을 수 있는 길이(최대 ${n}바이트)보다 깁니다.`,
      },
    },
  });

  const engine = Object.freeze({
    /** Size in bytes of the engine's input buffer: the hard limit of one input. */
    inputCapacity: inCap,

    /** The reason phrase of a known code, or undefined. The fast path: no wasm call. */
    phrase(code) {
      if (typeof code !== 'number') return undefined;
      if (!phraseByCode) decodeCatalog();
      return phraseByCode[code];
    },

    /**
     * Everything the engine knows about a code (a frozen object), or null for
     * a non-code. An unassigned code in 100–599 is described, not null.
     * description holds the languages loaded so far, and frameworks is null
     * until the 'frameworks' part is (all are after load() without options;
     * see ready()).
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
      if (!codeList) decodeCatalog();
      return codeList.slice();
    },

    /** The frozen catalogue: [{ code, name, phrase, titleKo, registry, flags, class }]. */
    catalog() {
      if (!catalog) decodeCatalog();
      return catalog;
    },

    /**
     * Resolves (to this engine) once every part named is loaded: 'en' or
     * 'ko' (that language's descriptions in lookup()), 'http' (parseRequest,
     * simulate and the rest of the second module), 'examples' (the texts of
     * example() and handler(); readies 'http' too), 'server-ko' (the
     * simulated server's Korean; readies 'http' too), 'lint' (lint and
     * lintRules, the third module), 'frameworks' (lookup(c).frameworks).
     * Each loads once.
     */
    ready,

    /** True when part ('en', 'ko', 'http', 'examples', 'server-ko', 'lint', 'frameworks') is loaded. */
    isReady(part) {
      return loaded[part] === true;
    },

    // The request parser and the simulated server (the second module):
    // documented where they are made (engine-request.js, engine-server.js)
    // and in engine.d.ts. Before ready('http') each throws.
    ...forward(needRequests, ['parseRequest', 'parseRequests']),
    // Filled (and frozen) when the second module loads: empty before ready('http').
    requestReasons: reasons,
    ...forward(needServer, ['simulate', 'example', 'exampleCodes', 'followUp', 'serverState', 'setServerState',
      'resetServer', 'handler', 'serveNext', 'setClosing']),
    // The response linter (the third module, engine-lint.js): before ready('lint') each throws.
    ...forward(needLinter, ['lint', 'lintRules']),

    /** The raw exports of the first module, for tests and benchmarks. (A
     * plain property: an accessor here would push the frozen object into
     * slow mode.) */
    wasm: w,

    /** The raw exports of the second module once loaded, else null. */
    httpWasm() {
      return httpWasm;
    },
  });
  return engine;
}

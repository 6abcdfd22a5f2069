// engine-server.js — the glue of the simulated server (src/server/) for
// engine.js, with followUp() from engine-followup.js.
//
// simulate(raw, options) runs raw request bytes through the engine's virtual
// HTTP/1.1 server: one connection, every pipelined request in order, the
// exact response bytes and the decision trace. The server's state (items,
// rate limit, maintenance, upstream, virtual clock) lives in the engine; JS
// reads and sets it as JSON. followUp(exchange) is what a client does next,
// decided from the engine's registry facts (redirect method rules,
// Retry-After, challenges).

import { INT_MAX } from './engine-io.js';
import { followUp } from './engine-followup.js';

const SERVER_LANGS = { en: 0, ko: 1 };

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder();

// A negative code from the server as an Error (io.engineError); HS_ENOTEXT
// (the exchange needs the server's Korean, not loaded yet) says which part
// to ready, as err.part, so a caller can await it and call again.
function serverError(io, n) {
  const err = io.engineError(n);
  if (err.code === 'notext') {
    err.message = "this exchange needs the simulated server's Korean texts (a Korean trace or response): call `await hs.ready('server-ko')` first (load() without options does)";
    err.part = 'server-ko';
  }
  return err;
}

function checkState(partial, name) {
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
    throw new TypeError(`${name} takes an object, not ${partial === null ? 'null' : Array.isArray(partial) ? 'an array' : typeof partial}`);
  }
}

// Returns partial => the new state: partial sent to hs_wasm_server_set as
// JSON; throws a RangeError naming what the engine refused (then nothing changed).
function stateSetter(w, { stage, readJSON, inCap }) {
  return (partial) => {
    const s = stage(JSON.stringify(partial));
    if (s.n < s.total) throw new RangeError(`setServerState: the state is longer than ${inCap} bytes`);
    const out = readJSON(w.hs_wasm_server_set(s.n));
    if (out.error) {
      throw new RangeError(`setServerState: ${out.error.key ? `${out.error.key} ` : ''}${out.error.message.en}`);
    }
    return out;
  };
}

// The engine's facts of a code as followUp reads them (unfrozen, cached), null
// outside 100–599; lookupJSON(code) reads them from the first module.
function factsReader(lookupJSON) {
  const facts = new Map();
  return (code) => {
    if (!facts.has(code)) facts.set(code, code >= 100 && code <= 599 ? lookupJSON(code) : null);
    return facts.get(code);
  };
}

/** Returns serveNext(input, options) of the engine instance w, io: what a
 * server on a real connection does with the bytes it holds (a Uint8Array; only the first inputCapacity bytes are read, the rest
 * counts toward the limits): { action: 'more' | 'continue' | 'respond',
 * status, connection, consumed, delay (seconds to wait before sending),
 * bytes (a copy of the response bytes), step (the deciding step),
 * head (the request line and fields were read), method, target,
 * exchange (with trace: true, as in simulate) }. options: { now:
 * seconds since 1970 (the real clock; default Date.now()), total (bytes
 * the connection holds, when input is only their start), timedOut,
 * continued (100 already sent), trace, lang }.
 * 'more' and 'continue' leave the state unchanged. */
function connectionServer(w, io, layout) {
  const { stage, memory, outPtr } = io;
  // The words' indexes, names and flags come from the engine (hs_wasm_serve_layout).
  const { words: count, word: W, actions, connections, flags: F } = layout;
  return function serveNext(input, options) {
    if (!(input instanceof Uint8Array)) throw new TypeError('serveNext(input) takes a Uint8Array');
    const opts = options || {};
    const s = stage(input);
    const total = opts.total > s.total ? opts.total : s.total;
    const flags = (opts.timedOut ? F.timedOut : 0) | (opts.continued ? F.continued : 0) | (opts.trace ? F.trace : 0);
    const now = opts.now === undefined ? Math.floor(Date.now() / 1000) : opts.now;
    const n = w.hs_wasm_serve(s.n, total > INT_MAX ? INT_MAX : total, now, flags, SERVER_LANGS[opts.lang] || 0);
    if (n < 0) throw serverError(io, n);
    const words = new Uint32Array(memory.buffer, w.hs_wasm_serve_words(), count);
    const out = (off, k) => memory.subarray(outPtr + off, outPtr + off + k);
    const span = (off, len) => latin1.decode(input.subarray(words[off], words[off] + words[len]));
    const result = {
      action: actions[words[W.action]],
      status: words[W.status],
      connection: connections[words[W.connection]],
      head: words[W.head] === 1,
      consumed: words[W.consumed],
      delay: words[W.delay],
      bytes: out(0, words[W.bytes]).slice(),
      step: latin1.decode(out(words[W.stepOff], words[W.stepLen])),
      method: span(W.methodOff, W.methodLen),
      target: span(W.targetOff, W.targetLen),
    };
    if (words[W.jsonLen]) result.exchange = JSON.parse(utf8.decode(out(words[W.jsonOff], words[W.jsonLen])));
    return result;
  };
}

/** The simulated server of one engine instance: w the second module's
 * exports, io its buffers (engine-io.js), lookupJSON(code) the registry's
 * description of a code in 100-599 (the first module's). */
export function makeServer(w, io, lookupJSON) {
  const { stage, readJSON } = io;
  const applyState = stateSetter(w, io);
  const lookup = factsReader(lookupJSON);
  // The sentences of a client's next step live in the engine (followup.def);
  // simulate's and serveNext's flags and words are named by it (hs_wasm_serve_layout).
  const followTexts = readJSON(w.hs_wasm_server_followup_texts());
  const layout = readJSON(w.hs_wasm_serve_layout());
  const SIM = layout.simulate;

  return {
    /** Runs raw request bytes (a string or Uint8Array, possibly several
     * pipelined requests) through the simulated server as one connection:
     * { exchanges: [{ request, interim, response, connection, trace }], rest,
     * state? }. options: { state: a partial state applied first, or true;
     * lang: 'en' | 'ko' (the trace's language, and the messages' when the
     * request has no Accept-Language) }. With lang, each trace step's detail
     * holds that language only; without it, both. state is in the result
     * when options.state was given, or when the exchanges changed more than
     * the meters every exchange moves (clock, exchanges, rateLimit.used).
     * Before ready('server-ko'), an exchange that needs the server's Korean
     * throws an Error whose part is 'server-ko' (the exchange changes
     * nothing; a state given in options is applied first). */
    simulate(raw, options) {
      if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) {
        throw new TypeError(`simulate(raw) takes a string or a Uint8Array, not ${raw === null ? 'null' : typeof raw}`);
      }
      const opts = options !== null && typeof options === 'object' ? options : {};
      let flags = opts.lang === 'en' || opts.lang === 'ko' ? 0 : SIM.bothLangs;
      if (opts.state !== undefined) {
        flags |= SIM.state;
        if (opts.state !== true) {
          checkState(opts.state, 'simulate(raw, { state })');
          applyState(opts.state);
        }
      }
      const s = stage(raw);
      const n = w.hs_wasm_simulate(s.n, s.total > INT_MAX ? INT_MAX : s.total, SERVER_LANGS[opts.lang] || 0, flags);
      if (n < 0) throw serverError(io, n);
      return readJSON(n);
    },

    /** What a server on a real connection does with the bytes it holds: see connectionServer. */
    serveNext: connectionServer(w, io, layout),

    /** Tells the server it is shutting down (on: true): every connection
     * then says Connection: close and closes after its exchange. */
    setClosing(on) {
      return w.hs_wasm_server_closing(on ? 1 : 0) === 1;
    },

    /** The request (and setup) that makes the server answer code:
     * { code, reason: 'real' | 'status-route', final, request, setup,
     * explanation: { en, ko } }, or null outside 100–599. A real example's
     * explanation is null until ready('examples'). */
    example(code) {
      if (typeof code === 'string' && /^\s*\d{3}\s*$/.test(code)) code = Number(code);
      if (!Number.isInteger(code) || code < 100 || code > 599) return null;
      return readJSON(w.hs_wasm_server_example(code));
    },

    /** The codes the server sends for a real reason: [{ code, final }]. */
    exampleCodes() {
      return readJSON(w.hs_wasm_server_examples());
    },

    /** The simulated server's state; setServerState(partial) changes it and
     * returns the new state; resetServer() puts it back and returns it. */
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

    /** The Flask handler for one of the article's codes: { code, route,
     * naive, corrected, common, differs, explanation, example, exchange,
     * response }, or null; naive, corrected, common and explanation are
     * null until ready('examples'); the exchange's trace is in lang only
     * (English by default). Throws as simulate() does when that exchange
     * needs the server's Korean before ready('server-ko'). */
    handler(code, lang) {
      if (!Number.isInteger(code)) return null;
      const n = w.hs_wasm_server_handler(code, SERVER_LANGS[lang] || 0);
      if (n < 0 && serverError(io, n).part) throw serverError(io, n);
      if (n < 0) return null;
      const hd = readJSON(n);
      const xs = hd.exchange && hd.exchange.exchanges;
      hd.response = xs && xs.length ? xs[xs.length - 1].response : null;
      return hd;
    },

    /** What a client does after exchange (engine-followup.js). */
    followUp(exchange, options) {
      return followUp(exchange, lookup, followTexts, options);
    },
  };
}

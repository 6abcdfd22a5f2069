// engine-server.js — the glue of the simulated server (src/server/) for
// engine.js, and followUp(): what a client does after an answer.
//
// simulate(raw, options) runs raw request bytes through the engine's virtual
// HTTP/1.1 server: one connection, every pipelined request in order, the
// exact response bytes and the decision trace. The server's state (items,
// rate limit, maintenance, upstream, virtual clock) lives in the engine; JS
// reads and sets it as JSON. followUp(exchange) is what a client does next,
// decided from the engine's registry facts (redirect method rules,
// Retry-After, challenges).

import { utf8Length, INT_MAX } from './engine-io.js';

const SERVER_LANGS = { en: 0, ko: 1 };
const SAMPLE_WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ=='; // RFC 6455 §1.3
const DROP_WHEN_NO_CONTENT = new Set(['content-length', 'content-type', 'transfer-encoding', 'expect', 'content-encoding']);

const SERVE_ACTIONS = ['more', 'continue', 'respond'];
const CONNECTIONS = ['keep-alive', 'close', 'upgrade'];
const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder();

/** The simulated server of one engine instance: w its wasm exports, io its buffers (engine-io.js). */
export function makeServer(w, io) {
  const { stage, readJSON, inCap, memory, outPtr, engineError } = io;
  // The sentences of a client's next step live in the engine (followup.def).
  const followTexts = readJSON(w.hs_wasm_server_followup_texts());
  const lookups = new Map();
  const lookup = (code) => {
    if (!lookups.has(code)) lookups.set(code, code >= 100 && code <= 599 ? readJSON(w.hs_wasm_lookup(code)) : null);
    return lookups.get(code);
  };

  // Sends a JSON document to hs_wasm_server_set; returns the new state or throws.
  function applyState(partial) {
    const s = stage(JSON.stringify(partial));
    if (s.n < s.total) throw new RangeError(`setServerState: the state is longer than ${inCap} bytes`);
    const out = readJSON(w.hs_wasm_server_set(s.n));
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
    /** Runs raw request bytes (a string or Uint8Array, possibly several
     * pipelined requests) through the simulated server as one connection:
     * { exchanges: [{ request, interim, response, connection, trace }], rest,
     * state }. options: { state: partial state applied first, lang: 'en' |
     * 'ko' (messages when the request has no Accept-Language) }. */
    simulate(raw, options) {
      if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) {
        throw new TypeError(`simulate(raw) takes a string or a Uint8Array, not ${raw === null ? 'null' : typeof raw}`);
      }
      const opts = options !== null && typeof options === 'object' ? options : {};
      if (opts.state !== undefined) {
        checkState(opts.state, 'simulate(raw, { state })');
        applyState(opts.state);
      }
      const s = stage(raw);
      return readJSON(w.hs_wasm_simulate(s.n, s.total > INT_MAX ? INT_MAX : s.total, SERVER_LANGS[opts.lang] || 0));
    },

    /** What a server on a real connection does with the bytes it holds
     * (a Uint8Array; only the first inputCapacity bytes are read, the rest
     * counts toward the limits): { action: 'more' | 'continue' | 'respond',
     * status, connection, consumed, delay (seconds to wait before sending),
     * bytes (a copy of the response bytes), step (the deciding step),
     * head (the request line and fields were read), method, target,
     * exchange (with trace: true, as in simulate) }. options: { now:
     * seconds since 1970 (the real clock; default Date.now()), total (bytes
     * the connection holds, when input is only their start), timedOut,
     * continued (100 already sent), trace, lang }.
     * 'more' and 'continue' leave the state unchanged. */
    serveNext(input, options) {
      if (!(input instanceof Uint8Array)) throw new TypeError('serveNext(input) takes a Uint8Array');
      const opts = options || {};
      const s = stage(input);
      const total = opts.total > s.total ? opts.total : s.total;
      const flags = (opts.timedOut ? 1 : 0) | (opts.continued ? 2 : 0) | (opts.trace ? 4 : 0);
      const now = opts.now === undefined ? Math.floor(Date.now() / 1000) : opts.now;
      const n = w.hs_wasm_serve(s.n, total > INT_MAX ? INT_MAX : total, now, flags, SERVER_LANGS[opts.lang] || 0);
      if (n < 0) throw engineError(n);
      const words = new Uint32Array(memory.buffer, w.hs_wasm_serve_words(), 15);
      const out = (off, k) => memory.subarray(outPtr + off, outPtr + off + k);
      const result = {
        action: SERVE_ACTIONS[words[0]],
        status: words[1],
        connection: CONNECTIONS[words[2]],
        head: words[14] === 1,
        consumed: words[3],
        delay: words[4],
        bytes: out(0, words[5]).slice(),
        step: latin1.decode(out(words[6], words[7])),
        method: latin1.decode(input.subarray(words[10], words[10] + words[11])),
        target: latin1.decode(input.subarray(words[12], words[12] + words[13])),
      };
      if (words[9]) result.exchange = JSON.parse(utf8.decode(out(words[8], words[9])));
      return result;
    },

    /** Tells the server it is shutting down (on: true): every connection
     * then says Connection: close and closes after its exchange. */
    setClosing(on) {
      return w.hs_wasm_server_closing(on ? 1 : 0) === 1;
    },

    /** The request (and setup) that makes the server answer code:
     * { code, reason: 'real' | 'status-route', final, request, setup,
     * explanation: { en, ko } }, or null outside 100–599. */
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
     * response }, or null. */
    handler(code, lang) {
      if (!Number.isInteger(code)) return null;
      const n = w.hs_wasm_server_handler(code, SERVER_LANGS[lang] || 0);
      if (n < 0) return null;
      const hd = readJSON(n);
      const xs = hd.exchange && hd.exchange.exchanges;
      hd.response = xs && xs.length ? xs[xs.length - 1].response : null;
      return hd;
    },

    /** What a client does after exchange: { kind, request?, after?,
     * explanation: { en, ko }, rule }, or null when nothing follows. */
    followUp(exchange) {
      return followUp(exchange, lookup, followTexts);
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

// A sentence of followup.def in both languages, with {0}, {1}... filled in
// (a filler may itself be { en, ko }).
function say(text, ...args) {
  const fill = (lang) => text[lang].replace(/\{(\d)\}/g, (_, i) => {
    const a = args[Number(i)];
    return a !== null && typeof a === 'object' ? a[lang] : String(a);
  });
  return { en: fill('en'), ko: fill('ko') };
}

function followUp(x, lookup, texts) {
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
        ? say(keep && req.body ? texts.redirectSameContent : texts.redirectSame, location, method)
        : say(texts.redirectChanged, location, req.method, method, info.redirect.explain),
      rule: `RFC 9110 §${info.reference ? info.reference.section : '15.4'}`,
    };
  }
  if (status === 304) {
    return {
      kind: 'cache',
      explanation: say(texts.cache),
      rule: 'RFC 9110 §15.4.5',
    };
  }
  if (status === 401 && /^\s*bearer\b/i.test(header('WWW-Authenticate') || '')) {
    return {
      kind: 'authenticate',
      request: again(['authorization'], [['Authorization', 'Bearer user-token']]),
      explanation: say(texts.authenticate),
      rule: 'RFC 9110 §11.6.2',
    };
  }
  const after = retryAfterSeconds(header('Retry-After'), header('Date'));
  if ((status === 429 || status === 503) && after !== null) {
    return {
      kind: 'retry',
      after,
      request: again(),
      explanation: say(texts.retry, after),
      rule: 'RFC 9110 §10.2.3',
    };
  }
  if (status === 408) {
    return {
      kind: 'reconnect',
      explanation: say(texts.reconnect),
      rule: 'RFC 9110 §15.5.9',
    };
  }
  if (status === 417) {
    return {
      kind: 'retry',
      request: again(['expect']),
      explanation: say(texts.expectation),
      rule: 'RFC 9110 §10.1.1',
    };
  }
  if (status === 426 && /websocket/i.test(header('Upgrade') || '')) {
    const drop = ['upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version'];
    return {
      kind: 'upgrade',
      request: buildRequest('GET', req.target, host, fields.filter(([n]) => !drop.includes(n.toLowerCase()) && !DROP_WHEN_NO_CONTENT.has(n.toLowerCase()))
        .concat([['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Key', SAMPLE_WS_KEY], ['Sec-WebSocket-Version', '13']]), ''),
      explanation: say(texts.upgrade),
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
      explanation: say(status === 201 ? texts.fetch : texts.poll, location),
      rule: status === 201 ? 'RFC 9110 §15.3.2' : 'RFC 9110 §15.3.3',
    };
  }
  return null;
}

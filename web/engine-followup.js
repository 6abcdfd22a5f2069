// engine-followup.js — followUp(exchange): what a client does after an
// answer of the simulated server, decided from the engine's registry facts
// (redirect method rules, Retry-After, challenges) and said in the sentences
// the engine holds (followup.def). engine-server.js attaches it to the engine.

import { utf8Length } from './engine-io.js';
import { fillTemplate } from './korean.js';

const SAMPLE_WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ=='; // RFC 6455 §1.3
const DROP_WHEN_NO_CONTENT = new Set(['content-length', 'content-type', 'transfer-encoding', 'expect', 'content-encoding']);
const WEBSOCKET_DROP = ['upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version'];

// The value of the first field called name in [[name, value]] pairs, or undefined.
function fieldOf(fields, name) {
  const lower = name.toLowerCase();
  const f = (fields || []).find((p) => p[0].toLowerCase() === lower);
  return f ? f[1] : undefined;
}

// Builds request bytes: method target HTTP/1.1, Host, the other fields,
// content; Content-Length when there is content (or always, when length).
function buildRequest(method, target, host, fields, body, { length = false } = {}) {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`];
  for (const [n, v] of fields) if (n.toLowerCase() !== 'host' && n.toLowerCase() !== 'content-length') lines.push(`${n}: ${v}`);
  if (body || length) lines.push(`Content-Length: ${utf8Length(body || '')}`);
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
// (a filler may itself be { en, ko }); Korean {0:으로} markers take the
// particle that fits the value (korean.js).
function say(text, ...args) {
  const fill = (lang) => fillTemplate(text[lang], args.map((a) => (a !== null && typeof a === 'object' ? a[lang] : String(a))));
  return { en: fill('en'), ko: fill('ko') };
}

// The fields of a request that carries no content (a GET after a redirect).
const withoutContent = (fields) => fields.filter(([n]) => !DROP_WHEN_NO_CONTENT.has(n.toLowerCase()));

// The next step after each kind of answer, tried in order. Each takes the
// answer (see followUp) and returns the follow-up, null when the client
// cannot go on, or undefined when the rule does not apply.

// 3xx with Location: the same request, or a GET, to where it points (RFC 9110 §15.4).
function redirect({ req, status, fields, host, header, info, texts, body }) {
  const location = header('Location');
  if (status < 300 || status >= 400 || !location || !info || !info.redirect) return undefined;
  const to = resolveLocation(location, req, host);
  if (!to) return null;
  const rule = info.redirect.method;
  let method = req.method;
  if (rule === 'get' && method !== 'HEAD') method = 'GET';
  if (rule === 'post-may-become-get' && method === 'POST') method = 'GET';
  const keep = method === req.method && rule !== 'get';
  return {
    kind: 'redirect',
    method,
    target: to.target,
    request: keep && body === null ? null : buildRequest(method, to.target, to.host, keep ? fields : withoutContent(fields), keep ? body : ''),
    explanation: method === req.method
      ? say(keep && req.body ? texts.redirectSameContent : texts.redirectSame, location, method)
      : say(texts.redirectChanged, location, req.method, method, info.redirect.explain),
    rule: `RFC 9110 §${info.reference ? info.reference.section : '15.4'}`,
  };
}

function notModified({ status, texts }) {
  if (status !== 304) return undefined;
  return { kind: 'cache', explanation: say(texts.cache), rule: 'RFC 9110 §15.4.5' };
}

function authenticate({ status, header, again, texts }) {
  if (status !== 401 || !/^\s*bearer\b/i.test(header('WWW-Authenticate') || '')) return undefined;
  return {
    kind: 'authenticate',
    request: again(['authorization'], [['Authorization', 'Bearer user-token']]),
    explanation: say(texts.authenticate),
    rule: 'RFC 9110 §11.6.2',
  };
}

function retryAfter({ status, header, again, texts }) {
  if (status !== 429 && status !== 503) return undefined;
  const after = retryAfterSeconds(header('Retry-After'), header('Date'));
  if (after === null) return undefined;
  return { kind: 'retry', after, request: again(), explanation: say(texts.retry, after), rule: 'RFC 9110 §10.2.3' };
}

function reconnect({ status, texts }) {
  if (status !== 408) return undefined;
  return { kind: 'reconnect', explanation: say(texts.reconnect), rule: 'RFC 9110 §15.5.9' };
}

function expectationFailed({ status, again, texts }) {
  if (status !== 417) return undefined;
  return { kind: 'retry', request: again(['expect']), explanation: say(texts.expectation), rule: 'RFC 9110 §10.1.1' };
}

function upgrade({ req, status, fields, host, header, texts }) {
  if (status !== 426 || !/websocket/i.test(header('Upgrade') || '')) return undefined;
  const kept = withoutContent(fields.filter(([n]) => !WEBSOCKET_DROP.includes(n.toLowerCase())));
  return {
    kind: 'upgrade',
    request: buildRequest('GET', req.target, host, kept
      .concat([['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Key', SAMPLE_WS_KEY], ['Sec-WebSocket-Version', '13']]), ''),
    explanation: say(texts.upgrade),
    rule: 'RFC 9110 §15.5.22',
  };
}

// 201 or 202 with Location: fetch what was made, or poll the status monitor.
function created({ req, status, fields, host, header, texts }) {
  const location = header('Location');
  if ((status !== 201 && status !== 202) || !location) return undefined;
  const to = resolveLocation(location, req, host);
  if (!to) return null;
  return {
    kind: status === 201 ? 'fetch' : 'poll',
    method: 'GET',
    target: to.target,
    request: buildRequest('GET', to.target, to.host, withoutContent(fields), ''),
    explanation: say(status === 201 ? texts.fetch : texts.poll, location),
    rule: status === 201 ? 'RFC 9110 §15.3.2' : 'RFC 9110 §15.3.3',
  };
}

// 411: the same request with a valid Content-Length (RFC 9110 §15.5.12), for
// the content the client meant (content, when it went out without a length
// and the server read it as a next request), else the content it read.
function lengthRequired({ req, status, fields, host, content, texts, body: read }) {
  if (status !== 411) return undefined;
  const body = typeof content === 'string' ? content : read;
  const kept = fields.filter(([n]) => n.toLowerCase() !== 'transfer-encoding');
  return {
    kind: 'length',
    method: req.method,
    target: req.target,
    request: body === null ? null : buildRequest(req.method, req.target, host, kept, body, { length: true }),
    explanation: say(texts.lengthRequired, body === null ? req.bodyLength : utf8Length(body)),
    rule: 'RFC 9110 §15.5.12',
  };
}

const NEXT_STEPS = [redirect, notModified, authenticate, retryAfter, reconnect, expectationFailed, upgrade, created, lengthRequired];

/**
 * What a client does after exchange x: { kind, request?, after?,
 * explanation: { en, ko }, rule }, or null when nothing follows. lookup(code)
 * gives the engine's facts of a code, texts the sentences of followup.def;
 * options.content is the content the client meant to send, when the server
 * did not read it as this request's (a 411 after content sent without a length).
 * A follow-up that would send this request's content or fields again has no
 * request, and says inexact: true, when the exchange does not hold them
 * exactly: content cut after 4096 bytes, fields after 8 KB, or either with
 * bytes that are not UTF-8.
 */
export function followUp(x, lookup, texts, options = {}) {
  if (!x || typeof x !== 'object' || !x.response || !x.request || !x.request.method) return null;
  const req = x.request;
  const res = x.response;
  const fields = Array.isArray(req.headers) ? req.headers : [];
  const host = fieldOf(fields, 'Host') || 'api.example';
  // The content as shown is the content read unless it was cut, or held a
  // byte that is not UTF-8: that shows as U+FFFD, three bytes, so the lengths differ.
  const shown = typeof req.body === 'string' ? req.body : '';
  const body = !req.bodyTruncated && utf8Length(shown) === (req.bodyLength || 0) ? shown : null;
  const fieldsExact = !req.headersTruncated && !req.headersNotUtf8;
  const answer = {
    req,
    status: res.status,
    fields,
    host,
    header: (name) => fieldOf(res.headers, name),
    // The same request again, without the fields named in drop, with add.
    again: (drop = [], add = []) => body === null ? null : buildRequest(req.method, req.target, host,
      fields.filter(([n]) => !drop.includes(n.toLowerCase())).concat(add), body),
    body,
    info: lookup(res.status),
    texts,
    content: options && typeof options.content === 'string' ? options.content : undefined,
  };
  for (const step of NEXT_STEPS) {
    const next = step(answer);
    // every next request carries the fields again (Host and the rest)
    if (next && (next.request === null || (next.request && !fieldsExact))) {
      const { request, ...rest } = next;
      return { ...rest, inexact: true };
    }
    if (next !== undefined) return next;
  }
  return null;
}

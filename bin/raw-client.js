// raw-client.js — one HTTP/1.1 exchange over a raw socket (node:net, or
// node:tls for https), for `http-status lint --url`: the request is written
// as bytes this file builds, and the response is kept exactly as the server
// sent it, so the linter judges the server's bytes and not what an HTTP
// library made of them.
//
//   const req = buildRequest(new URL('http://127.0.0.1:8080/status/405'), { method: 'GET', headers: [] });
//   const { response, end } = await exchange(req, { timeout: 10000, cap: 65536 });
//
// responseEnd() only decides when to stop reading (RFC 9112 §6.3: interim
// responses, no content, Content-Length, chunked, or the close); whether
// the framing is right is the linter's job, so anything it cannot follow
// is read to the close, bounded by the size cap and the timeout.

import net from 'node:net';
import tls from 'node:tls';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const CLOSE = Infinity; // responseEnd: the content runs to the close

/** A request that cannot be sent as given: the caller reports it as bad usage. */
export class RequestError extends Error {}

/**
 * Builds the request bytes for url: `METHOD target HTTP/1.1`, then Host,
 * User-Agent, Accept and Connection: close, then the extra `Name: value`
 * lines. An extra field replaces a default of the same name; `Name:` with
 * nothing after the colon leaves that default out (as curl does).
 * Returns { bytes, host, port, tls, servername }; throws RequestError.
 */
export function buildRequest(url, { method = 'GET', headers = [], userAgent = 'http-status' } = {}) {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RequestError(`--url takes an http: or https: URL, not ${JSON.stringify(url.protocol)}`);
  }
  if (!TOKEN.test(method)) throw new RequestError(`--method takes a token (GET, POST, ...), not ${JSON.stringify(method)}`);
  const fields = [['Host', url.host], ['User-Agent', userAgent], ['Accept', '*/*'], ['Connection', 'close']];
  // The defaults not yet replaced or removed by an -H of the same name.
  const defaults = new Set(fields.map(([n]) => n.toLowerCase()));
  for (const line of headers) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    const value = line.slice(colon + 1).trim();
    if (!TOKEN.test(name) || /[\0\r\n]/.test(value)) {
      throw new RequestError(`-H takes 'Name: value' (a token, a colon, no line break), not ${JSON.stringify(line)}`);
    }
    const lower = name.toLowerCase();
    if (defaults.delete(lower)) {
      // The first -H of a default's name replaces it ('Name:' alone leaves it out).
      fields.splice(fields.findIndex(([n]) => n.toLowerCase() === lower), 1);
      if (value) fields.push([name, value]);
    } else fields.push([name, value]);
  }
  const target = `${url.pathname || '/'}${url.search}`;
  const head = `${method} ${target} HTTP/1.1\r\n${fields.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    bytes: Buffer.from(head, 'latin1'),
    method,
    host: hostname,
    port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
    tls: url.protocol === 'https:',
    servername: net.isIP(hostname) ? undefined : hostname,
  };
}

// Index after the line that starts at p (after its LF), or -1 when it is not complete.
function lineAfter(s, p) {
  const lf = s.indexOf('\n', p);
  return lf < 0 ? -1 : lf + 1;
}

// Index after the empty line that ends the field section starting at p, or -1.
function sectionEnd(s, p) {
  for (let q = p; ;) {
    const next = lineAfter(s, q);
    if (next < 0) return -1;
    if (next - q <= 2 && /^\r?\n$/.test(s.slice(q, next))) return next;
    q = next;
  }
}

// Index after chunked content starting at p (last chunk and trailers), -1 for
// more, or s.length when it is malformed (nothing more would change that).
function chunkedEnd(s, p) {
  for (let q = p; ;) {
    const next = lineAfter(s, q);
    if (next < 0) return -1;
    const m = /^([0-9A-Fa-f]{1,15})[\t ;\r\n]/.exec(s.slice(q, next));
    if (!m) return s.length;
    const size = parseInt(m[1], 16);
    if (size === 0) return sectionEnd(s, next);
    const dataEnd = next + size;
    if (s.length < dataEnd + 2) return -1;
    if (s[dataEnd] === '\n') q = dataEnd + 1;
    else if (s.startsWith('\r\n', dataEnd)) q = dataEnd + 2;
    else return s.length;
  }
}

/**
 * Where the final response in buf ends (RFC 9112 §6.3): the index after it,
 * -1 when more bytes are needed, or Infinity when it is delimited by the
 * close (no framing, or framing this reader does not follow). Interim 1xx
 * responses are stepped over; 101 ends at its head. head: the request was HEAD.
 */
export function responseEnd(buf, head) {
  const s = buf.toString('latin1');
  for (let p = 0; ;) {
    const fieldsStart = lineAfter(s, p);
    const bodyStart = fieldsStart < 0 ? -1 : sectionEnd(s, fieldsStart);
    if (bodyStart < 0) return -1;
    const m = /^HTTP\/\d\.\d (\d{3})/.exec(s.slice(p, bodyStart));
    if (!m) return CLOSE;
    const status = Number(m[1]);
    if (status >= 100 && status < 200 && status !== 101) {
      p = bodyStart;
      continue;
    }
    if (head || status === 101 || status === 204 || status === 304) return bodyStart;
    const fields = s.slice(fieldsStart, bodyStart).split(/\r?\n/);
    const values = (name) => fields.filter((l) => l.slice(0, name.length + 1).toLowerCase() === `${name}:`)
      .map((l) => l.slice(name.length + 1).trim());
    const te = values('transfer-encoding');
    if (te.length) return /(^|,)\s*chunked\s*$/i.test(te.join(',')) ? chunkedEnd(s, bodyStart) : CLOSE;
    const cl = [...new Set(values('content-length').flatMap((v) => v.split(',').map((x) => x.trim())))];
    if (cl.length === 1 && /^\d{1,15}$/.test(cl[0])) {
      const end = bodyStart + Number(cl[0]);
      return s.length >= end ? end : -1;
    }
    return CLOSE;
  }
}

/**
 * Sends req (from buildRequest) and reads the response until its framing
 * says it is complete, the server closes, cap bytes have come, or timeout
 * ms pass. Resolves { response (Buffer, at most cap + 1 bytes), end:
 * 'complete' | 'close' | 'cap' | 'timeout', ms }; rejects with the socket's
 * error (ECONNREFUSED, a certificate the system does not trust, ...).
 */
export function exchange(req, { timeout = 10000, cap = 65536 } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const chunks = [];
    let got = 0;
    let settled = false;
    const opts = { host: req.host, port: req.port };
    const sock = req.tls
      ? tls.connect({ ...opts, servername: req.servername, ALPNProtocols: ['http/1.1'] })
      : net.connect(opts);
    const finish = (end, err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      if (err && !got) reject(err);
      else resolve({ response: Buffer.concat(chunks), end, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    };
    const timer = setTimeout(() => finish('timeout'), timeout);
    sock.once(req.tls ? 'secureConnect' : 'connect', () => sock.write(req.bytes));
    sock.on('data', (chunk) => {
      const room = cap + 1 - got;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      got += Math.min(chunk.length, room);
      if (got > cap) return finish('cap');
      const end = responseEnd(Buffer.concat(chunks), req.method === 'HEAD');
      if (end >= 0 && end !== CLOSE) finish('complete');
    });
    sock.on('end', () => finish('close'));
    sock.on('error', (e) => finish('close', e));
  });
}

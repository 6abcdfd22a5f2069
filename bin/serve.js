// serve.js — `http-status serve`: the engine's simulated server on a real
// TCP socket (node:net, no framework). Each connection's bytes go to the
// engine as they arrive (hs.serveNext); the engine decides everything HTTP
// (framing, keep-alive, pipelining, 100 Continue, 101, 408, errors), and
// this file does what only a socket can: real time, timeouts, limits,
// backpressure, delays, logging and a graceful stop.
//
// Timers of a connection (seconds, each a flag):
//   idle    no byte of a next request for idle-timeout: close quietly (RFC 9112 §9.5)
//   header  the head of a request not complete header-timeout after its first byte: 408
//   body    the content not complete body-timeout after the head: 408
// Neither timer is reset by more bytes, so a client that trickles a byte a
// second is dropped while every other connection is served. A timer is a
// deadline on the connection, checked by one sweep every TICK_MS for all of
// them (no timer object is made or cancelled per request): it fires at most
// TICK_MS after it is due, never before.
//
// The access log is written once per turn of the event loop, all the lines
// of that turn together (stderr is a synchronous write for a pipe or file).

import net from 'node:net';
import { traceLines, painter } from './output.js';

const EMPTY = Buffer.alloc(0);
const LINGER_MS = 2000; // after a close, bytes still arriving are read and dropped this long
const STOP_DEADLINE_MS = 10000; // a stop waits this long for exchanges in flight
const TICK_MS = 100; // how often the connections' deadlines are checked

/** Reads the serve options from parsed flags; throws a usage error. */
export function serveOptions(values, intOption, inputCapacity) {
  return {
    port: intOption(values, 'port', 8080, 0, 65535),
    host: values.host || '127.0.0.1',
    trace: Boolean(values.trace),
    state: values.state,
    maxConnections: intOption(values, 'max-connections', 256, 1, 100000),
    headerTimeout: intOption(values, 'header-timeout', 10, 1, 3600) * 1000,
    bodyTimeout: intOption(values, 'body-timeout', 30, 1, 3600) * 1000,
    idleTimeout: intOption(values, 'idle-timeout', 5, 1, 3600) * 1000,
    maxInput: intOption(values, 'max-input', inputCapacity, 1024, inputCapacity),
    rateLimit: values['rate-limit'] === undefined ? undefined : intOption(values, 'rate-limit', 60, 0, 1000000),
  };
}

// A target or method as one log token: bytes outside printable ASCII become %XX.
function token(text) {
  if (!text) return '-';
  return text.replace(/[^\x21-\x7e]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Starts the server; resolves with { port, stop, closed } once it listens.
 * closed resolves after a stop, when every connection is done. */
export function startServer(hs, opts, io) {
  const conns = new Set();
  let stopping = false;
  let resolveClosed;
  const closed = new Promise((r) => { resolveClosed = r; });
  const paint = painter(false);
  let logged = ''; // lines of this turn of the event loop, written by flushLog
  let stamp = { ms: 0, iso: '' }; // the last log time, formatted once per millisecond

  function flushLog() {
    if (!logged) return;
    io.err(logged.slice(0, -1));
    logged = '';
  }

  function log(conn, r, ms) {
    const now = Date.now();
    if (now !== stamp.ms) stamp = { ms: now, iso: new Date(now).toISOString() };
    if (!logged) setImmediate(flushLog);
    logged += `${stamp.iso} ${conn.peer} ${token(r.method)} ${token(r.target)} ${r.status} ${r.step || '-'} ${r.bytes.length} ${ms.toFixed(1)}ms\n`;
    if (r.exchange) logged += `${traceLines(r.exchange.trace, io.lang, paint).join('\n')}\n`;
  }

  function setTimer(conn, phase) {
    if (conn.phase === phase) return;
    conn.phase = phase;
    const ms = phase === 'idle' ? opts.idleTimeout : phase === 'header' ? opts.headerTimeout : opts.bodyTimeout;
    conn.deadline = performance.now() + ms;
  }

  // Fires the deadlines that are due (see the top of this file). Deadlines
  // are on the monotonic clock: a change of the system clock moves none.
  const sweep = setInterval(() => {
    const now = performance.now();
    for (const conn of conns) {
      if (conn.deadline && now >= conn.deadline) {
        conn.deadline = 0;
        timeout(conn);
      }
    }
  }, TICK_MS);
  sweep.unref();
  closed.then(() => {
    clearInterval(sweep);
    flushLog();
  });

  function timeout(conn) {
    if (conn.closed) return;
    if (conn.phase === 'idle' || !conn.buf.length) {
      close(conn);
      return;
    }
    conn.timedOut = true;
    pump(conn);
  }

  // Closes our side after what was written, reads and drops what the client
  // still sends for a moment (so it gets our answer, not a reset), then ends.
  function close(conn) {
    if (conn.closed) return;
    conn.closed = true;
    conn.deadline = 0;
    conn.socket.resume();
    conn.socket.end();
    setTimeout(() => conn.socket.destroy(), LINGER_MS).unref();
  }

  function respond(conn, r) {
    const ms = Number(process.hrtime.bigint() - conn.started) / 1e6;
    const writable = conn.socket.write(r.bytes);
    log(conn, r, ms);
    if (r.connection === 'close') return close(conn);
    if (r.connection === 'upgrade') return upgraded(conn);
    if (!writable) {
      // backpressure: read nothing more until the client has taken what we sent
      conn.busy = true;
      conn.socket.pause();
      conn.socket.once('drain', () => {
        conn.busy = false;
        conn.socket.resume();
        pump(conn);
      });
    }
  }

  // After 101 the bytes are WebSocket frames (RFC 6455): this server speaks
  // no WebSocket application, so it closes cleanly: a Close frame with 1000
  // (normal closure, §7.4.1), then the TCP close once the client answers.
  function upgraded(conn) {
    conn.upgraded = true;
    conn.deadline = 0;
    conn.socket.write(Buffer.from([0x88, 0x02, 0x03, 0xe8]));
    conn.socket.resume();
    conn.socket.on('data', (chunk) => {
      if ((chunk[0] & 0x0f) === 0x8) close(conn); // the client's Close frame
    });
    setTimeout(() => close(conn), LINGER_MS).unref();
  }

  function pump(conn) {
    while (!conn.busy && !conn.closed && !conn.upgraded) {
      if (!conn.buf.length) {
        if (conn.ended || stopping) return close(conn);
        setTimer(conn, 'idle');
        return;
      }
      if (conn.phase === 'idle' || conn.phase === 'done') {
        conn.started = process.hrtime.bigint();
        setTimer(conn, 'header');
      }
      const input = conn.buf.length > opts.maxInput ? conn.buf.subarray(0, opts.maxInput) : conn.buf;
      const r = hs.serveNext(input, {
        total: conn.buf.length,
        timedOut: conn.timedOut || conn.ended,
        continued: conn.continued,
        trace: opts.trace,
        lang: io.lang,
      });
      if (r.action === 'more') {
        if (conn.timedOut || conn.ended) return close(conn); // only line breaks were left
        if (r.head) setTimer(conn, 'body');
        if (conn.buf.length >= opts.maxInput) conn.socket.pause(); // hold no more than one request's worth
        return;
      }
      if (r.action === 'continue') {
        conn.continued = true;
        conn.socket.write(r.bytes);
        setTimer(conn, 'body');
        continue;
      }
      conn.buf = r.consumed >= conn.buf.length ? EMPTY : conn.buf.subarray(r.consumed);
      conn.continued = false;
      conn.timedOut = false;
      conn.deadline = 0;
      conn.phase = 'done';
      if (r.delay) {
        // GET /delay/{s}: the engine decided to wait; the socket waits for real
        conn.busy = true;
        conn.socket.pause();
        conn.delayTimer = setTimeout(() => {
          conn.busy = false;
          if (conn.socket.destroyed) return;
          conn.socket.resume();
          respond(conn, r);
          pump(conn);
        }, r.delay * 1000);
        return;
      }
      respond(conn, r);
    }
  }

  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (socket) => {
    if (conns.size >= opts.maxConnections || stopping) {
      socket.destroy();
      return;
    }
    const conn = {
      socket,
      peer: `${socket.remoteAddress}:${socket.remotePort}`,
      buf: EMPTY,
      phase: null,
      deadline: 0,
      started: process.hrtime.bigint(),
    };
    conns.add(conn);
    setTimer(conn, 'idle');
    socket.on('data', (chunk) => {
      if (conn.closed || conn.upgraded) return;
      conn.buf = conn.buf.length ? Buffer.concat([conn.buf, chunk]) : chunk;
      pump(conn);
    });
    socket.on('end', () => {
      conn.ended = true;
      if (conn.closed) socket.destroy();
      else if (!conn.busy && !conn.upgraded) pump(conn);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      conn.deadline = 0;
      clearTimeout(conn.delayTimer);
      conns.delete(conn);
      if (stopping && !conns.size) resolveClosed();
    });
  });
  server.maxConnections = opts.maxConnections + 16; // the rest are refused above, once accepted

  function stop() {
    if (stopping) return closed;
    stopping = true;
    hs.setClosing(true);
    server.close();
    for (const conn of conns) if (!conn.buf.length && !conn.busy) close(conn);
    setTimeout(() => {
      for (const conn of conns) conn.socket.destroy();
    }, STOP_DEADLINE_MS).unref();
    if (!conns.size) resolveClosed();
    return closed;
  }

  return new Promise((resolve, reject) => {
    server.once('error', (e) => {
      clearInterval(sweep);
      reject(e);
    });
    server.listen(opts.port, opts.host, () => {
      server.removeAllListeners('error');
      resolve({ port: server.address().port, stop, closed, connections: () => conns.size });
    });
  });
}

/** `http-status serve`: listens until SIGINT or SIGTERM, then finishes the
 * exchanges in flight, saves the state (--state) and returns 0. */
export async function serveCommand(hs, { values }, io, { intOption, loadState, saveState }) {
  const opts = serveOptions(values, intOption, hs.inputCapacity);
  loadState(hs, opts.state);
  if (opts.rateLimit !== undefined) hs.setServerState({ rateLimit: { limit: opts.rateLimit } });
  let srv;
  try {
    srv = await startServer(hs, opts, io);
  } catch (e) {
    io.err(`http-status: cannot listen on ${opts.host}:${opts.port}: ${e.code || e.message}`);
    return 1;
  }
  io.out(`http-status serve: listening on http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${srv.port}/`);
  await new Promise((resolve) => {
    // a second signal while stopping changes nothing: the stop is bounded anyway
    const onSignal = () => srv.stop().then(resolve);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  saveState(hs, opts.state);
  io.err('http-status serve: stopped');
  return 0;
}

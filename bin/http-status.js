#!/usr/bin/env node
// http-status — the engine in a terminal: look codes up, send raw requests
// to the simulated server, and serve that server on a real socket.
//
//   http-status 404 | 4xx | "not found" --lang ko | teapot --json
//   http-status send request.txt [--json] [--state state.json]
//   http-status lint response.txt [--request request.txt] | lint --url URL
//   http-status serve --port 8080
//
// Exit status: 0 done, 1 nothing found, an error finding (lint) or a failure, 2 bad usage (one line).

import { readFileSync, writeFileSync, existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { load } from '../web/engine-node.js'; // the package's entry for Node (make builds it from engine.js)
import { colourFor, painter, cardLines, listLines, exchangeLines } from './output.js';
import { loadStrings } from '../web/ui-strings.js';

const HELP = `Usage:
  http-status CODE | RANGE | WORDS [--lang en|ko] [--json]
      Look a status code up: 404, 4xx, 40x, "not found", teapot, "HTTP/1.1 503".
      One code shows its card; several an aligned list. --json prints the
      engine's object (one code) or an array of them.
  http-status send [FILE|-] [--json] [--state FILE] [--lang en|ko]
      Read raw request bytes (a file, or stdin with - or no FILE; CRLF and
      binary content survive) and show what the simulated server answers,
      exchange by exchange, with the decision trace. --json prints the whole
      result. --state FILE loads the server state before and saves it after.
  http-status lint [FILE|-] [--request FILE] [--json] [--lang en|ko]
  http-status lint --url URL [--method GET] [-H 'Name: value']... [--timeout 10]
      Lint an HTTP/1.1 response against RFC 9110, 9111 and 9112: the bytes of
      a file, or stdin with - or no FILE (CRLF and binary content survive),
      with the request it answers from --request FILE. Each finding shows its
      level, rule, RFC section, the bytes it is about, the message and a fix.
      --url sends the request itself over a raw socket (TLS for https), with
      Host, User-Agent, Accept and Connection: close, and lints exactly the
      bytes the server sent. -H adds a field or replaces one of those ('Name:'
      with no value leaves it out). It reads until the response's framing says
      it is complete, the server closes, --timeout seconds pass or the
      linter's input size is reached. Exit status 1 when there is an error
      finding or no response came, else 0.
  http-status serve [--port 8080] [--host 127.0.0.1] [--trace] [--state FILE]
                    [--max-connections 256] [--header-timeout 10] [--body-timeout 30]
                    [--idle-timeout 5] [--max-input 65536] [--rate-limit 60]
      Serve the simulated server on a real socket (loopback by default): one
      shared state on the real clock, an access-log line per exchange on
      stderr, --trace adds the decision trace. Timeouts are in seconds;
      --rate-limit 0 turns the application's rate limit off.
  http-status --help | --version

Options:
  --lang en|ko   language of descriptions and traces (default: from LANG)
  --json         machine-readable output
Colour is used on a terminal only, and never when NO_COLOR is set.
Exit status: 0 done, 1 nothing found, an error finding or a failure, 2 bad usage.`;

/** A usage error: printed as one line, exit status 2. */
class UsageError extends Error {}

/** Returns 'ko' or 'en' from the locale environment (LC_ALL, LC_MESSAGES, LANG). */
export function langFromEnv(env) {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ko(\b|_)/i.test(tag) ? 'ko' : 'en';
}

const COMMON = {
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

const COMMANDS = {
  send: { state: { type: 'string' } },
  lint: {
    request: { type: 'string' },
    url: { type: 'string' },
    method: { type: 'string' },
    header: { type: 'string', short: 'H', multiple: true },
    timeout: { type: 'string' },
  },
  serve: {
    port: { type: 'string' },
    host: { type: 'string' },
    trace: { type: 'boolean' },
    state: { type: 'string' },
    'max-connections': { type: 'string' },
    'header-timeout': { type: 'string' },
    'body-timeout': { type: 'string' },
    'idle-timeout': { type: 'string' },
    'max-input': { type: 'string' },
    'rate-limit': { type: 'string' },
  },
};

/** Reads argv into { command, values, positionals }; throws UsageError. */
export function readArgs(argv) {
  const command = Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : 'lookup';
  const rest = command === 'lookup' ? argv : argv.slice(1);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...COMMON, ...(COMMANDS[command] || {}) }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e.message.split(/\.\s|\n/)[0]);
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ko') {
    throw new UsageError(`--lang takes en or ko, not ${JSON.stringify(values.lang)}`);
  }
  return { command, values, positionals };
}

/** Returns the number option name of values as an integer in [min, max], or dflt. */
export function intOption(values, name, dflt, min, max) {
  const v = values[name];
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new UsageError(`--${name} takes an integer from ${min} to ${max}, not ${JSON.stringify(v)}`);
  }
  return Number(v);
}

async function lookupCommand(hs, { values, positionals }, io) {
  const text = positionals.join(' ');
  if (!text.trim()) throw new UsageError('nothing to look up: give a code, a range or words (http-status --help)');
  let q = hs.query(text);
  // Words are also read in the descriptions of the languages loaded, and a
  // card loads its own first: words (or nothing found) read both, so a card
  // finds what --json finds.
  if ((q.error || q.kind === 'text') && !(hs.isReady('en') && hs.isReady('ko'))) {
    await hs.ready('en', 'ko');
    q = hs.query(text);
  }
  if (q.error) {
    io.err(`http-status: ${q.error.message[io.lang] || q.error.message.en}`);
    return 1;
  }
  const entries = q.matches.map((c) => hs.lookup(c));
  if (values.json) {
    io.out(JSON.stringify(entries.length === 1 ? entries[0] : entries, null, 2));
  } else if (entries.length === 1) {
    io.out(cardLines(entries[0], io.lang, io.paint).join('\n'));
  } else {
    io.out(listLines(entries, io.lang, io.paint).join('\n'));
  }
  return 0;
}

/** Reads a whole file, or stdin for "-", as bytes. */
function readInput(file) {
  try {
    return new Uint8Array(readFileSync(file === '-' ? 0 : file));
  } catch (e) {
    throw new UsageError(`cannot read ${file === '-' ? 'stdin' : file}: ${e.code || e.message}`);
  }
}

/** Loads the server state saved in file (if it exists) into hs. */
export function loadState(hs, file) {
  if (!file || !existsSync(file)) return;
  let saved;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--state ${file}: not a JSON state (${e.message})`);
  }
  try {
    hs.resetServer();
    hs.setServerState(saved);
  } catch (e) {
    throw new UsageError(`--state ${file}: ${e.message}`);
  }
}

/** Saves the server state of hs into file. */
export function saveState(hs, file) {
  if (file) writeFileSync(file, `${JSON.stringify(hs.serverState(), null, 2)}\n`);
}

function sendCommand(hs, { values, positionals }, io) {
  if (positionals.length > 1) throw new UsageError('send reads one FILE (or - for stdin)');
  const bytes = readInput(positionals[0] || '-');
  loadState(hs, values.state);
  const result = hs.simulate(bytes, { lang: io.lang });
  saveState(hs, values.state);
  if (values.json) {
    io.out(JSON.stringify(result, null, 2));
    return 0;
  }
  const lines = [];
  if (!result.exchanges.length) lines.push(io.lang === 'ko' ? '요청이 없습니다 (입력이 비어 있거나 줄바꿈뿐입니다).' : 'No request (the input is empty or only line breaks).');
  result.exchanges.forEach((x, i) => {
    if (i) lines.push('');
    lines.push(...exchangeLines(x, i + 1, io.lang, io.paint));
  });
  if (result.rest) {
    lines.push('', `${result.rest.bytes} bytes from offset ${result.rest.offset}: ${result.rest.detail[io.lang]}`);
  }
  io.out(lines.join('\n'));
  return 0;
}

/** Runs the command line argv; returns the exit status (serve resolves when it stops). */
export async function main(argv, { env = process.env, stdout = process.stdout, stderr = process.stderr } = {}) {
  const io = {
    out: (s) => stdout.write(`${s}\n`),
    err: (s) => stderr.write(`${s}\n`),
  };
  let args;
  try {
    args = readArgs(argv);
    io.lang = args.values.lang || langFromEnv(env);
    io.paint = painter(colourFor(stdout, env));
    if (args.values.help) {
      io.out(HELP);
      return 0;
    }
    io.version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
    if (args.values.version) {
      io.out(io.version);
      return 0;
    }
    if (args.command === 'lookup' && args.positionals[0] === 'help') {
      io.out(HELP);
      return 0;
    }
    // A card or a list needs the first module and its language's text (words
    // read the other language too, in lookupCommand);
    // --json and the other commands take everything (as load() gives it).
    const card = args.command === 'lookup' && !args.values.json;
    const [hs] = await Promise.all([load(undefined, card ? { ready: [...new Set(['en', io.lang])] } : undefined), loadStrings(io.lang)]);
    if (args.command === 'send') return sendCommand(hs, args, io);
    if (args.command === 'lint') {
      const { lintCommand } = await import('./lint.js');
      return await lintCommand(hs, args, io, { readInput, intOption, UsageError });
    }
    if (args.command === 'serve') {
      const { serveCommand } = await import('./serve.js');
      return await serveCommand(hs, args, io, { intOption, loadState, saveState, UsageError });
    }
    return await lookupCommand(hs, args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`http-status: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

// Run when executed (directly, or through the npm bin link), not when imported.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (e) => {
    process.stderr.write(`http-status: ${e.stack || e}\n`);
    process.exitCode = 1;
  });
}

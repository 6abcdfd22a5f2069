// lint.js — `http-status lint`: the engine's response linter (hs.lint) in a
// terminal. The response comes from a file or stdin as bytes (CRLF and
// binary content survive), optionally with the request it answers
// (--request FILE); or --url sends a request itself over a raw socket
// (raw-client.js) and lints exactly the bytes the server sent, with that
// request. Exit status: 1 when there is an error finding (or no response
// came), 0 otherwise; bad usage is the caller's exit 2.

import { buildRequest, exchange, RequestError } from './raw-client.js';
import { lintLines, rawLines } from './output.js';
import { t } from '../web/ui-strings.js';

const SHOWN_LINES = 24; // of a response fetched with --url, before the findings

// The status of a lint result: 1 when any finding is an error.
function exitStatus(result) {
  return result.findings.some((f) => f.level === 'error') ? 1 : 0;
}

// Fetches values.url; returns { result, fetched, response } or an exit status.
async function lintUrl(hs, values, io, { intOption, UsageError }) {
  let url;
  try {
    url = new URL(values.url);
  } catch {
    throw new UsageError(`--url takes an absolute http: or https: URL, not ${JSON.stringify(values.url)}`);
  }
  let req;
  try {
    req = buildRequest(url, { method: values.method, headers: values.header || [], userAgent: `http-status/${io.version}` });
  } catch (e) {
    if (e instanceof RequestError) throw new UsageError(e.message);
    throw e;
  }
  const timeout = intOption(values, 'timeout', 10, 1, 300);
  const cap = hs.inputCapacity - req.bytes.length;
  let got;
  try {
    got = await exchange(req, { timeout: timeout * 1000, cap });
  } catch (e) {
    io.err(`http-status: ${url.href}: ${e.code || e.message}`);
    return 1;
  }
  if (!got.response.length) {
    io.err(`http-status: ${url.href}: no response (${got.end === 'timeout' ? `nothing within ${timeout} s` : 'closed without a byte'})`);
    return 1;
  }
  const endText = got.end === 'timeout' ? t(io.lang, 'lintEnd_timeout', timeout)
    : got.end === 'cap' ? t(io.lang, 'lintEnd_cap', cap) : t(io.lang, `lintEnd_${got.end}`);
  return {
    response: got.response,
    // What came past the cap is not linted: what fits is, with the cap said in the head line.
    result: hs.lint(got.response.subarray(0, cap), { request: req.bytes }),
    fetched: { url: url.href, request: req.bytes.toString('latin1'), bytes: got.response.length, end: got.end, ms: Math.round(got.ms) },
    head: [
      `${req.method} ${url.href}: ${t(io.lang, 'lintReceived', got.response.length, Math.round(got.ms))}, ${endText}`,
    ],
  };
}

/** `http-status lint`: prints the findings (or --json the whole result)
 * and returns 1 when one is an error, else 0. */
export async function lintCommand(hs, { values, positionals }, io, helpers) {
  const { readInput, UsageError } = helpers;
  let r;
  if (values.url !== undefined) {
    if (positionals.length || values.request !== undefined) {
      throw new UsageError('lint --url sends its own request: give no FILE and no --request with it');
    }
    r = await lintUrl(hs, values, io, helpers);
    if (typeof r === 'number') return r;
  } else {
    for (const name of ['method', 'header', 'timeout']) {
      if (values[name] !== undefined) throw new UsageError(`--${name === 'header' ? 'header (-H)' : name} goes with --url`);
    }
    if (positionals.length > 1) throw new UsageError('lint reads one FILE (or - for stdin)');
    const response = readInput(positionals[0] || '-');
    const request = values.request === undefined ? undefined : readInput(values.request);
    r = { response, result: hs.lint(response, { request }), head: [] };
  }
  if (values.json) {
    io.out(JSON.stringify(r.fetched ? { ...r.result, fetched: r.fetched } : r.result, null, 2));
    return exitStatus(r.result);
  }
  const lines = [...r.head];
  if (r.fetched) {
    const shown = rawLines(new TextDecoder().decode(r.response), '  ').map((l) => l.trimEnd());
    if (shown.at(-1) === '') shown.pop();
    lines.push(...shown.slice(0, SHOWN_LINES));
    if (shown.length > SHOWN_LINES) lines.push(`  ${t(io.lang, 'lintMoreLines', shown.length - SHOWN_LINES)}`);
    lines.push('');
  }
  lines.push(...lintLines(r.result, r.response, io.lang, io.paint));
  io.out(lines.join('\n'));
  return exitStatus(r.result);
}

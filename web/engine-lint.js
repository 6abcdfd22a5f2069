// engine-lint.js — the glue of the response linter (src/http/lint.c), the
// third module (lint.wasm, src/wasm_lint.c), for engine.js: it needs that
// instance's buffers (engine-io.js) and its two lint exports only.
// engine.js imports it on the first ready('lint').
//
//   hs.lint('HTTP/1.1 405 Method Not Allowed\r\n\r\n').findings[0].rule   // 'required-field'
//
// The response, then the request when given, go into the input buffer one
// after the other; the engine answers { response, findings } as JSON.
// Offsets and lengths count bytes of the response (UTF-8 for a string).

const encoder = new TextEncoder();

function checkInput(input, name) {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError(`${name} takes a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`);
  }
}

export function makeLinter(w, io) {
  const { stage, readJSON, inView, inCap } = io;
  let rules = null;
  return {
    /**
     * Lints an HTTP/1.1 response (a string or Uint8Array), optionally with
     * the request it answers ({ request }): { response: { status, phrase,
     * version, headers, body, framing } | { error }, findings: [{ level,
     * rule, message: { en, ko }, fix: { en, ko }, section, url, offset?,
     * length? }] }. Never throws for any bytes (a TypeError only for another
     * type). options.lang ('en' | 'ko') is accepted for symmetry with
     * simulate(); every finding carries both languages.
     */
    lint(raw, options) {
      checkInput(raw, 'lint(raw)');
      const opts = options !== null && typeof options === 'object' ? options : {};
      const req = opts.request === undefined || opts.request === null ? null : opts.request;
      if (req !== null) checkInput(req, 'lint(raw, { request })');
      const { n, total } = stage(raw);
      if (total > n) return readJSON(w.hs_wasm_lint(0, 0, 1));
      const reqBytes = req === null ? null : typeof req === 'string' ? encoder.encode(req) : req;
      const reqLen = reqBytes ? reqBytes.length : 0;
      if (n + reqLen > inCap) return readJSON(w.hs_wasm_lint(0, 0, 1));
      if (reqBytes) inView.set(reqBytes, n);
      return readJSON(w.hs_wasm_lint(n, reqLen, 0));
    },

    /** Every rule of the linter: [{ rule, level, section, url, message, fix }]
     * (level 'field' where the registry decides it). */
    lintRules() {
      if (!rules) rules = readJSON(w.hs_wasm_lint_rules());
      return rules;
    },
  };
}

// engine-http.js — the glue of the second module (http.wasm), in one place:
// the request parser (engine-request.js) and the simulated server
// (engine-server.js); the linter is the third module's (engine-lint.js).
// engine.js imports it when the second module is first needed; a service
// worker, where import() is not allowed, imports it itself and hands it to
// load() as options.glue.

import { makeRequestParser } from './engine-request.js';
import { makeServer } from './engine-server.js';

/**
 * Returns { requests, server } for the second module's exports hw
 * and buffers hio (engine-io.js); lookupJSON(code) reads a code's facts from
 * the first module.
 */
export function makeHttp(hw, hio, lookupJSON) {
  return {
    requests: makeRequestParser(hw, hio, hio.readJSON(hw.hs_wasm_request_reasons()), hio.readJSON(hw.hs_wasm_request_layout())),
    server: makeServer(hw, hio, lookupJSON),
  };
}

// static-server.mjs — a plain static server for tests that serve built sites
// (make dist, the docs recipes): Python's http.server, which knows no CSP and
// no special types.
import { spawn } from 'node:child_process';

// http.server with .wasm sent as application/octet-stream, as many static
// hosts (and older Pythons) do: what the engine's bytes fallback is for.
const NO_WASM_TYPE = `
import functools, http.server, sys
class H(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, '.wasm': 'application/octet-stream'}
http.server.test(HandlerClass=functools.partial(H, directory=sys.argv[1]), port=0, bind='127.0.0.1')
`;

/**
 * Serves folder with Python's http.server on a free loopback port (a plain
 * static server: no CSP, no special types beyond its own table; with
 * { wasmType: false }, .wasm goes out as application/octet-stream).
 * Resolves to { url, close() }.
 */
export function staticServer(folder, { wasmType = true } = {}) {
  return new Promise((resolve, reject) => {
    const argv = wasmType ? ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', folder]
      : ['-u', '-c', NO_WASM_TYPE, folder];
    // Its log of every request goes to stderr: ignored, since an unread pipe fills
    // up (64 KiB) and then blocks the server in the middle of a test.
    const p = spawn('python3', argv, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    const timer = setTimeout(() => { p.kill(); reject(new Error(`http.server did not start: ${out}`)); }, 10000);
    p.stdout.on('data', (d) => {
      out += d;
      const m = /port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}/`, close: () => p.kill() });
      }
    });
    p.on('error', reject);
  });
}


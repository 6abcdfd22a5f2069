// cli.mjs — runs bin/http-status.js for the tests: once to completion, or
// `serve` in the background on a free loopback port.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/http-status.js', import.meta.url));

/** A clean environment: no colour forcing, an English locale unless env says otherwise. */
export function cliEnv(env = {}) {
  const base = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  return { ...base, ...env };
}

/** Runs the CLI to completion: { status, stdout, stderr } (stdout as a string, or bytes with raw). */
export function run(args, { input, env, raw = false } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input, env: cliEnv(env), timeout: 20000, encoding: raw ? 'buffer' : 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: raw ? r.stderr.toString() : r.stderr };
}

/** Starts `http-status serve --port 0 ...args`; resolves with { port, url,
 * child, log(), stop() } once it listens. stop() sends SIGTERM and resolves
 * with the exit status. Every server is stopped within 30 s at the latest. */
export function startServe(args = [], { env } = {}) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const killer = setTimeout(() => child.kill('SIGKILL'), 30000);
  killer.unref();
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    clearTimeout(killer);
    resolve(code === null ? signal : code);
  }));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        const port = Number(m[1]);
        resolve({
          port,
          url: `http://127.0.0.1:${port}`,
          child,
          log: () => err,
          stdout: () => out,
          exited,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${err}`)));
  });
}

/** Waits until the serve log has a line matching re (at most ms). */
export async function waitForLog(srv, re, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (re.test(srv.log())) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** Runs the CLI without blocking this process (so a server in it can
 * answer): resolves { status, stdout, stderr }; killed after 20 s. */
export function runAsync(args, { input, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const killer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.on('close', (status) => {
      clearTimeout(killer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

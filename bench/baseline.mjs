// baseline.mjs — the engine as it was before issue 9 (the split, the JSON
// fast path, the lean simulate output), built from git into
// build/bench-baseline/REV/ on first use, so a benchmark can print today's
// figures beside the baseline's from the same run. BENCH_BASELINE=REV picks
// another revision; BENCH_BASELINE=none skips it. Returns null (with a
// note) when git or emcc cannot build it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BASELINE_REV = process.env.BENCH_BASELINE || 'c382825';
const root = fileURLToPath(new URL('..', import.meta.url));

let cached;

/** The baseline engine: { hs, rev, dir } or null. */
export async function loadBaseline() {
  if (cached !== undefined) return cached;
  cached = null;
  if (BASELINE_REV === 'none') return cached;
  const dir = `${root}build/bench-baseline/${BASELINE_REV}`;
  try {
    if (!existsSync(`${dir}/web/status.wasm`)) {
      mkdirSync(dir, { recursive: true });
      const tar = execFileSync('git', ['-C', root, 'archive', BASELINE_REV], { maxBuffer: 1 << 28 });
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
      execFileSync('make', ['-C', dir, 'all'], { stdio: 'ignore' });
    }
    const { load } = await import(`${dir}/web/engine.js`);
    cached = { hs: await load(), rev: BASELINE_REV, dir };
  } catch (e) {
    console.log(`(baseline ${BASELINE_REV} unavailable: ${e.message.split('\n')[0]})`);
  }
  return cached;
}

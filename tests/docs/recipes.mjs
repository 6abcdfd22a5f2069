// recipes.mjs — reads the embedding recipes out of README.md (the one source
// of each recipe), writes them as real sites, serves a folder with a plain
// static server, and checks the elements in a page.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
export { staticServer } from '../lib/static-server.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SITES = join(ROOT, 'build', 'docs-sites');

/**
 * Returns the recipes of README.md's "Embedding recipes" section:
 * { 'Plain HTML': { assets, files: { path: text } }, VitePress: …, … }.
 * A recipe is a "####" heading; each fenced block's first line is a comment
 * naming the file, which is dropped from the text; `assets` is the folder
 * the prose says to copy the files to ("Copy the files to `x/`").
 */
export function readRecipes(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')) {
  const start = readme.indexOf('### Embedding recipes');
  if (start < 0) throw new Error('README.md has no "### Embedding recipes" section');
  const end = readme.indexOf('\n## ', start);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const recipes = {};
  for (const part of section.split('\n#### ').slice(1)) {
    const name = part.slice(0, part.indexOf('\n')).trim();
    const assets = /(?:Copy the files to|the files in)\s+`([^`]+)`/.exec(part);
    const files = {};
    for (const m of part.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
      const [first, ...rest] = m[1].split('\n');
      const path = /^(?:<!--|\/\/|#|\/\*)\s*(\S+)/.exec(first);
      if (!path) throw new Error(`${name}: a block's first line names no file: ${first}`);
      files[path[1]] = rest.join('\n');
    }
    recipes[name] = { assets: assets ? assets[1] : null, files };
  }
  return recipes;
}

/** Writes recipe into a fresh folder SITES/dir with the elements' files copied where it says; returns the folder. */
export function writeSite(dir, recipe) {
  const site = join(SITES, dir);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  // A package scope of its own: the repository's "type": "module" must not
  // change how a generator reads its generated files.
  writeFileSync(join(site, 'package.json'), '{ "private": true }\n');
  for (const [path, text] of Object.entries(recipe.files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  if (!recipe.assets) throw new Error('the recipe says nowhere where to copy the files');
  copyElements(join(site, recipe.assets));
  return site;
}

/** Copies what the elements need at run time (web/'s files but the page's own) into dest. */
export function copyElements(dest) {
  mkdirSync(dest, { recursive: true });
  for (const f of readdirSync(join(ROOT, 'web'))) {
    if (/\.(js|wasm|bin|json|css)$/.test(f)) cpSync(join(ROOT, 'web', f), join(dest, f));
  }
}

/** Runs a command in cwd; resolves with its output, rejects with it on a non-zero exit. */
export function run(cmd, args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out.slice(-4000)}`))));
  });
}

/**
 * Waits until every http-status-* element of the page has rendered into its
 * shadow root, and returns [{ tag, code, text, fg }] where fg is the
 * luminance (0 black … 1 white) of the rendered text's colour.
 */
export async function renderedElements(page, { count }) {
  await page.waitForFunction((n) => {
    const els = [...document.querySelectorAll('http-status-badge, http-status-explorer')];
    return els.length >= n && els.every((e) => e.shadowRoot && e.shadowRoot.textContent.trim().length > 0 &&
      e.shadowRoot.querySelector('[part]'));
  }, count, { timeout: 20000 });
  return page.evaluate(() => [...document.querySelectorAll('http-status-badge, http-status-explorer')].map((e) => {
    const part = e.shadowRoot.querySelector('[part]');
    const [r, g, b] = getComputedStyle(part).color.match(/[\d.]+/g).map(Number);
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return { tag: e.localName, code: e.getAttribute('code'), text: e.shadowRoot.textContent.replace(/\s+/g, ' ').trim(),
      fg: 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) };
  }));
}

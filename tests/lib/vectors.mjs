// vectors.mjs — reads tests/data/request-rejections.txt, the rejection
// vectors the native suite (tests/c/test_http.c) reads too. The format is
// described at the top of that file.
import { readFileSync } from 'node:fs';

const ESCAPES = { r: 13, n: 10, t: 9, 0: 0, '\\': 92 };

/** Decodes the escapes of one INPUT field into bytes; throws on an escape the format does not have. */
function unescape(text, line) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\') { bytes.push(c.charCodeAt(0)); continue; }
    const e = text[++i];
    if (e in ESCAPES) bytes.push(ESCAPES[e]);
    else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) { bytes.push(parseInt(text.slice(i + 1, i + 3), 16)); i += 2; }
    else throw new Error(`line ${line}: bad escape \\${e}`);
  }
  return new Uint8Array(bytes);
}

/** Returns [{ line, status, name, offset, input: Uint8Array, text }] from the file at url. */
export function readRejections(url) {
  const out = [];
  readFileSync(url, 'latin1').split('\n').forEach((raw, i) => {
    if (raw === '' || raw.startsWith('#')) return;
    const m = /^(\d+) (\S+) (\d+) (.*)$/.exec(raw);
    if (!m) throw new Error(`line ${i + 1} is not "STATUS REASON OFFSET INPUT"`);
    out.push({ line: i + 1, status: Number(m[1]), name: m[2], offset: Number(m[3]), input: unescape(m[4], i + 1), text: m[4] });
  });
  return out;
}

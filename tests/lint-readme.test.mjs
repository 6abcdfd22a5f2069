// lint-readme.test.mjs — runs every example of the README's hs.lint section:
// each line "expression // => value" (or an expression line followed by a
// "// => value" line) is evaluated and compared with the value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { load } from '../web/engine.js';

const hs = await load();
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### hs.lint('), readme.indexOf('\n### ', readme.indexOf('### hs.lint(') + 1));
const code = section.slice(section.indexOf('```js') + 5, section.indexOf('```', section.indexOf('```js') + 5));

test('every example of the README\'s hs.lint section holds', () => {
  const scope = { hs };
  let checked = 0;
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = /^(const (\w+) = )?(.*?)\s*(\/\/ => (.*))?$/.exec(line);
    if (!m || !m[3].trim()) continue;
    const args = Object.keys(scope);
    const value = new Function(...args, `return (${m[3].replace(/;$/, "")});`)(...Object.values(scope));
    if (m[2]) scope[m[2]] = value;
    const expected = m[5] !== undefined ? m[5] : /^\/\/ => (.*)$/.exec(lines[i + 1] || '')?.[1];
    if (expected === undefined) continue;
    assert.deepEqual(value, new Function(`return (${expected});`)(), line);
    checked++;
  }
  assert.ok(checked >= 10, `${checked} examples checked`);
});

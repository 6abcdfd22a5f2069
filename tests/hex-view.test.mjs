// hex-view.test.mjs — the exchange view's hexadecimal content
// (render-exchange.js rawMessage with hexNote): where the content starts,
// and what a short last line looks like. On linkedom's DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';

globalThis.document = parseHTML('<!doctype html><html><body></body></html>').document;
const { rawMessage, hexLines } = await import('../web/render-exchange.js');
const bytes = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const note = (n) => `${n} bytes:`;

test('empty lines before a request\'s start line are not the end of its head: only the content is in hexadecimal', () => {
  const pre = rawMessage(bytes('\r\n\r\nPOST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n\xff'), { hexNote: note });
  assert.equal(pre.querySelector('.hex-note').textContent, '1 bytes:');
  assert.equal(pre.querySelector('.hex').textContent, `0000  ff${' '.repeat(46)}  .`);
  assert.equal(pre.querySelector('.sl').textContent, 'POST / HTTP/1.1', 'the start line is the start line');
  assert.equal(pre.querySelector('.fn').textContent, 'Host');
});

test('a short last line keeps the ASCII column where the full lines have it', () => {
  const lines = hexLines(bytes('0123456789abcdef\xff\x00A')).split('\n');
  assert.equal(lines.length, 2);
  assert.equal(lines[0].indexOf('0123'), lines[1].indexOf('..A'));
  assert.equal(lines[1], `0010  ff 00 41${' '.repeat(40)}  ..A`);
});

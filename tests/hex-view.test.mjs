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

test('UTF-8 content with a control character (other than tab, CR, LF) is in hexadecimal too, said so; text with tabs stays text', () => {
  const why = [];
  const hexNote = (n, w) => { why.push(w); return `${n} bytes:`; };
  // a string (what a request typed, or a response whose bytes are UTF-8) or bytes
  for (const raw of ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n\x00\x08', bytes('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n\x00\x08')]) {
    const pre = rawMessage(raw, { hexNote });
    assert.equal(pre.querySelector('.hex').textContent, `0000  00 08${' '.repeat(43)}  ..`);
  }
  assert.deepEqual(why, ['controls', 'controls']);
  const text = rawMessage('HTTP/1.1 200 OK\r\n\r\na\tb\r\n한글', { hexNote });
  assert.equal(text.querySelector('.hex'), null);
  assert.match(text.textContent, /a\tb\r\n한글$/);
  assert.equal(why.length, 2);
  // not UTF-8 says so
  rawMessage(bytes('HTTP/1.1 200 OK\r\n\r\n\xff'), { hexNote });
  assert.equal(why[2], 'bytes');
});

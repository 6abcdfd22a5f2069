// search.test.mjs — web/search.js's reading of what a person types (the
// part of the search behaviour that needs no DOM; the DOM side runs in
// tests/browser: the page's search box and the element's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../web/engine.js';
import { searchView } from '../web/search.js';

test('searchView: nothing typed, an error, one card or a ranked list, with a key per thing shown', async () => {
  const hs = await load();
  assert.equal(searchView(hs, '').kind, 'empty');
  assert.equal(searchView(hs, '  \t').kind, 'empty', 'blanks are nothing typed');
  const range = searchView(hs, '600');
  assert.equal(range.kind, 'error');
  assert.equal(range.error.code, 'range');
  assert.equal(searchView(hs, 'zzzqqq').error.code, 'nomatch');
  const code = searchView(hs, '404');
  assert.deepEqual([code.kind, code.code], ['card', 404]);
  const line = searchView(hs, 'HTTP/1.1 503 Service Unavailable');
  assert.deepEqual([line.kind, line.code], ['card', 503], 'a status line is one card');
  const list = searchView(hs, '4xx');
  assert.equal(list.kind, 'list');
  assert.deepEqual(list.codes, hs.query('4xx').matches);
  assert.equal(list.queryKind, 'range');
  assert.equal(searchView(hs, ' 404 ').key, code.key, 'the same card has the same key');
  assert.notEqual(searchView(hs, '405').key, code.key);
  assert.notEqual(searchView(hs, '5xx').key, list.key);
});

test('search: the README examples of hs.query', () => {
  assert.deepEqual(hs.query('http error 404'), { kind: 'code', matches: [404] });
  assert.deepEqual(hs.query('§15.5.5'), { kind: 'rfc', matches: [404] });
  assert.equal(hs.query('client error').kind, 'class');
  assert.equal(hs.query('client error').matches[0], 404);
  assert.equal(hs.query('forbiden').matches[0], 403);
  assert.deepEqual(hs.query('rate limit').matches, [429, 420]);
  assert.equal(hs.query('요청 제한').matches[0], 429);
});

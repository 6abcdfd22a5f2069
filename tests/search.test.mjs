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

// node --test web/src/spans.test.mjs: UTF-8 byte offsets to UTF-16 indices, and segments.
import test from 'node:test';
import assert from 'node:assert/strict';
import { byteToUtf16Index, segments } from './spans.js';

const bytes = (s) => new TextEncoder().encode(s).length;

test('byte offsets map to UTF-16 indices across 1- to 4-byte characters', () => {
  const text = 'é “Daraa” 🚀 in Dar‘a: shelling';
  const toIndex = byteToUtf16Index(text);
  for (const needle of ['é', '“Daraa”', 'Daraa', '🚀', 'Dar‘a', 'shelling']) {
    const i = text.indexOf(needle);
    const start = bytes(text.slice(0, i));
    const end = start + bytes(needle);
    assert.equal(text.slice(toIndex(start), toIndex(end)), needle, needle);
  }
  assert.equal(toIndex(0), 0);
  assert.equal(toIndex(bytes(text)), text.length);
  assert.equal(toIndex(10_000), text.length);
  // Inside a multi-byte character: its start.
  assert.equal(toIndex(1), 0);
  const rocket = text.indexOf('🚀');
  assert.equal(toIndex(bytes(text.slice(0, rocket)) + 2), rocket);
});

test('segments split at overlapping ranges', () => {
  const parts = segments('abcdefgh', [{ start: 1, end: 6, cls: 's' }, { start: 3, end: 4, cls: 'x', id: 'a' }]);
  assert.deepEqual(parts.map((p) => [p.text, p.classes.join('+')]), [['a', ''], ['bc', 's'], ['d', 's+x'], ['ef', 's'], ['gh', '']]);
  assert.deepEqual(parts[2].ids, ['a']);
  assert.deepEqual(segments('abc', [{ start: 2, end: 2, cls: 'empty' }]).map((p) => p.text), ['abc']);
  assert.deepEqual(segments('abc', [{ start: -5, end: 99, cls: 'all' }]).map((p) => p.classes), [['all']]);
});

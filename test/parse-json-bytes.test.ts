import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonBytes } from '../src/parse-json-bytes.js';
import { parseDocument } from '../src/parse-document.js';
import { solve } from '../src/solve.js';
import type { PrefgameError } from '../src/errors.js';

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text);

/** Deep equality that tells -0 from 0 and compares key order, as JSON round trips would. */
function same(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') return Object.is(actual, expected);
  if (expected === null || typeof expected !== 'object') return actual === expected;
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual) !== Array.isArray(expected)) return false;
  const actualKeys = Object.keys(actual);
  const expectedKeys = Object.keys(expected);
  if (actualKeys.join('\u0000') !== expectedKeys.join('\u0000')) return false;
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return false;
  return expectedKeys.every((key) =>
    same((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]),
  );
}

test('parseJsonBytes returns what JSON.parse returns, or leaves the text to it', () => {
  let taken = 0;
  fc.assert(
    fc.property(fc.json(), fc.boolean(), (text, spaced) => {
      const source = spaced ? JSON.stringify(JSON.parse(text), null, 2) : text;
      const read = parseJsonBytes(bytesOf(source));
      if (read === undefined) return;
      taken++;
      assert.ok(same(read, JSON.parse(source)), source);
    }),
    { numRuns: 2000 },
  );
  assert.ok(taken > 500, `the fast path took only ${taken} of 2000 texts`);
});

test('parseJsonBytes reads short decimals exactly as JSON.parse rounds them', () => {
  const decimal = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }), fc.integer({ min: 0, max: 22 }))
    .map(([negative, digits, point]) => {
      const text = digits.toString().padStart(point + 1, '0');
      return `${negative ? '-' : ''}${point === 0 ? text : `${text.slice(0, text.length - point)}.${text.slice(text.length - point)}`}`;
    });
  fc.assert(
    fc.property(fc.array(decimal, { maxLength: 20 }), (numbers) => {
      const source = `[${numbers.join(',')}]`;
      const read = parseJsonBytes(bytesOf(source));
      assert.notEqual(read, undefined, `the fast path should take ${source}`);
      assert.ok(same(read, JSON.parse(source)), source);
    }),
    { numRuns: 3000 },
  );
});

test('parseJsonBytes reads rows of numbers with any whitespace around their commas and brackets', () => {
  const space = fc.constantFrom('', ' ', '\n', '\t ', '\r\n  ');
  const entry = fc.tuple(space, fc.double({ noNaN: true, noDefaultInfinity: true }), space);
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 12 }), space, (entries, end) => {
      const source = `[${entries.map(([before, value, after]) => `${before}${JSON.stringify(value)}${after}`).join(',')}${end}]`;
      const read = parseJsonBytes(bytesOf(source));
      if (read !== undefined) assert.ok(same(read, JSON.parse(source)), source);
    }),
    { numRuns: 2000 },
  );
  for (const malformed of ['[1 2]', '[1,]', '[01]', '[1.]', '[.5]', '[1', '[1,,2]', '[0.5 ,]'])
    assert.equal(parseJsonBytes(bytesOf(malformed)), undefined, malformed);
});

test('parseJsonBytes reads a problem document itself and leaves every unusual text to JSON.parse', () => {
  const problem =
    '{"kind": "blackwell", "criteria": [{"name": "safety", "preferences": [[0.5, 0.2500], [0.75, 0.5]]}], "target": {"thresholds": {"safety": 0.55}}, "norm": "linf", "options": {"exact": true, "seed": null, "label": "münchen"}}';
  assert.deepEqual(parseJsonBytes(bytesOf(problem)), JSON.parse(problem));
  assert.equal(parseJsonBytes(bytesOf('-0')), -0);
  for (const text of [
    '',
    '   ',
    '[1e-3]',
    '[0.12345678901234567]',
    '[12345678901234567]',
    '["a\\"b"]',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {}}}',
    '\u{feff}[1]',
    '[01]',
    '[1.]',
    '[-]',
    '[1,]',
    '{"a":1,}',
    '{"a" 1}',
    '[1] x',
    '[tru]',
    '"open',
    '['.repeat(100) + ']'.repeat(100),
  ]) {
    assert.equal(parseJsonBytes(bytesOf(text)), undefined, text);
  }
});

test('parseDocument gives the same documents and the same errors from bytes as from text', () => {
  for (const text of [
    '{"kind": "von-neumann", "preferences": [[0.5]]}',
    '{"preferences": [[0.5, 1e-1], [0.9, 0.5]]}',
    '{"a": "\\u0041"}',
  ]) {
    assert.deepEqual(parseDocument(bytesOf(text)), parseDocument(text));
  }
  for (const text of [
    '',
    '{oops',
    '{"__proto__": {}}',
    '{"constructor": {"prototype": {}}}',
    '{"\\u005f_proto__": {}}',
  ]) {
    const fromText = (() => {
      try {
        parseDocument(text);
      } catch (error) {
        return (error as { code: string }).code;
      }
    })();
    const fromBytes = (() => {
      try {
        parseDocument(bytesOf(text));
      } catch (error) {
        return (error as { code: string }).code;
      }
    })();
    assert.ok(fromText?.startsWith('PREF_ERR_'), text);
    assert.equal(fromBytes, fromText, text);
  }
});

test('documents read from bytes skip the finite-number walk only because none can hold an overflowing number', () => {
  // A decimal too long for the byte reader goes to JSON.parse, which reads this one as Infinity:
  // the document is not vouched for, and solving it names the cell.
  const overflowing = `1${'0'.repeat(400)}.0`;
  for (const cell of [overflowing, `-${overflowing}`, '1e400', '-1E+999']) {
    const document = parseDocument(bytesOf(`{"kind": "matrix-game", "payoff": [[0.5, ${cell}]]}`));
    assert.throws(
      () => solve(document),
      (error: PrefgameError) => error.code === 'PREF_ERR_NON_FINITE' && error.pointer === '/payoff/0/1',
      cell,
    );
  }
  // Everything the reader takes is finite, whatever the digits.
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^-?(0|[1-9]\d{0,30})(\.\d{1,30})?$/), { maxLength: 12 }), (numbers) => {
      const read = parseJsonBytes(bytesOf(`[${numbers.join(',')}]`));
      if (read !== undefined) assert.ok((read as number[]).every(Number.isFinite));
    }),
  );
});

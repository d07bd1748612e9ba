import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { setTimeout as sleep } from 'node:timers/promises';
import { byteLines, isBlankLine } from '../src/pool/byte-lines.js';
import { solveInOrder } from '../src/pool/ordered-batch.js';
import { solveLine } from '../src/batch.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function collect(chunks: string[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of byteLines(chunks.map((chunk) => encoder.encode(chunk)))) lines.push(decoder.decode(line));
  return lines;
}

describe('batch plumbing', () => {
  test('byteLines splits on newlines across chunk boundaries, drops \\r, keeps a last line without newline', async () => {
    assert.deepEqual(await collect(['{"a"', ':1}\r\n{"b":2}\n', '\n', 'last']), ['{"a":1}', '{"b":2}', '', 'last']);
    assert.deepEqual(await collect(['one\n']), ['one']);
    assert.deepEqual(await collect([]), []);
    assert.ok(isBlankLine(encoder.encode(' \t\r')) && !isBlankLine(encoder.encode(' {')));
  });

  test('byteLines gives the same lines as splitting the text, however the input is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme' }).map((text) => text.replace(/[\r\n]/g, '')),
          { maxLength: 20 },
        ),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        async (lines, sizes) => {
          const text = lines.map((line) => line + '\n').join('');
          const bytes = encoder.encode(text);
          const chunks: Uint8Array[] = [];
          for (let offset = 0, index = 0; offset < bytes.length; index++) {
            const size = sizes[index % sizes.length];
            chunks.push(bytes.slice(offset, offset + size));
            offset += size;
          }
          const found: string[] = [];
          for await (const line of byteLines(chunks)) found.push(decoder.decode(line));
          assert.deepEqual(found, lines);
        },
      ),
      { numRuns: 100, seed: 5 },
    );
  });

  test('solveInOrder keeps input order whatever order the lines finish in, and holds at most `concurrency` lines', async () => {
    const lines = Array.from({ length: 30 }, (_, index) =>
      JSON.stringify({ id: index, kind: 'von-neumann', preferences: [[0.5]] }),
    );
    lines.splice(7, 0, '   ');
    let inFlight = 0;
    let most = 0;
    const outputs = [];
    for await (const output of solveInOrder(
      lines,
      async (line, lineNumber) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await sleep((lineNumber * 7919) % 13);
        inFlight--;
        return solveLine(line, lineNumber);
      },
      4,
    ))
      outputs.push(output);
    assert.deepEqual(
      outputs.map((output) => output.id),
      Array.from({ length: 30 }, (_, index) => index),
    );
    assert.ok(most <= 4);
  });
});

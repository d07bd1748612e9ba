import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkLines } from '../../src/queue/chunks.js';
import { readQueueUrl } from '../../src/queue/queue-url.js';
import { createExclusiveGate } from '../../src/queue/exclusive-gate.js';
import { linesOfChunk } from '../../src/queue/process-chunk.js';
import { PrefgameError } from '../../src/errors.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('queue building blocks (no Redis)', () => {
  test('chunks keep every line, count only non-blank ones, and number lines as in the whole input', async () => {
    const input = ['a', '', 'b', 'c', '  ', 'd', 'e', 'f', ''].map(encode);
    const chunks = [];
    for await (const chunk of chunkLines(input, { maxLines: 2, maxBytes: 1 << 20 })) chunks.push(chunk);
    assert.deepEqual(
      chunks.map(({ index, firstLine, lines }) => ({ index, firstLine, lines })),
      [
        { index: 0, firstLine: 1, lines: 2 },
        { index: 1, firstLine: 4, lines: 2 },
        { index: 2, firstLine: 7, lines: 2 },
      ],
    );
    assert.equal(new TextDecoder().decode(chunks[1].bytes), 'c\n  \nd\n');
    const numbered = await linesOfChunk(chunks[1].bytes, chunks[1].firstLine);
    assert.deepEqual(
      numbered.map(({ offset, lineNumber }) => [offset, lineNumber]),
      [
        [0, 4],
        [1, 6],
      ],
    );
  });

  test('a chunk closes at its byte budget, and one long line still makes a chunk', async () => {
    const input = ['x'.repeat(10), 'y'.repeat(10), 'z'.repeat(30), 'w'].map(encode);
    const sizes = [];
    for await (const chunk of chunkLines(input, { maxLines: 100, maxBytes: 20 })) sizes.push(chunk.lines);
    assert.deepEqual(sizes, [2, 1, 1]);
  });

  test('queue URLs: redis:// and rediss:// only, password masked for messages', () => {
    assert.equal(readQueueUrl('redis://:secret@10.0.0.5:6379/2').display, 'redis://:***@10.0.0.5:6379/2');
    for (const bad of ['http://x:1', 'not a url', 'redis://host:6379/db']) {
      assert.throws(
        () => readQueueUrl(bad),
        (error: PrefgameError) => error.code === 'PREF_ERR_INVALID_OPTION',
      );
    }
  });

  test('the exclusive gate runs an exclusive task alone: after the running ones, before the waiting ones', async () => {
    const gate = createExclusiveGate();
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = gate.run(async () => {
      events.push('shared-1 start');
      await held;
      events.push('shared-1 end');
    });
    const alone = gate.run(async () => {
      events.push('alone');
    }, true);
    const second = gate.run(async () => {
      events.push('shared-2');
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(events, ['shared-1 start']);
    release();
    await Promise.all([first, alone, second]);
    assert.deepEqual(events, ['shared-1 start', 'shared-1 end', 'alone', 'shared-2']);
  });
});

describe('the single-machine paths never load bullmq or ioredis', () => {
  test('no module imports them statically (only `import type`, and dynamic imports in src/queue/)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../../', import.meta.url).pathname;
    const files = (directory: string): string[] =>
      readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(join(directory, entry.name))
          : entry.name.endsWith('.ts')
            ? [join(directory, entry.name)]
            : [],
      );
    for (const file of [...files('src'), ...files('api'), ...files('cli')]) {
      const text = readFileSync(join(root, file), 'utf8');
      assert.doesNotMatch(text, /^import (?!type )[^;]*from '(bullmq|ioredis)'/m, file);
      // The library and the service reach the queue code only through dynamic imports.
      if (!file.startsWith('src/queue/') && !file.startsWith('cli/queue-commands')) {
        assert.doesNotMatch(text, /^import (?!type )[^;]*from '[./]*\/queue\//m, file);
      }
    }
  });
});

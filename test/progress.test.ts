import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from '../cli/progress.js';

/** A stderr stand-in that keeps what is written; a terminal or not. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream & {
    written: string[];
  };
}

test('plain progress lines count the total only once the batch has run for half an interval', async () => {
  let now = 0;
  let counts = 0;
  const stream = fakeStream(false);
  const progress = await createProgress(
    stream,
    async () => {
      counts++;
      return 40;
    },
    1000,
    () => now,
  );
  for (let line = 0; line < 10; line++) {
    now += 40; // a short batch: 400 ms, never counted
    progress.tick(false);
  }
  assert.equal(counts, 0);
  now = 600;
  progress.tick(true);
  assert.equal(counts, 1);
  await Promise.resolve(); // the count resolves
  now = 1000;
  progress.tick(false);
  progress.tick(false);
  assert.equal(counts, 1);
  assert.deepEqual(stream.written, ['prefgame batch: 12/40 done, 1 failed, 12.0/s, about 3 s left\n']);
});

test('plain progress lines without a total, and a total that cannot be counted, report no ETA', async () => {
  for (const counted of [undefined, () => Promise.reject(new Error('gone'))]) {
    let now = 0;
    const stream = fakeStream(false);
    const progress = await createProgress(stream, counted, 1000, () => now);
    now = 600;
    progress.tick(false);
    await new Promise((resolve) => setImmediate(resolve));
    now = 1000;
    progress.tick(false);
    assert.deepEqual(stream.written, ['prefgame batch: 2 done, 0 failed, 2.0/s\n']);
  }
});

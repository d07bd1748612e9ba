/**
 * Lets tasks run side by side, except exclusive ones, which wait until nothing else runs and keep
 * everything else waiting while they run. A queue worker solves a suspect line (one that was in
 * flight when its worker process died before) alone: if the process dies again, that line, and
 * no innocent neighbour, is to blame.
 *
 * @example
 * ```ts
 * const gate = createExclusiveGate()
 * const log: string[] = []
 * const task = (name: string) => async () => {
 *   log.push(`${name} starts`)
 *   await new Promise((resolve) => setTimeout(resolve, 1))
 *   log.push(`${name} ends`)
 *   return name
 * }
 * const names = await Promise.all([gate.run(task('a')), gate.run(task('suspect'), true), gate.run(task('b'))])
 * assert.deepEqual(names, ['a', 'suspect', 'b'])
 * // the suspect runs alone: after a, before b (waiting exclusive tasks go first)
 * assert.deepEqual(log, ['a starts', 'a ends', 'suspect starts', 'suspect ends', 'b starts', 'b ends'])
 * ```
 */
export function createExclusiveGate() {
  let running = 0;
  let exclusive = false;
  let exclusiveWaiting = 0;
  let wakeUps: Array<() => void> = [];
  const wake = () => {
    const waiting = wakeUps;
    wakeUps = [];
    for (const resume of waiting) resume();
  };
  const nextChange = () => new Promise<void>((resolve) => wakeUps.push(resolve));
  return {
    async run<T>(task: () => Promise<T>, alone = false): Promise<T> {
      if (alone) {
        exclusiveWaiting++;
        while (exclusive || running > 0) await nextChange();
        exclusiveWaiting--;
        exclusive = true;
      } else {
        // Exclusive tasks waiting go first, so that they are not starved.
        while (exclusive || exclusiveWaiting > 0) await nextChange();
        running++;
      }
      try {
        return await task();
      } finally {
        if (alone) exclusive = false;
        else running--;
        wake();
      }
    },
  };
}

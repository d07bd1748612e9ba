// A worker for the service tests: it solves like the real one, but problems with a special `id`
// misbehave on purpose, so that the tests can check what the service does about it.
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import real from '../../dist/src/pool/worker.js';

function idOfLine(text) {
  try {
    return JSON.parse(text).id;
  } catch {
    return undefined;
  }
}

/** Every performance.now() advances an hour: any deadline passes at its first check, on any machine. */
function withJumpingClock(work) {
  let now = performance.now();
  performance.now = () => (now += 3_600_000);
  try {
    return work();
  } finally {
    delete performance.now;
  }
}

export default async function run(task) {
  const id =
    task.type === 'solve'
      ? task.document?.id
      : task.type === 'line'
        ? idOfLine(typeof task.line === 'string' ? task.line : new TextDecoder().decode(task.line))
        : task.type === 'request'
          ? idOfLine(new TextDecoder().decode(task.body))
          : undefined;
  if (typeof id === 'string') {
    if (id === 'crash') process.exit(3);
    if (id === 'kill-process') process.kill(process.pid, 'SIGKILL');
    if (id === 'throw') throw new Error('boom');
    if (id === 'hang') for (;;);
    if (id.startsWith('sleep:')) await sleep(Number(id.slice(6)));
    if (id.startsWith('wait-for:')) while (!existsSync(id.slice(9))) await sleep(5);
    if (id === 'out-of-time') return withJumpingClock(() => real(task));
  }
  return real(task);
}

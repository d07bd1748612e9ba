import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The public reference cases of ../shared/vectors/public.json. */
export interface ReferenceCase {
  name: string;
  problem: Record<string, unknown>;
  expect: { value: number; distribution?: number[] };
}
// A copy of ../shared/vectors/public.json, so that a clone tests on its own (vectors.test.ts
// checks that the copy is current when the shared file is present).
export const referenceCases: ReferenceCase[] = JSON.parse(
  readFileSync(new URL('./vectors/public.json', import.meta.url), 'utf8'),
).cases;

/** Runs the built `prefgame` command. */
export function runCli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [`${root}/bin/prefgame.js`, ...args], {
    input,
    encoding: 'utf8',
    cwd: root,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Builds a complementary matrix from the entries above the diagonal (row by row). */
export function complementaryFromUpper(n: number, upper: readonly number[]): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(n).fill(0.5));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      rows[i][j] = upper[k];
      rows[j][i] = 1 - upper[k];
      k++;
    }
  }
  return rows;
}

/**
 * Complementary matrices of size 2..maxSize. Half of the entries are drawn from a coarse grid
 * (tenths), which produces ties, dominated items and non-unique winners: the degenerate cases.
 */
export function complementaryMatrix(maxSize = 7): fc.Arbitrary<number[][]> {
  const entry = fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.integer({ min: 0, max: 10 }).map((value) => value / 10),
  );
  return fc
    .integer({ min: 2, max: maxSize })
    .chain((n) =>
      fc
        .array(entry, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })
        .map((upper) => complementaryFromUpper(n, upper)),
    );
}

/** k complementary matrices of one size n. */
export function preferenceTensor(maxSize = 6, maxCriteria = 3): fc.Arbitrary<number[][][]> {
  const entry = fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.integer({ min: 0, max: 10 }).map((value) => value / 10),
  );
  return fc.tuple(fc.integer({ min: 2, max: maxSize }), fc.integer({ min: 1, max: maxCriteria })).chain(([n, k]) =>
    fc.array(
      fc
        .array(entry, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })
        .map((upper) => complementaryFromUpper(n, upper)),
      { minLength: k, maxLength: k },
    ),
  );
}

/** A permutation of 0..n-1. */
export function permutation(n: number): fc.Arbitrary<number[]> {
  return fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: n, maxLength: n },
  );
}

/** `P'[a][b] = P[order[a]][order[b]]`: the same preferences with the items relabelled. */
export function permuteMatrix(matrix: number[][], order: number[]): number[][] {
  return order.map((i) => order.map((j) => matrix[i][j]));
}

/** `sum_i pi_i P[i][j]` for every j. */
export function payoffs(matrix: number[][], distribution: number[]): number[] {
  return matrix[0].map((_, j) => distribution.reduce((sum, p, i) => sum + p * matrix[i][j], 0));
}

export function assertProbabilityVector(distribution: number[], tolerance = 1e-12): void {
  const sum = distribution.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > tolerance) throw new Error(`distribution sums to ${sum}`);
  for (const p of distribution) if (!(p >= 0 && p <= 1)) throw new Error(`distribution has entry ${p}`);
}

export function criteriaOf(tensor: number[][][]) {
  return tensor.map((preferences, c) => ({ name: `c${c}`, preferences }));
}

/**
 * Runs synchronous work under a clock that counts calls instead of measuring time: every
 * `performance.now()` during `work` returns `stepMs` more than the one before. Deadlines then
 * pass after a fixed amount of work, the same on a fast or a loaded machine.
 */
export function withSteppingClock<T>(stepMs: number, work: () => T): T {
  let now = performance.now();
  const clock = performance as { now: () => number };
  clock.now = () => (now += stepMs);
  try {
    return work();
  } finally {
    delete (clock as { now?: () => number }).now;
  }
}

/**
 * POSTs `payload` to `url` through fastify's `inject`: JSON (stringified unless it is a string)
 * unless `headers` says otherwise.
 */
export function injectPost(
  app: FastifyInstance,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Two conflicting criteria over three cars (cautious, balanced, sporty): the trade-off kinds' fixture. */
export const safetyAndComfort = [
  {
    name: 'safety',
    preferences: [
      [0.5, 0.7, 0.9],
      [0.3, 0.5, 0.8],
      [0.1, 0.2, 0.5],
    ],
  },
  {
    name: 'comfort',
    preferences: [
      [0.5, 0.4, 0.3],
      [0.6, 0.5, 0.45],
      [0.7, 0.55, 0.5],
    ],
  },
];

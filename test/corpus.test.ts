// The regression corpus (test/corpus/*.json: every case of the reliability issue) through the five
// ways in: the library, `prefgame solve`, `prefgame batch`, `POST /v1/<kind>` and `POST /v1/batch`.
// Each document must get the same answer on every path, and the answer the corpus file expects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../api/app.js';
import { readConfig } from '../api/config.js';
import { errorRegistry, solve, type ErrorCode } from '../src/index.js';
import { errorLine, identifierOf } from '../src/error-line.js';
import { documentIdOf, parseDocument } from '../src/parse-document.js';
import { root } from './helpers.js';

interface Expectation {
  code?: string;
  pointer?: string;
  id?: string | number;
  status?: string;
  distribution?: number[];
  value?: number;
  valueTolerance?: number;
  maxMessage?: number;
  maxId?: number;
  unique?: boolean | null;
}
interface CorpusCase {
  name: string;
  item: number;
  about: string;
  text: string;
  expect: Expectation;
}

const corpusDirectory = new URL('./corpus/', import.meta.url);
export const corpus: CorpusCase[] = readdirSync(corpusDirectory)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({
    name: name.replace(/\.json$/, ''),
    ...JSON.parse(readFileSync(new URL(name, corpusDirectory), 'utf8')),
  }));

/** What is compared between paths: the error's code, pointer and id, or the result's key fields. */
interface Answer {
  code?: string;
  pointer?: string;
  message?: string;
  id?: unknown;
  status?: string;
  distribution?: number[];
  value?: number;
  certificate?: { lowerBound: number; upperBound: number; gap: number };
  unique?: unknown;
}

function fromOutput(output: Record<string, any>): Answer {
  if (output.status === 'error')
    return { code: output.error.code, pointer: output.error.pointer, message: output.error.message, id: output.id };
  return {
    id: output.id,
    status: output.status,
    distribution: output.distribution,
    value: output.value,
    certificate: output.certificate,
    unique: output.unique,
  };
}

function viaLibrary(text: string): Answer {
  let document: unknown;
  try {
    document = parseDocument(new TextEncoder().encode(text));
    return fromOutput(solve(document) as Record<string, any>);
  } catch (error) {
    // The library's error line for it (errorLine), as a caller reporting the error would write.
    return fromOutput(errorLine(document === undefined ? documentIdOf(error) : identifierOf(document), 1, error));
  }
}

function kindOf(text: string): string | undefined {
  try {
    const kind = JSON.parse(text.replace(/^\ufeff/, '')).kind;
    return typeof kind === 'string' ? kind : undefined;
  } catch {
    return undefined;
  }
}

/** The range of a matrix game's payoffs (1 for anything else): its gap tolerance is relative to it. */
function payoffScale(text: string): number {
  const payoff = (JSON.parse(text.replace(/^\ufeff/, '')) as { payoff?: number[][] }).payoff;
  if (!payoff) return 1;
  const values = payoff.flat();
  return Math.max(...values) / 2 - Math.min(...values) / 2 || 1;
}

/** Paths that cannot carry `id` in their errors (HTTP problem documents) compare without it. */
function withoutErrorId(answer: Answer): Answer {
  return answer.code ? { ...answer, id: undefined } : answer;
}

function checkExpectation(entry: CorpusCase, answer: Answer, path: string): void {
  const { expect } = entry;
  const where = `${entry.name} via ${path}`;
  if (expect.code) {
    assert.equal(answer.code, expect.code, `${where}: ${JSON.stringify(answer).slice(0, 400)}`);
    if (expect.pointer !== undefined) assert.equal(answer.pointer, expect.pointer, where);
    if (expect.maxMessage !== undefined)
      assert.ok((answer.message ?? '').length <= expect.maxMessage, `${where}: message of ${answer.message?.length}`);
    assert.ok((answer.pointer ?? '').length <= 1200, `${where}: pointer of ${answer.pointer?.length}`);
  } else {
    assert.equal(answer.code, undefined, `${where}: ${JSON.stringify(answer).slice(0, 400)}`);
    if (expect.status !== 'any') assert.equal(answer.status, expect.status ?? 'optimal', where);
    const { lowerBound, upperBound, gap } = answer.certificate!;
    assert.ok(
      lowerBound <= upperBound && gap >= 0,
      `${where}: bounds out of order ${JSON.stringify(answer.certificate)}`,
    );
    if (answer.status === 'optimal')
      assert.ok(gap <= 1e-9 * payoffScale(entry.text), `${where}: optimal with gap ${gap}`);
    if (expect.unique !== undefined) assert.equal(answer.unique, expect.unique, where);
    if (expect.distribution)
      answer.distribution!.forEach((p, i) =>
        assert.ok(Math.abs(p - expect.distribution![i]) <= 1e-9, `${where}: distribution ${answer.distribution}`),
      );
    if (expect.value !== undefined)
      assert.ok(
        Math.abs(answer.value! - expect.value) <= (expect.valueTolerance ?? 1e-9),
        `${where}: value ${answer.value}`,
      );
  }
  if (expect.id !== undefined && path !== 'POST /v1/<kind>') assert.equal(answer.id, expect.id, where);
  if (expect.maxId !== undefined && answer.id !== undefined)
    assert.ok(String(answer.id).length <= expect.maxId, `${where}: id of ${String(answer.id).length}`);
}

describe('regression corpus: every case of the issue, the same answer on all five paths', () => {
  let app: FastifyInstance;
  const directory = mkdtempSync(join(tmpdir(), 'prefgame-corpus-'));
  const files = corpus.map((entry) => join(directory, `${entry.name}.json`));

  before(async () => {
    corpus.forEach((entry, index) => writeFileSync(files[index], entry.text));
    app = await buildApp({ config: { ...readConfig({}), workers: 1 }, logger: false });
    await app.warm;
  });
  after(async () => {
    await app.close();
  });

  test('the corpus holds cases of every numbered item that documents can show', () => {
    const items = new Set(corpus.map((entry) => entry.item));
    for (const item of [1, 2, 8, 9, 10, 13]) assert.ok(items.has(item), `no corpus case for item ${item}`);
  });

  test('library, prefgame solve, prefgame batch, POST /v1/<kind> and POST /v1/batch agree', async () => {
    const library = corpus.map((entry) => viaLibrary(entry.text));

    const solved = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'test/support/cli-solve-each.ts'), ...files],
      { encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 },
    );
    assert.equal(solved.status, 0, solved.stderr);
    const cliSolve = (JSON.parse(solved.stdout) as Array<{ code: number; stdout: string }>).map(
      ({ code, stdout }, index) => {
        const answer = fromOutput(JSON.parse(stdout));
        // Exit status: 0 only for an optimal result.
        assert.equal(code, answer.status === 'optimal' ? 0 : 1, `${corpus[index].name}: prefgame solve exit status`);
        return answer;
      },
    );

    const ndjson = join(directory, 'corpus.ndjson');
    writeFileSync(ndjson, corpus.map((entry) => entry.text).join('\n') + '\n');
    const batch = spawnSync(process.execPath, [join(root, 'bin/prefgame.js'), 'batch', ndjson, '--jobs', '1'], {
      encoding: 'utf8',
      cwd: root,
      maxBuffer: 1 << 28,
    });
    const cliBatch = batch.stdout
      .trim()
      .split('\n')
      .map((line) => fromOutput(JSON.parse(line)));
    assert.equal(cliBatch.length, corpus.length, batch.stderr);

    const kindRoutes: Answer[] = [];
    for (const entry of corpus) {
      const kind = kindOf(entry.text);
      const response = await app.inject({
        method: 'POST',
        url: kind ? `/v1/${kind}` : '/v1/solve',
        payload: entry.text,
        headers: { 'content-type': 'application/json' },
      });
      assert.ok(
        response.statusCode === 200 || (response.statusCode >= 400 && response.statusCode < 500),
        `${entry.name}: HTTP ${response.statusCode} ${response.body.slice(0, 300)}`,
      );
      const body = response.json();
      if (response.statusCode !== 200) {
        assert.equal(response.statusCode, errorRegistry[body.code as ErrorCode].status, entry.name);
        kindRoutes.push({ code: body.code, pointer: body.pointer, message: body.detail });
      } else kindRoutes.push(fromOutput(body));
    }

    const response = await app.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: corpus.map((entry) => entry.text).join('\n') + '\n',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    const httpBatch = response.body
      .trim()
      .split('\n')
      .map((line) => fromOutput(JSON.parse(line)));
    assert.equal(httpBatch.length, corpus.length);

    const paths: Array<[string, Answer[]]> = [
      ['the library', library],
      ['prefgame solve', cliSolve],
      ['prefgame batch', cliBatch],
      ['POST /v1/<kind>', kindRoutes],
      ['POST /v1/batch', httpBatch],
    ];
    corpus.forEach((entry, index) => {
      for (const [path, answers] of paths) checkExpectation(entry, answers[index], path);
      const reference = { ...library[index], message: undefined };
      for (const [path, answers] of paths.slice(1)) {
        const answer = { ...answers[index], message: undefined };
        const compared =
          path === 'POST /v1/<kind>' ? [withoutErrorId(reference), withoutErrorId(answer)] : [reference, answer];
        assert.deepEqual(compared[1], compared[0], `${entry.name}: ${path} differs from the library`);
      }
    });
  });
});

// The playground end to end, in real headless Chromium against the service on a loopback port:
// load an example, solve, move the target (typing, dragging, a link), and check every number
// on the page against the same document solved by the library. Any console error, page error,
// failed request or unexpected 4xx/5xx fails the test. One browser for the file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { solve } from '../src/index.js';
import { rankRequest } from '../src/rank/rank-request.js';
import { settingsFromQuery } from '../src/rank/rank-settings.js';
import { root } from './helpers.js';
import { launchChromium, startService, watchPage } from './support/browser.js';

// Screenshots go to docs/ with PREFGAME_WRITE_SCREENSHOTS=1 (npm run screenshots), else to a
// temporary directory, so that a test run leaves the work tree as it was.
const screenshotDirectory =
  process.env.PREFGAME_WRITE_SCREENSHOTS === '1' ? join(root, 'docs') : join(tmpdir(), 'prefgame-screenshots');
mkdirSync(screenshotDirectory, { recursive: true });

const driving = JSON.parse(readFileSync(join(root, 'docs/examples/pareto-problem.json'), 'utf8'));
const assistants = JSON.parse(readFileSync(join(root, 'examples/assistants/blackwell.json'), 'utf8'));
const wait = { timeout: 90_000 };

type Json = Record<string, any>;

// The page's globals, for the functions that run inside it (this file compiles without the DOM lib).
declare const document: {
  querySelector(selector: string): { textContent: string | null; value?: string } | null;
  getElementById(id: string): { textContent: string | null } | null;
};
declare const location: { hash: string };
type TextArea = { value: string; selectionStart: number; selectionEnd: number };

/** The JSON an element shows (a battle log sent is text: then the text). */
async function json(page: Page, testId: string): Promise<Json> {
  const text = (await page.getByTestId(testId).textContent()) ?? 'null';
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}

/** A condition on the problem the page sent: the number at `path` compared with `value`. */
type Condition = { path: string[]; op: '===' | '<' | '>'; value: number };

/** Waits until the page shows a result of `kind` whose problem meets `conditions`, nothing pending. */
async function resultOf(
  page: Page,
  kind: string,
  conditions: Condition[] = [],
): Promise<{ problem: Json; result: Json }> {
  // No named inner functions: tsx would wrap them in a helper the page does not have, and the
  // page's Content-Security-Policy forbids evaluating strings.
  await page.waitForFunction(
    ({ kind, conditions }) => {
      if (document.querySelector('[aria-busy="true"]')) return false;
      try {
        const result = JSON.parse(document.querySelector('[data-testid="result-json"]')?.textContent ?? '');
        if (result.kind !== kind) return false;
        if (conditions.length === 0) return true;
        const problem = JSON.parse(document.querySelector('[data-testid="problem-json"]')?.textContent ?? '');
        for (const condition of conditions) {
          let value = problem;
          for (const key of condition.path) value = value?.[key];
          if (typeof value !== 'number') return false;
          if (condition.op === '===' && value !== condition.value) return false;
          if (condition.op === '<' && !(value < condition.value)) return false;
          if (condition.op === '>' && !(value > condition.value)) return false;
        }
        return true;
      } catch {
        return false;
      }
    },
    { kind, conditions },
    wait,
  );
  return { problem: await json(page, 'problem-json'), result: await json(page, 'result-json') };
}

const threshold = (name: string, op: Condition['op'], value: number): Condition => ({
  path: ['target', 'thresholds', name],
  op,
  value,
});

async function loadExample(page: Page, name: string, marker: string): Promise<void> {
  await page.getByLabel('Example').selectOption(name);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await page.waitForFunction(
    (marker) => (document.querySelector('[data-testid="problem-input"]')?.value ?? '').includes(marker),
    marker,
    wait,
  );
}

function close(actual: number, expected: number, what: string, tolerance = 1e-9): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: page ${actual}, library ${expected}`);
}

function sameWinner(page: Json, library: Json, what: string): void {
  assert.equal(page.status, library.status, `${what} status`);
  close(page.value, library.value, `${what} value`);
  close(page.certificate.lowerBound, library.certificate.lowerBound, `${what} lower bound`);
  close(page.certificate.upperBound, library.certificate.upperBound, `${what} upper bound`);
  for (const [name, guarantee] of Object.entries(library.guarantees ?? {}))
    close(page.guarantees[name], guarantee as number, `${what} guarantee on ${name}`);
  page.distribution.forEach((probability: number, index: number) =>
    close(probability, library.distribution[index], `${what} probability of item ${index}`, 1e-7),
  );
}

describe('playground in headless Chromium', () => {
  let app: FastifyInstance;
  let origin: string;
  let browser: Browser;

  before(async () => {
    ({ app, origin } = await startService());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  test('two criteria: frontier, target typed and dragged, link reopens the view; numbers equal the library', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPage(page);
    await page.goto(`${origin}/playground`);
    await loadExample(page, 'driving.json', 'driving-frontier');
    await page.getByTestId('solve').click();
    const base = { items: driving.items, criteria: driving.criteria };

    // the frontier, the Blackwell and the linear winner of the example's target and weights
    const first = await resultOf(page, 'pareto');
    const pareto = solve({
      kind: 'pareto',
      ...base,
      target: driving.target,
      weights: driving.weights,
      norm: 'linf',
    } as never) as Json;
    assert.equal(first.result.frontier.length, pareto.frontier.length);
    first.result.frontier.forEach((point: Json, index: number) => {
      for (const name of ['safety', 'comfort'])
        close(point.guarantees[name], pareto.frontier[index].guarantees[name], `frontier vertex ${index} ${name}`);
    });
    sameWinner(first.result.blackwell, pareto.blackwell, 'Blackwell winner');
    sameWinner(first.result.linear, pareto.linear, 'linear winner');
    assert.match(
      (await page.locator('#blackwell-summary').textContent()) ?? '',
      new RegExp(pareto.blackwell.value.toFixed(4)),
    );

    // typing a threshold re-solves the Blackwell winner (debounced) for the new target
    await page.getByTestId('threshold-safety').fill('0.42');
    const typed = await resultOf(page, 'blackwell', [threshold('safety', '===', 0.42)]);
    const expected = solve({
      kind: 'blackwell',
      ...base,
      target: { thresholds: { safety: 0.42, comfort: 0.45 } },
      norm: 'linf',
    } as never) as Json;
    assert.deepEqual(typed.problem.target, { thresholds: { safety: 0.42, comfort: 0.45 } });
    sameWinner(typed.result, expected, 'Blackwell winner after typing');
    assert.match((await page.locator('#blackwell-summary').textContent()) ?? '', new RegExp(expected.value.toFixed(4)));
    await page.waitForFunction(() => location.hash.includes('t=safety%3A0.42'), null, wait);
    await page.screenshot({ path: join(screenshotDirectory, 'playground.png') });

    // dragging the target corner moves both thresholds and re-solves once the drag ends
    const handle = page.locator('.target-handle circle');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 60, box.y - 40, { steps: 5 });
    await page.mouse.up();
    const dragged = await resultOf(page, 'blackwell', [
      threshold('safety', '<', 0.42),
      threshold('comfort', '>', 0.45),
    ]);
    const draggedTarget = dragged.problem.target.thresholds;
    assert.equal(Number(await page.getByTestId('threshold-safety').inputValue()), draggedTarget.safety);
    assert.equal(Number(await page.getByTestId('threshold-comfort').inputValue()), draggedTarget.comfort);
    sameWinner(
      dragged.result,
      solve({ kind: 'blackwell', ...base, target: { thresholds: draggedTarget }, norm: 'linf' } as never),
      'Blackwell winner after dragging',
    );

    // the link reopens the same view: same thresholds, same winner
    await page.waitForFunction((safety) => location.hash.includes(`safety%3A${safety}`), draggedTarget.safety, wait);
    const link = page.url();
    const reopened = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const reopenedProblems = watchPage(reopened);
    await reopened.goto(link);
    const again = await resultOf(reopened, 'pareto', [threshold('safety', '===', draggedTarget.safety)]);
    sameWinner(again.result.blackwell, dragged.result, 'Blackwell winner from the link');
    assert.equal(await reopened.getByTestId('threshold-comfort').inputValue(), String(draggedTarget.comfort));

    // the keyboard path: an arrow key steps a threshold by 0.01 and re-solves
    await reopened.getByTestId('threshold-comfort').press('ArrowUp');
    const comfortUp = Number(await reopened.getByTestId('threshold-comfort').inputValue());
    assert.ok(
      comfortUp > draggedTarget.comfort && comfortUp <= draggedTarget.comfort + 0.01 + 1e-9,
      `stepped to ${comfortUp}`,
    );
    const stepped = await resultOf(reopened, 'blackwell', [threshold('comfort', '===', comfortUp)]);
    const steppedTarget = { safety: draggedTarget.safety, comfort: comfortUp };
    sameWinner(
      stepped.result,
      solve({ kind: 'blackwell', ...base, target: { thresholds: steppedTarget }, norm: 'linf' } as never),
      'Blackwell winner after a key press',
    );

    // a narrow window keeps every control reachable
    await reopened.setViewportSize({ width: 400, height: 860 });
    await reopened.getByTestId('threshold-safety').scrollIntoViewIfNeeded();
    await reopened.screenshot({ path: join(screenshotDirectory, 'playground-narrow.png'), fullPage: true });
    assert.equal(await reopened.getByTestId('error').textContent(), '');
    assert.deepEqual([...problems.list, ...reopenedProblems.list], []);
    await reopened.close();
    await page.close();
  });

  test('three criteria from comparisons: projection, weights, and the one-criterion leaderboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPage(page);
    await page.goto(`${origin}/`);
    await loadExample(page, 'assistants.json', '"atlas"');
    await page.getByTestId('solve').click();
    const { problem, result } = await resultOf(page, 'pareto');
    // the page estimated the matrices from the comparisons: the library agrees
    const estimate = solve({
      kind: 'estimate',
      items: assistants.items,
      comparisons: assistants.comparisons,
      winner: 'blackwell',
      target: assistants.target,
      bootstrap: { rounds: 0 },
    } as never) as Json;
    problem.criteria.forEach((criterion: Json, index: number) => {
      assert.equal(criterion.name, estimate.criteria[index].name);
      criterion.preferences.forEach((row: number[], i: number) =>
        row.forEach((value, j) =>
          close(value, estimate.criteria[index].preferences[i][j], `${criterion.name}[${i}][${j}]`),
        ),
      );
    });
    const library = solve({
      kind: 'pareto',
      items: assistants.items,
      criteria: estimate.criteria,
      target: assistants.target,
      weights: { helpfulness: 1, harmlessness: 1, concision: 1 },
      norm: 'linf',
    } as never) as Json;
    sameWinner(result.blackwell, library.blackwell, 'Blackwell winner');
    assert.equal(result.frontier.length, library.frontier.length);

    // a weight slider re-solves linear aggregation (keyboard: End puts it at 1... Home at 0)
    await page.getByLabel('concision', { exact: true }).last().focus();
    await page.keyboard.press('Home');
    const weighted = await resultOf(page, 'linear', [{ path: ['weights', 'concision'], op: '===', value: 0 }]);
    const expectedLinear = solve({
      kind: 'linear',
      items: assistants.items,
      criteria: estimate.criteria,
      weights: { helpfulness: 1, harmlessness: 1, concision: 0 },
    } as never) as Json;
    sameWinner(weighted.result, expectedLinear, 'linear winner');

    // one criterion: Bradley-Terry leaderboard and the von Neumann winner with bootstrap
    await page.getByRole('tab', { name: 'One criterion' }).click();
    const single = await resultOf(page, 'estimate');
    const expectedSingle = solve({
      kind: 'estimate',
      items: assistants.items,
      comparisons: assistants.comparisons,
      criterion: 'helpfulness',
      winner: 'von-neumann',
      bootstrap: { rounds: 100, seed: 1 },
      rankings: { methods: ['bradley-terry'], rounds: 100, seed: 1 },
    } as never) as Json;
    sameWinner(single.result.winner, expectedSingle.winner, 'von Neumann winner');
    const scores = expectedSingle.rankings.criteria[0].bradleyTerry.scores;
    const firstRow = page.locator('table.leaderboard tbody tr').first();
    assert.equal(await firstRow.locator('th').textContent(), scores[0].item);
    assert.equal(await firstRow.locator('td').nth(1).textContent(), scores[0].rating.toFixed(0));
    assert.equal(await page.locator('table.leaderboard tbody tr').count(), assistants.items.length);
    await page.screenshot({ path: join(screenshotDirectory, 'playground-leaderboard.png'), fullPage: true });
    assert.deepEqual(problems.list, []);
    await page.close();
  });

  test('errors are shown beside the input with their place, never a blank page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPage(page);
    await page.goto(`${origin}/playground`);
    const input = page.getByTestId('problem-input');

    // a JSON syntax error: found in the page, with its line; nothing sent
    await input.fill('{\n  "preferences": [[0.5, 0.7],\n    [0.3 0.5]]\n}');
    await page.getByTestId('solve').click();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="error"]')?.textContent ?? '') !== '',
      null,
      wait,
    );
    assert.match((await page.getByTestId('error').textContent()) ?? '', /line 3/);

    // a matrix that is not complementary: the service's code, pointer and the line in the input
    problems.expectStatus(422, '/v1/pareto');
    const bad = {
      items: ['a', 'b'],
      criteria: [
        {
          name: 'x',
          preferences: [
            [0.5, 0.9],
            [0.4, 0.5],
          ],
        },
        {
          name: 'y',
          preferences: [
            [0.5, 0.5],
            [0.5, 0.5],
          ],
        },
      ],
    };
    await input.fill(JSON.stringify(bad, null, 2));
    await page.getByTestId('solve').click();
    await page.waitForFunction(
      () => /PREF_ERR_/.test(document.querySelector('[data-testid="error"]')?.textContent ?? ''),
      null,
      wait,
    );
    const message = (await page.getByTestId('error').textContent()) ?? '';
    assert.match(message, /PREF_ERR_NOT_COMPLEMENTARY/);
    assert.match(message, /\/criteria\/0\/preferences\/\d\/\d/);
    assert.match(message, /line \d+, column \d+ of the input/);
    await page.getByRole('button', { name: 'Show the place in the input' }).click();
    const selected = await input.evaluate((area) => {
      const text = area as unknown as TextArea;
      return text.value.slice(text.selectionStart, text.selectionEnd);
    });
    assert.ok(['0.9', '0.4'].includes(selected), `selected "${selected}"`);

    // a good document clears the error
    await input.fill(
      JSON.stringify({
        ...bad,
        criteria: [
          bad.criteria[0],
          {
            name: 'y',
            preferences: [
              [0.5, 0.3],
              [0.7, 0.5],
            ],
          },
        ].map((criterion, index) =>
          index === 0
            ? {
                name: 'x',
                preferences: [
                  [0.5, 0.6],
                  [0.4, 0.5],
                ],
              }
            : criterion,
        ),
      }),
    );
    await page.getByTestId('solve').click();
    await resultOf(page, 'pareto');
    assert.equal(await page.getByTestId('error').textContent(), '');
    assert.deepEqual(problems.list, []);
    await page.close();
  });
  test('battle logs through POST /v1/rank: leaderboard of one criterion, Blackwell target of several', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPage(page);
    await page.goto(`${origin}/playground`);
    const rankOf = (file: string, query: Record<string, unknown>) =>
      rankRequest(
        readFileSync(join(root, file)),
        file.endsWith('.csv') ? 'text/csv' : 'application/x-ndjson',
        settingsFromQuery(query),
      ) as Json;

    // an arena log (one criterion): leaderboard, von Neumann winner, win rates
    await loadExample(page, 'battles.jsonl', 'model_a');
    await page.getByTestId('solve').click();
    const arena = await resultOf(page, 'rank');
    const expectedArena = rankOf('examples/assistants/battles.jsonl', { bootstrap: '100', seed: '1' });
    sameWinner(arena.result.winner, expectedArena.winner, 'von Neumann winner of the log');
    assert.deepEqual(
      arena.result.leaderboard.map((row: Json) => row.item),
      expectedArena.leaderboard.map((row: Json) => row.item),
    );
    const rows = page.locator('table.leaderboard tbody tr');
    assert.equal(await rows.count(), expectedArena.leaderboard.length);
    assert.equal(await rows.first().locator('th').textContent(), expectedArena.leaderboard[0].item);
    assert.equal(await rows.first().locator('td').nth(1).textContent(), expectedArena.leaderboard[0].rating.toFixed(0));
    assert.equal(await page.locator('#heatmap svg g').count(), expectedArena.items.length ** 2);

    // a ratings table (three criteria): the Blackwell winner of the typed target
    await loadExample(page, 'ratings.csv', 'item_a');
    await page.getByTestId('solve').click();
    await resultOf(page, 'rank');
    await page.getByTestId('threshold-concision').fill('0.4');
    await page.waitForFunction(
      () => (document.getElementById('commands')?.textContent ?? '').includes('concision%3D0.4'),
      null,
      wait,
    );
    const typed = await resultOf(page, 'rank');
    const expectedTarget = rankOf('examples/assistants/ratings.csv', {
      target: 'helpfulness=0.5,harmlessness=0.5,concision=0.4',
      norm: 'linf',
      bootstrap: '0',
      seed: '1',
    });
    sameWinner(typed.result.winner, expectedTarget.winner, 'Blackwell winner of the log');
    assert.match(
      (await page.locator('#blackwell-summary').textContent()) ?? '',
      new RegExp(expectedTarget.winner.value.toFixed(4)),
    );
    assert.equal(await page.getByTestId('error').textContent(), '');
    assert.deepEqual(problems.list, []);
    await page.close();
  });
});

import { defaultLimits } from '../../src/limits.js';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { ajv } from '../../src/schema/ajv.js';
import { estimateFromComparisons, schemaDocuments, solve } from '../../src/index.js';
import { eloRating } from '../../src/baselines/index.js';
import { importArena, importRatings, readTable } from '../../src/estimation/index.js';
import {
  BattleReader,
  detectLogFormat,
  gunzipIfNeeded,
  parseTarget,
  rankComparisons,
  readBattleStream,
  readBattleText,
} from '../../src/rank/index.js';
import { root, runCli } from '../helpers.js';

const battles = readFileSync(`${root}/examples/assistants/battles.jsonl`, 'utf8');
const ratings = readFileSync(`${root}/examples/assistants/ratings.csv`, 'utf8');
const validRank = ajv.compile(schemaDocuments['rank-result']);

/** The same text cut into chunks of `size` characters. */
function chunks(text: string, size: number): string[] {
  return Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
}

describe('rank: reading battle logs as streams', () => {
  const tricky =
    '\ufeffmodel_a, model_b ,winner,note\nx,y,model_a,"plain"\n\n"y, jr",x,model_b,"two\nlines ""quoted"""\nx,y\nx,"y",tie,ok\nx,y"z,tie,bad\nz,x,model_b,\n';

  test('the streaming parser reads what readTable reads, whatever the chunk boundaries', () => {
    const whole = readTable(tricky);
    assert.deepEqual(
      whole.rows.map((row) => row.line),
      [2, 5, 7, 9],
    );
    assert.deepEqual(
      whole.rejected.map((row) => row.line),
      [6, 8],
    );
    assert.deepEqual(whole.rows[1].fields, {
      model_a: 'y, jr',
      model_b: 'x',
      winner: 'model_b',
      note: 'two\nlines "quoted"',
    });
    for (const size of [1, 2, 3, 7, 64, tricky.length]) {
      const reader = new BattleReader();
      for (const piece of chunks(tricky, size)) reader.push(piece);
      const read = reader.finish();
      assert.deepEqual(
        read.rejected.map((row) => row.line),
        [6, 8],
        `chunk size ${size}`,
      );
      assert.match(read.rejected[1].reason, /Invalid Opening Quote/);
      assert.equal(read.accepted, whole.rows.length, `chunk size ${size}`);
      assert.deepEqual(read.items, ['x', 'y', 'y, jr', 'z']);
    }
    const crlf = readBattleText('model_a,model_b,winner\r\nx,y,model_a\r\n"y\r\nz",x,tie\r\n');
    assert.deepEqual(crlf.items, ['x', 'y', 'y\nz']);
  });

  test("aggregated counts equal the estimate importers' on the example files (JSONL arena, CSV ratings)", () => {
    for (const [text, imported] of [
      [battles, importArena(battles)],
      [ratings, importRatings(ratings)],
    ] as const) {
      const read = readBattleText(text);
      assert.equal(read.accepted, imported.accepted);
      assert.deepEqual(read.rejected, imported.rejected);
      const counted = solve({ kind: 'estimate', items: read.items, comparisons: read.comparisons, winner: 'none' });
      const expected = solve({
        kind: 'estimate',
        items: read.items,
        comparisons: imported.comparisons,
        winner: 'none',
      });
      assert.deepEqual(counted.counts, expected.counts);
    }
    assert.equal(readBattleText(ratings).format, 'ratings');
  });

  test('gzip input is decompressed on the fly, in chunks', async () => {
    const zipped = gzipSync(battles);
    const stream = Readable.from(chunks(zipped.toString('latin1'), 1000).map((piece) => Buffer.from(piece, 'latin1')));
    const read = await readBattleStream(gunzipIfNeeded(stream));
    assert.deepEqual(read.comparisons, readBattleText(battles).comparisons);
    await assert.rejects(readBattleStream(gunzipIfNeeded(Readable.from([Buffer.from([0x1f, 0x8b, 9, 9, 9])]))));
  });

  test('formats are detected from the columns; bad logs are refused with the lines named', () => {
    assert.equal(detectLogFormat(['Model_A', 'model_b', 'winner']), 'arena');
    assert.equal(detectLogFormat(['winner', 'loser', 'count']), 'pairs');
    assert.equal(detectLogFormat(['item_a', 'item_b', 'safety']), 'ratings');
    assert.equal(detectLogFormat(['a', 'b']), undefined);
    assert.throws(() => readBattleText('a,b\n1,2\n'), { code: 'PREF_ERR_INVALID_OPTION', pointer: '/format' });
    assert.throws(
      () => readBattleText('model_a,model_b,winner\nx,x,tie\ny,z,maybe\n'),
      (error: Error) =>
        /line 2: .*line 3: /.test(error.message) && (error as { code?: string }).code === 'PREF_ERR_EMPTY_IMPORT',
    );
    assert.throws(() => readBattleText('winner,loser\na,b\nc,d\ne,f\n', { maxItems: 4 }), {
      code: 'PREF_ERR_TOO_LARGE',
    });
  });
});

describe('rank: the leaderboard and the winner', () => {
  const read = readBattleText(battles);
  const result = rankComparisons(
    { items: read.items, comparisons: read.comparisons, rows: read },
    { bootstrap: 50, seed: 4 },
  );

  test('the rating bootstrap stops at half the time limit by the injected clock, and the winner still gets its time', () => {
    let now = 0;
    const clock = () => (now += 10); // every reading is 10 ms later
    const stopped = rankComparisons(
      { items: read.items, comparisons: read.comparisons, rows: read },
      { bootstrap: 2_000, seed: 4, timeLimitMs: 4_000 },
      { ...defaultLimits, clock },
    );
    assert.equal(stopped.status, 'time_limit');
    const warning = stopped.warnings.find((text) => /stopped the rating bootstrap after/.test(text));
    const completed = Number(/after (\d+) of 2000 rounds/.exec(warning ?? '')?.[1]);
    assert.ok(completed > 0 && completed <= 200, `${completed} rounds in the 2,000 ms (one reading a round)`);
    assert.ok(stopped.winner, 'the winner was solved in the other half');
  });

  test('a valid rank document: Elo-scale ratings inside their intervals, best first, win rates and games from the counts', () => {
    assert.ok(validRank(result), JSON.stringify(validRank.errors));
    assert.equal(result.status, 'optimal');
    const ratingsInOrder = result.leaderboard.map((entry) => entry.rating);
    assert.deepEqual(
      ratingsInOrder,
      [...ratingsInOrder].sort((a, b) => b - a),
    );
    for (const entry of result.leaderboard) {
      assert.ok(entry.interval && entry.interval[0] <= entry.rating && entry.rating <= entry.interval[1], entry.item);
      assert.ok(entry.interval[1] - entry.interval[0] < 100, 'Elo scale, not log-strengths');
    }
    const mean = ratingsInOrder.reduce((sum, value) => sum + value, 0) / ratingsInOrder.length;
    assert.ok(Math.abs(mean - 1000) < 1e-6);
    const counts = solve({ kind: 'estimate', comparisons: read.comparisons, items: read.items, winner: 'none' })
      .counts[0];
    read.items.forEach((item, i) => {
      const entry = result.leaderboard.find((line) => line.item === item)!;
      const games = counts.comparisons[i].reduce((sum, value) => sum + value, 0);
      const points =
        counts.wins[i].reduce((sum, value) => sum + value, 0) +
        counts.ties[i].reduce((sum, value) => sum + value, 0) / 2;
      assert.equal(entry.games, games);
      assert.ok(Math.abs(entry.winRate! - points / games) < 1e-12);
    });
  });

  test("the winner is the estimate's von Neumann winner, with its bootstrap support frequencies", () => {
    const estimate = estimateFromComparisons({
      items: read.items,
      comparisons: read.comparisons,
      winner: 'von-neumann',
      bootstrap: { rounds: 50, seed: 4 },
    });
    assert.deepEqual(result.winner.distribution, estimate.winner!.distribution);
    for (const entry of result.leaderboard) {
      const i = read.items.indexOf(entry.item);
      assert.equal(entry.probability, estimate.winner!.distribution[i]);
      assert.equal(entry.supportFrequency, estimate.bootstrap!.items[i].supportFrequency);
    }
    assert.equal(result.winner.certificate.gap <= 1e-9, true);
  });

  test('several criteria: the Blackwell winner of the target (default 0.5 everywhere); one criterion by name', () => {
    const log = readBattleText(ratings);
    const blackwell = rankComparisons({ items: log.items, comparisons: log.comparisons, rows: log }, { bootstrap: 0 });
    assert.ok(validRank(blackwell), JSON.stringify(validRank.errors));
    assert.equal(blackwell.winner.kind, 'blackwell');
    assert.equal(blackwell.criterion, null);
    assert.match(blackwell.warnings.join(' '), /2 rows of the log were left out \(line 1202: .*; line 2403: /);
    assert.equal(blackwell.leaderboard[0].interval, null);
    const targeted = rankComparisons(
      { comparisons: log.comparisons },
      { bootstrap: 0, target: 'harmlessness=0.6, helpfulness=0.5', norm: 'l1' },
    );
    assert.equal(targeted.winner.norm, 'l1');
    const one = rankComparisons({ comparisons: log.comparisons }, { bootstrap: 0, criterion: 'concision' });
    assert.equal(one.winner.kind, 'von-neumann');
    assert.equal(one.criterion, 'concision');
    assert.throws(() => rankComparisons({ comparisons: log.comparisons }, { criterion: 'speed' }), {
      code: 'PREF_ERR_UNKNOWN_CRITERION',
    });
    assert.deepEqual(parseTarget('a = 0.6,b=0.5'), { thresholds: { a: 0.6, b: 0.5 } });
    assert.throws(() => parseTarget('a=high'), { code: 'PREF_ERR_INVALID_OPTION', pointer: '/target' });
  });
});

describe("estimate: the winner by default, intervals on the rating's scale", () => {
  const read = readBattleText(battles);

  test('one criterion and no winner: the von Neumann winner with its plug-in bound; several: a warning says why not', () => {
    const result = estimateFromComparisons({ comparisons: read.comparisons });
    assert.equal(result.winner?.kind, 'von-neumann');
    assert.deepEqual(
      result.winner.distribution,
      estimateFromComparisons({ comparisons: read.comparisons, winner: 'von-neumann', bootstrap: { rounds: 0 } })
        .winner!.distribution,
    );
    assert.ok(result.bound && result.bootstrap === undefined);
    assert.equal(estimateFromComparisons({ comparisons: read.comparisons, winner: 'none' }).winner, undefined);
    const several = estimateFromComparisons({ comparisons: readBattleText(ratings).comparisons });
    assert.equal(several.winner, undefined);
    assert.match(several.warnings.join(' '), /no winner computed: the comparisons have 3 criteria/);
  });

  test('Bradley-Terry intervals: ratingInterval on the Elo scale of rating, log-strengths under logStrengthInterval (lower/upper kept)', () => {
    const result = estimateFromComparisons({
      comparisons: read.comparisons,
      rankings: { methods: ['bradley-terry'], rounds: 30 },
    });
    for (const entry of result.rankings!.criteria[0].bradleyTerry!.scores) {
      assert.deepEqual(entry.logStrengthInterval, [entry.lower, entry.upper]);
      assert.deepEqual(entry.ratingInterval, [eloRating(entry.lower!), eloRating(entry.upper!)]);
      assert.ok(entry.ratingInterval[0] <= entry.rating! && entry.rating! <= entry.ratingInterval[1]);
    }
  });
});

describe('prefgame rank', () => {
  test('prints the leaderboard, or the rank document with --json; reads stdin and .gz files; bad rows on stderr', () => {
    const directory = mkdtempSync(join(tmpdir(), 'prefgame-rank-'));
    try {
      const table = runCli(['rank', 'examples/assistants/battles.jsonl', '--bootstrap', '20']);
      assert.equal(table.code, 0, table.stderr);
      assert.match(
        table.stdout,
        /^rank +item +rating +95% interval +win rate +games +winner +support\n +1 +atlas +\d+ +\[\d+, \d+\]/,
      );
      assert.match(table.stdout, /von Neumann winner of preference: atlas 1\.000/);
      const zipped = join(directory, 'battles.jsonl.gz');
      writeFileSync(zipped, gzipSync(battles + '{"model_a":"x"}\n'));
      const json = runCli(['rank', zipped, '--json', '--bootstrap', '20']);
      assert.equal(json.code, 0, json.stderr);
      const document = JSON.parse(json.stdout) as Record<string, unknown>;
      assert.ok(validRank(document), JSON.stringify(validRank.errors));
      assert.match(json.stderr, /line 3001: model_b is missing/);
      const piped = runCli(['rank', '-', '--json', '--bootstrap', '20', '--format', 'arena'], battles);
      const comparable = (value: Record<string, unknown>) => ({
        ...value,
        diagnostics: 0,
        warnings: [],
        rows: 0,
        winner: { ...(value.winner as object), diagnostics: 0 },
      });
      assert.deepEqual(comparable(JSON.parse(piped.stdout)), comparable(document));
      assert.equal(runCli(['rank', join(directory, 'missing.csv')]).code, 2);
      assert.equal(runCli(['rank', '-'], 'model_a,model_b,winner\nx,x,tie\n').code, 1);
      assert.equal(runCli(['rank', '-', '--bootstrap', 'lots'], battles).code, 2);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('prefgame plot: rank and estimate results', () => {
  test('a rank result gives its leaderboard, win-rate heat map and winner; an estimate result its own', async () => {
    const { plotSpecs, plotResult } = await import('../../src/plot/index.js');
    const read = readBattleText(battles);
    const result = rankComparisons({ items: read.items, comparisons: read.comparisons, rows: read }, { bootstrap: 20 });
    const specs = plotSpecs(result);
    assert.deepEqual(
      specs.map((plot) => plot.name),
      ['leaderboard', 'win-rates', 'winner'],
    );
    const leaderboard = specs[0].spec as { data: { values: Array<{ item: string; lower: number; upper: number }> } };
    assert.deepEqual(
      leaderboard.data.values.map((row) => [row.item, row.lower, row.upper]),
      result.leaderboard.map((entry) => [entry.item, entry.interval![0], entry.interval![1]]),
    );
    const cells = (specs[1].spec as { data: { values: unknown[] } }).data.values;
    assert.equal(cells.length, read.items.length * (read.items.length - 1));
    const bars = (specs[2].spec as { data: { values: Array<{ series: string; value: number }> } }).data.values;
    assert.deepEqual(
      bars.filter((bar) => bar.series === 'bootstrap support frequency').map((bar) => bar.value),
      read.items.map((item) => result.leaderboard.find((entry) => entry.item === item)!.supportFrequency),
    );
    const pictures = await plotResult(result);
    assert.match(pictures[1].svg, /^<svg/);
    assert.match(pictures[0].svg, /Leaderboard on preference/);
    const estimate = estimateFromComparisons({
      comparisons: readBattleText(ratings).comparisons,
      winner: 'blackwell',
      target: { thresholds: { helpfulness: 0.5, harmlessness: 0.5, concision: 0.5 } },
      bootstrap: { rounds: 5 },
      rankings: { methods: ['bradley-terry'], rounds: 5 },
    });
    assert.deepEqual(
      plotSpecs(estimate).map((plot) => plot.name),
      [
        'win-rates-helpfulness',
        'leaderboard-helpfulness',
        'win-rates-harmlessness',
        'leaderboard-harmlessness',
        'win-rates-concision',
        'leaderboard-concision',
        'winner',
      ],
    );
  });
});

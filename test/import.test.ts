import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importArena, importPairs, importRatings, readTable } from '../src/estimation/index.js';
import { solve } from '../src/index.js';
import { runCli } from './helpers.js';

describe('reading tables', () => {
  test('CSV: quoted fields, BOM, spaces; a row with the wrong number of fields is reported by line and the rest kept', () => {
    const table = readTable('\uFEFFmodel_a, model_b ,winner\n"gpt, large",llama,model_a\n\nx,y\n a , b , tie \n');
    assert.deepEqual(table.columns, ['model_a', 'model_b', 'winner']);
    assert.deepEqual(
      table.rows.map((row) => [row.line, row.fields.model_a]),
      [
        [2, 'gpt, large'],
        [5, 'a'],
      ],
    );
    assert.equal(table.rejected.length, 1);
    assert.equal(table.rejected[0].line, 4);
  });

  test('JSONL: bad JSON and non-objects are reported by line; blank lines skipped', () => {
    const table = readTable(
      '{"model_a": "x", "model_b": "y", "winner": "tie"}\n\n{oops\n[1, 2]\n{"model_a": "y", "model_b": "x", "winner": "model_b"}\n',
    );
    assert.deepEqual(
      table.rows.map((row) => row.line),
      [1, 5],
    );
    assert.deepEqual(
      table.rejected.map((row) => row.line),
      [3, 4],
    );
    assert.match(table.rejected[1].reason, /not a JSON object/);
  });
});

describe('importers', () => {
  test('arena: winners, ties and both_bad (as ties, or skipped); bad rows reported with line numbers; the rest aggregated', () => {
    const log = [
      'question_id,model_a,model_b,winner,judge',
      '1,gpt,llama,model_a,alice',
      '2,llama,gpt,model_b,bob',
      '3,gpt,claude,tie,bob',
      '4,claude,llama,tie (bothbad),alice',
      '5,gpt,llama,model_c,alice',
      '6,gpt,gpt,model_a,alice',
      '7,,llama,model_b,alice',
    ].join('\n');
    const imported = importArena(log);
    assert.deepEqual(imported.items, ['gpt', 'llama', 'claude']);
    assert.deepEqual(imported.comparisons, [
      { winner: 'gpt', loser: 'llama', count: 2 },
      { tie: ['gpt', 'claude'], count: 1 },
      { tie: ['claude', 'llama'], count: 1 },
    ]);
    assert.equal(imported.accepted, 4);
    assert.deepEqual(
      imported.rejected.map((row) => row.line),
      [6, 7, 8],
    );
    assert.match(imported.rejected[0].reason, /winner is "model_c"/);
    assert.match(imported.rejected[1].reason, /both "gpt"/);
    assert.match(imported.rejected[2].reason, /model_a is ""/);
    assert.equal(importArena(log, { bothBad: 'skip' }).comparisons.length, 2);
    assert.deepEqual(importArena(log, { criterion: 'helpfulness' }).comparisons[0], {
      criterion: 'helpfulness',
      winner: 'gpt',
      loser: 'llama',
      count: 2,
    });
  });

  test('arena: JSONL with the one-hot winner_model_a / winner_model_b / winner_tie columns', () => {
    const lines = [
      { model_a: 'x', model_b: 'y', winner_model_a: 1, winner_model_b: 0, winner_tie: 0 },
      { model_a: 'x', model_b: 'y', winner_model_a: 0, winner_model_b: 0, winner_tie: 1 },
      { model_a: 'x', model_b: 'y', winner_model_a: 1, winner_model_b: 1, winner_tie: 0 },
    ].map((row) => JSON.stringify(row));
    const imported = importArena(lines.join('\n'));
    assert.deepEqual(imported.comparisons, [
      { winner: 'x', loser: 'y', count: 1 },
      { tie: ['x', 'y'], count: 1 },
    ]);
    assert.deepEqual(
      imported.rejected.map((row) => row.line),
      [3],
    );
  });

  test('pairs: criterion, count and tie columns, or JSONL rows in the comparisons form', () => {
    const csv = importPairs(
      'criterion,winner,loser,count,tie\nsafety,A,B,4,\nsafety,B,A,2,\nspeed,A,B,1,yes\nspeed,A,B,-3,\nspeed,A,B,1.5,\n',
    );
    assert.deepEqual(csv.comparisons, [
      { criterion: 'safety', winner: 'A', loser: 'B', count: 4 },
      { criterion: 'safety', winner: 'B', loser: 'A', count: 2 },
      { criterion: 'speed', tie: ['A', 'B'], count: 1 },
    ]);
    assert.deepEqual(
      csv.rejected.map((row) => row.line),
      [5, 6],
    );
    const jsonl = importPairs(
      '{"criterion": "safety", "tie": ["A", "B"], "count": 3}\n{"winner": "A", "loser": "B"}\n{"tie": ["A"]}\n',
    );
    assert.deepEqual(jsonl.comparisons, [
      { criterion: 'safety', tie: ['A', 'B'], count: 3 },
      { winner: 'A', loser: 'B', count: 1 },
    ]);
    assert.deepEqual(
      jsonl.rejected.map((row) => row.line),
      [3],
    );
  });

  test('ratings: one column per criterion with a, b, tie, counts or empty; a bad cell rejects its row', () => {
    const table = [
      'item_a,item_b,safety,helpfulness',
      'p3,p7,4-2,b',
      'p3,p1,tie,',
      'p1,p7,,',
      'p1,p7,maybe,a',
      'p7,p1,1-0-2,A',
    ].join('\n');
    const imported = importRatings(table);
    assert.deepEqual(imported.comparisons, [
      { criterion: 'safety', winner: 'p3', loser: 'p7', count: 4 },
      { criterion: 'safety', winner: 'p7', loser: 'p3', count: 2 },
      { criterion: 'helpfulness', winner: 'p7', loser: 'p3', count: 1 },
      { criterion: 'safety', tie: ['p3', 'p1'], count: 1 },
      { criterion: 'safety', winner: 'p7', loser: 'p1', count: 1 },
      { criterion: 'safety', tie: ['p7', 'p1'], count: 2 },
      { criterion: 'helpfulness', winner: 'p7', loser: 'p1', count: 1 },
    ]);
    assert.deepEqual(
      imported.rejected.map((row) => [row.line, /no criterion|maybe/.test(row.reason)]),
      [
        [4, true],
        [5, true],
      ],
    );
    // Only the helpfulness column: line 5's bad safety cell is not read any more.
    assert.deepEqual(
      importRatings(table, { criteria: ['helpfulness'] }).comparisons.map((row) => row.winner),
      ['p7', 'p1', 'p7'],
    );
  });

  test('a log with no usable row is PREF_ERR_EMPTY_IMPORT quoting the first reasons', () => {
    assert.throws(
      () => importArena('model_a,model_b,winner\nx,y,z\n'),
      (error: Error & { code?: string }) => error.code === 'PREF_ERR_EMPTY_IMPORT' && /line 2/.test(error.message),
    );
  });

  test('the imported document solves', () => {
    const imported = importArena('model_a,model_b,winner\nx,y,model_a\ny,z,model_a\nz,x,model_a\nx,y,model_b\n');
    const result = solve({ kind: 'von-neumann', comparisons: imported.comparisons });
    assert.equal(result.status, 'optimal');
  });
});

describe('prefgame estimate and prefgame plan', () => {
  test('estimate writes the problem document, lists bad rows by line on stderr, exits 0 (1 with --strict)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'prefgame-'));
    const file = join(directory, 'battles.csv');
    writeFileSync(file, 'model_a,model_b,winner\nx,y,model_a\ny,x,oops\ny,z,tie\n');
    const run = runCli(['estimate', file, '--format', 'arena']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      kind: 'estimate',
      items: ['x', 'y', 'z'],
      comparisons: [
        { winner: 'x', loser: 'y', count: 1 },
        { tie: ['y', 'z'], count: 1 },
      ],
    });
    assert.match(run.stderr, /line 3: winner is "oops"/);
    assert.match(run.stderr, /2 rows used, 1 rejected; 3 items, 2 comparison rows/);
    assert.equal(runCli(['estimate', file, '--format', 'arena', '--strict']).code, 1);
    const output = join(directory, 'problem.json');
    assert.equal(runCli(['estimate', file, '--format', 'arena', '--kind', 'von-neumann', '-o', output]).code, 0);
    const solved = runCli(['solve', output]);
    assert.equal(solved.code, 0, solved.stderr);
    assert.equal(JSON.parse(solved.stdout).kind, 'von-neumann');
    assert.equal(JSON.parse(readFileSync(output, 'utf8')).kind, 'von-neumann');
  });

  test('estimate: usage errors exit 2, an unusable log exits 1 with an error document', () => {
    assert.equal(runCli(['estimate', '-', '--format', 'xml'], 'a').code, 2);
    assert.equal(runCli(['estimate', '-']).code, 2);
    const empty = runCli(['estimate', '-', '--format', 'pairs'], 'winner,loser\nx,x\n');
    assert.equal(empty.code, 1);
    assert.equal(JSON.parse(empty.stdout).error.code, 'PREF_ERR_EMPTY_IMPORT');
  });

  test('plan prints the comparisons needed per pair', () => {
    const run = runCli(['plan', '--items', '10', '--epsilon', '0.1', '--prior', '0']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).comparisonsPerPair, 375);
    assert.equal(runCli(['plan', '--items', '1', '--epsilon', '0.1']).code, 2);
  });
});

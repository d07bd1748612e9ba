import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers.js';

const vonNeumann = {
  id: 'rps',
  kind: 'von-neumann',
  items: ['rock', 'paper', 'scissors'],
  preferences: [
    [0.5, 0, 1],
    [1, 0.5, 0],
    [0, 1, 0.5],
  ],
};

describe('the prefgame command', () => {
  test('solve reads a file and prints the result document; exit 0', () => {
    const directory = mkdtempSync(join(tmpdir(), 'prefgame-'));
    writeFileSync(join(directory, 'problem.json'), JSON.stringify(vonNeumann));
    const { code, stdout } = runCli(['solve', join(directory, 'problem.json')]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.id, 'rps');
    assert.equal(result.status, 'optimal');
  });

  test('solve prints an error document and a reason on stderr for bad input; exit 1', () => {
    const { code, stdout, stderr } = runCli(
      ['solve', '-'],
      JSON.stringify({
        id: 'x',
        kind: 'von-neumann',
        preferences: [
          [0.5, 0.7],
          [0.6, 0.5],
        ],
      }),
    );
    assert.equal(code, 1);
    const error = JSON.parse(stdout);
    assert.deepEqual(
      [error.id, error.status, error.error.code, error.error.pointer],
      ['x', 'error', 'PREF_ERR_NOT_COMPLEMENTARY', '/preferences/0/1'],
    );
    assert.match(stderr, /PREF_ERR_NOT_COMPLEMENTARY/);
  });

  test('batch keeps order, turns bad lines into error lines and still solves the rest; exit 1', () => {
    const directory = mkdtempSync(join(tmpdir(), 'prefgame-'));
    const lines = [
      JSON.stringify({ ...vonNeumann, id: 'first' }),
      '{ not json',
      '',
      JSON.stringify({
        id: 'bad',
        kind: 'von-neumann',
        preferences: [
          [0.5, 2],
          [-1, 0.5],
        ],
      }),
      JSON.stringify({
        id: 'last',
        kind: 'matrix-game',
        payoff: [
          [3, -1],
          [-2, 1],
        ],
      }),
    ];
    writeFileSync(join(directory, 'in.ndjson'), lines.join('\n') + '\n');
    const { code, stderr } = runCli(['batch', join(directory, 'in.ndjson'), '-o', join(directory, 'out.ndjson')]);
    assert.equal(code, 1);
    assert.match(stderr, /2 solved, 2 failed, 0 not optimal/);
    const output = readFileSync(join(directory, 'out.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      output.map((line) => [line.id, line.status]),
      [
        ['first', 'optimal'],
        [null, 'error'],
        ['bad', 'error'],
        ['last', 'optimal'],
      ],
    );
    assert.equal(output[1].error.code, 'PREF_ERR_INVALID_JSON');
    assert.equal(output[1].line, 2);
    assert.equal(output[2].line, 4);
  });

  test('batch --jobs 2 solves in worker threads and keeps the input order, error lines in place', () => {
    const lines = Array.from({ length: 40 }, (_, index) =>
      index % 13 === 5
        ? '{"id": "broken", '
        : JSON.stringify({
            id: index,
            kind: 'von-neumann',
            preferences: [
              [0.5, 0.2 + (index % 7) / 10],
              [0.8 - (index % 7) / 10, 0.5],
            ],
          }),
    );
    const { code, stdout, stderr } = runCli(['batch', '-', '--jobs', '2'], lines.join('\n') + '\n');
    assert.equal(code, 1);
    assert.match(stderr, /37 solved, 3 failed, 0 not optimal .*2 jobs/);
    const output = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(output.length, 40);
    output.forEach((line, index) => {
      if (index % 13 === 5)
        assert.deepEqual([line.status, line.line, line.error.code], ['error', index + 1, 'PREF_ERR_INVALID_JSON']);
      else assert.deepEqual([line.id, line.status], [index, 'optimal']);
    });
  });

  test('batch exits 0 when every line solves', () => {
    const { code, stdout } = runCli(
      ['batch', '-'],
      JSON.stringify(vonNeumann) + '\n' + JSON.stringify(vonNeumann) + '\n',
    );
    assert.equal(code, 0);
    assert.equal(stdout.trim().split('\n').length, 2);
  });

  test('validate checks content rules without solving', () => {
    assert.equal(runCli(['validate', '-'], JSON.stringify(vonNeumann)).code, 0);
    const bad = runCli(
      ['validate', '-'],
      JSON.stringify({
        kind: 'blackwell',
        criteria: [{ name: 'a', preferences: [[0.5]] }],
        target: { thresholds: { a: 2 } },
      }),
    );
    assert.equal(bad.code, 1);
    assert.equal(JSON.parse(bad.stdout).error.code, 'PREF_ERR_EMPTY_TARGET');
  });

  test('schema prints the JSON Schemas', () => {
    const { code, stdout } = runCli(['schema', 'blackwell']);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).$id, 'urn:prefgame:schema:blackwell');
    assert.equal(runCli(['schema', 'nonsense']).code, 2);
  });

  test('usage errors exit 2', () => {
    assert.equal(runCli(['frobnicate']).code, 2);
    assert.equal(runCli(['solve', '/nonexistent/problem.json']).code, 2);
    assert.equal(runCli(['solve', '--no-such-flag']).code, 2);
  });
});

// The playground's pure modules (no DOM): where a JSON pointer sits in the input, how the input
// is classified, the frontier's hull, and the requests and commands the page shows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { locatePointer, pointerTokens } from '../web/src/json-locate.js';
import { InputError, readInput } from '../web/src/input.js';
import { upperRightHull } from '../web/src/scale.js';
import { rankRoute } from '../web/src/rank-route.js';
import { shellCommands } from '../web/src/commands.js';

describe('playground modules', () => {
  test('a JSON pointer is found at its value, with line and column; a missing field at its parent', () => {
    const text = '{\n  "criteria": [\n    { "name": "a/b", "preferences": [[0.5, 0.9], [0.4, 0.5]] }\n  ]\n}';
    const cell = locatePointer(text, '/criteria/0/preferences/0/1')!;
    assert.equal(text.slice(cell.start, cell.end), '0.9');
    assert.deepEqual([cell.line, cell.column], [3, 44]);
    const name = locatePointer(text, '/criteria/0/name')!;
    assert.equal(text.slice(name.start, name.end), '"a/b"');
    const missing = locatePointer(text, '/criteria/0/target')!;
    assert.equal(text[missing.start], '{', 'the parent object');
    assert.equal(locatePointer(text, '/items'), undefined, 'never the whole document');
    assert.equal(locatePointer('{"a": [1,', '/a/0'), undefined, 'not JSON');
    assert.deepEqual(pointerTokens('/a~1b/c~0d'), ['a/b', 'c~d']);
  });

  test('the input is a document, a JSON log, JSONL or CSV; a syntax error names its line', () => {
    assert.equal(readInput('{"criteria": []}').type, 'document');
    assert.equal(readInput('{"kind": "matrix-game", "payoff": [[1]]}').type, 'other');
    assert.deepEqual(readInput('{"format": "arena", "rows": [{}]}'), {
      type: 'log',
      text: '{"format": "arena", "rows": [{}]}',
      contentType: 'application/json',
    });
    assert.equal(
      (
        readInput('{"model_a":"x","model_b":"y","winner":"model_a"}\n{"model_a":"y","model_b":"x","winner":"tie"}') as {
          contentType: string;
        }
      ).contentType,
      'application/x-ndjson',
    );
    assert.equal((readInput('model_a,model_b,winner\nx,y,model_a') as { contentType: string }).contentType, 'text/csv');
    const comparisons = readInput(
      '{"comparisons": [{"criterion": "s", "winner": "a", "loser": "b"}, {"winner": "b", "loser": "a"}]}',
    );
    assert.deepEqual(comparisons.type === 'document' && comparisons.criteria, ['s', 'preference']);
    assert.throws(
      () => readInput('{\n  "preferences": [[0.5, 0.7],\n    [0.3 0.5]]\n}'),
      (error: InputError) => error instanceof InputError && /line 3/.test(error.message) && error.span?.line === 3,
    );
    assert.throws(() => readInput('   '), InputError);
  });

  test('the frontier outline keeps the points no other beats on both axes, where convex', () => {
    const hull = upperRightHull([
      [0.2, 0.5],
      [0.25, 0.475],
      [0.4, 0.35],
      [0.5, 0.25],
      [0.3, 0.3],
      [0.35, 0.42],
    ]);
    assert.deepEqual(hull, [
      [0.2, 0.5],
      [0.25, 0.475],
      [0.35, 0.42],
      [0.5, 0.25],
    ]);
    assert.deepEqual(upperRightHull([]), []);
  });

  test('rank requests carry the settings as query parameters and the prefgame command mirrors them', () => {
    const route = rankRoute({
      format: 'ratings',
      thresholds: { helpfulness: 0.5, concision: 0.4 },
      norm: 'l2',
      bootstrap: 0,
    });
    const query = new URLSearchParams(route.split('?')[1]);
    assert.deepEqual(Object.fromEntries(query), {
      format: 'ratings',
      target: 'helpfulness=0.5,concision=0.4',
      norm: 'l2',
      bootstrap: '0',
      seed: '1',
    });
    const commands = shellCommands({ route, contentType: 'text/csv', fileName: 'log.csv' }, 'http://127.0.0.1:8080');
    assert.match(commands, /curl -sS -X POST 'http:\/\/127\.0\.0\.1:8080\/v1\/rank\?format=ratings&target=/);
    assert.match(
      commands,
      /prefgame rank log\.csv --format ratings --target helpfulness=0\.5,concision=0\.4 --norm l2 --bootstrap 0 --seed 1 --json/,
    );
    assert.match(
      shellCommands({ route: '/v1/pareto', contentType: 'application/json', fileName: 'problem.json' }, 'http://h'),
      /prefgame solve problem\.json/,
    );
  });
});

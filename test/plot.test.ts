import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approachability, compareLotteries, paretoFrontier } from '../src/index.js';
import { plotResult, plotSpecs } from '../src/plot/index.js';
import { runCli } from './helpers.js';
import { safetyAndComfort } from './helpers.js';

const criteria = safetyAndComfort;

describe('plots', () => {
  test('each result gives the pictures that apply, as Vega-Lite specs built from the result alone', () => {
    const pareto = paretoFrontier({
      criteria,
      target: { thresholds: { safety: 0.45, comfort: 0.45 } },
      weights: { safety: 1, comfort: 1 },
    });
    const specs = plotSpecs(pareto);
    assert.deepEqual(
      specs.map((plot) => plot.name),
      ['frontier', 'distributions'],
    );
    const layers = specs[0].spec.layer as Array<{ data: { values: Array<{ series?: string; label?: string }> } }>;
    assert.equal(
      layers[0].data.values.filter((point) => point.series === 'Pareto frontier').length,
      pareto.frontier.length,
    );
    assert.ok(layers[0].data.values.some((point) => point.series === 'target set'));
    assert.deepEqual(
      layers[1].data.values.map((point) => point.label),
      ['Blackwell winner (linf)', 'linear-aggregation winner'],
    );
    assert.deepEqual(
      plotSpecs(compareLotteries({ criteria })).map((plot) => plot.name),
      ['distributions'],
    );
    const repeated = approachability({
      criteria,
      target: { thresholds: { safety: 0.55 } },
      simulate: { rounds: 20, opponent: { type: 'random' }, checkpoints: 3 },
    });
    assert.deepEqual(
      plotSpecs(repeated).map((plot) => plot.name),
      ['trajectory', 'distributions'],
    );
    assert.deepEqual(
      plotSpecs(
        paretoFrontier({ criteria: [...criteria, { name: 'speed', preferences: criteria[0].preferences }] }),
      ).map((plot) => plot.name),
      [],
    );
  });

  test('rendered with Vega to SVG, and written by prefgame plot and solve --plot', async () => {
    const pareto = paretoFrontier({ id: 'demo', criteria, target: { thresholds: { safety: 0.45, comfort: 0.45 } } });
    const [frontier] = await plotResult(pareto);
    assert.equal(frontier.name, 'frontier');
    assert.match(frontier.svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(frontier.svg, /Pareto frontier of safety and comfort/);
    const directory = mkdtempSync(join(tmpdir(), 'prefgame-plot-'));
    writeFileSync(join(directory, 'result.json'), JSON.stringify(pareto));
    const plotted = runCli(['plot', join(directory, 'result.json'), '-o', join(directory, 'out')]);
    assert.equal(plotted.code, 0, plotted.stderr);
    assert.deepEqual(readdirSync(join(directory, 'out')).sort(), ['demo-distributions.svg', 'demo-frontier.svg']);
    writeFileSync(join(directory, 'problem.json'), JSON.stringify({ kind: 'compare', id: 'cmp', criteria }));
    const solved = runCli(['solve', join(directory, 'problem.json'), '--plot', join(directory, 'solved')]);
    assert.equal(solved.code, 0, solved.stderr);
    assert.equal(JSON.parse(solved.stdout).kind, 'compare');
    assert.match(readFileSync(join(directory, 'solved', 'cmp-distributions.svg'), 'utf8'), /<svg/);
    const bad = runCli(['plot', '-'], '[1, 2]');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /PREF_ERR_SCHEMA/);
  });
});

import { PrefgameError } from '../errors.js';
import { plotSpecs, type VegaLiteSpec } from './specs.js';

/**
 * Renders a Vega-Lite spec to an SVG document with Vega's headless renderer (no browser, no
 * canvas: text is measured by estimate). Vega is loaded on first use, so importing prefgame
 * does not load it. Asynchronous, as Vega is.
 *
 * @example
 * ```ts
 * const result = paretoFrontier({ criteria: [{ name: 'safety', preferences: safetyRows }, { name: 'comfort', preferences: comfortRows }] })
 * const svg = await renderSvg(frontierSpec(result))
 * assert.ok(svg.startsWith('<svg'))
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The SVG pictures of a result document (see {@link plotSpecs}): the frontier of a two-criteria
 * `pareto` result with its winners and target, the distributions of winners and compared
 * lotteries as bar charts, the trajectory of a simulated approachability run. Throws
 * `PREF_ERR_SCHEMA` for something that is not a result document.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs'
 * import { tmpdir } from 'node:os'
 * import { join } from 'node:path'
 * const result = paretoFrontier({ criteria: [{ name: 'safety', preferences: safetyRows }, { name: 'comfort', preferences: comfortRows }] })
 * const folder = mkdtempSync(join(tmpdir(), 'prefgame-'))
 * for (const { name, svg } of await plotResult(result)) writeFileSync(join(folder, `${name}.svg`), svg)
 * ```
 */
export async function plotResult(result: unknown): Promise<Array<{ name: string; svg: string }>> {
  if (result === null || typeof result !== 'object' || typeof (result as { kind?: unknown }).kind !== 'string') {
    throw new PrefgameError('PREF_ERR_SCHEMA', 'a result document (an object with a kind) is needed to plot', '');
  }
  const plots = plotSpecs(result as { kind: string });
  return Promise.all(plots.map(async ({ name, spec }) => ({ name, svg: await renderSvg(spec) })));
}

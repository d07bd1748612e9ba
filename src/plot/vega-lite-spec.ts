/**
 * Vega-Lite specifications of the pictures of a result (rendered to SVG by `render.ts`): plain
 * JSON, built from result documents only, so that any Vega-Lite tool can render them too.
 */
export type VegaLiteSpec = Record<string, unknown>;

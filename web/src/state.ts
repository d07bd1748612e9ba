/** Everything a link must carry to reopen the same view. */
export interface ViewState {
  /** A bundled example by file name, or... */
  example?: string;
  /** ...the input text itself (when it is not an unchanged example). */
  source?: string;
  view: 'tradeoffs' | 'single';
  thresholds: Record<string, number>;
  weights: Record<string, number>;
  norm: string;
  axes?: [string, string];
  criterion?: string;
  format?: string;
}

/** Longest hash the page writes; a bigger input is left out of the link (download it instead). */
export const maxHashLength = 60_000;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** The input text compressed (raw deflate) and base64url-encoded for a URL. */
export async function packText(text: string): Promise<string> {
  return base64url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** The inverse of {@link packText}. */
export async function unpackText(packed: string): Promise<string> {
  return new TextDecoder().decode(await pipe(fromBase64url(packed), new DecompressionStream('deflate-raw')));
}

function pairs(values: Record<string, number>): string {
  return Object.entries(values)
    .map(([name, value]) => `${encodeURIComponent(name)}:${value}`)
    .join(',');
}

function readPairs(text: string | null): Record<string, number> {
  const values: Record<string, number> = {};
  for (const part of (text ?? '').split(',')) {
    const at = part.lastIndexOf(':');
    if (at <= 0) continue;
    const value = Number(part.slice(at + 1));
    if (Number.isFinite(value)) values[decodeURIComponent(part.slice(0, at))] = value;
  }
  return values;
}

/**
 * The URL hash of a view: `example` or `source` (packed), then `view`, `t` (thresholds),
 * `w` (weights), `norm`, `x`, `y`, `criterion`, `format`.
 *
 * @example
 * ```ts
 * await writeHash({ example: 'driving.json', view: 'tradeoffs', thresholds: { safety: 0.4 }, weights: {}, norm: 'linf' })
 * // 'example=driving.json&view=tradeoffs&t=safety%3A0.4&norm=linf'
 * ```
 */
// eslint-disable-next-line @typescript-eslint/require-await -- part of the module's async API: callers await it
export async function writeHash(state: ViewState, packedSource?: string): Promise<string> {
  const params = new URLSearchParams();
  if (state.example) params.set('example', state.example);
  else if (packedSource) params.set('source', packedSource);
  params.set('view', state.view);
  if (Object.keys(state.thresholds).length > 0) params.set('t', pairs(state.thresholds));
  if (Object.keys(state.weights).length > 0) params.set('w', pairs(state.weights));
  params.set('norm', state.norm);
  if (state.axes) {
    params.set('x', state.axes[0]);
    params.set('y', state.axes[1]);
  }
  if (state.criterion) params.set('criterion', state.criterion);
  if (state.format && state.format !== 'auto') params.set('format', state.format);
  return params.toString();
}

/** Reads a hash written by {@link writeHash} (unpacking the source); undefined when empty. */
export async function readHash(hash: string): Promise<ViewState | undefined> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('view')) return undefined;
  const packed = params.get('source');
  const x = params.get('x');
  const y = params.get('y');
  return {
    example: params.get('example') ?? undefined,
    source: packed ? await unpackText(packed) : undefined,
    view: params.get('view') === 'single' ? 'single' : 'tradeoffs',
    thresholds: readPairs(params.get('t')),
    weights: readPairs(params.get('w')),
    norm: params.get('norm') ?? 'linf',
    axes: x && y ? [x, y] : undefined,
    criterion: params.get('criterion') ?? undefined,
    format: params.get('format') ?? undefined,
  };
}

import { svg } from './dom.js';
import { decimal } from './format.js';
import { linearScale, ticks, upperRightHull, type Scale } from './scale.js';

type Guarantees = Record<string, number>;

/** What the frontier plot shows, in the two criteria of its axes. */
export interface FrontierPicture {
  axes: [string, string];
  /** Guarantee vectors of the frontier's vertices (all criteria). */
  frontier: Guarantees[];
  /** True when the plot is the whole frontier (two criteria), false for a projection. */
  exact: boolean;
  thresholds: Record<string, number>;
  blackwell?: Guarantees;
  linear?: Guarantees;
}

/** The plot, redrawn in place; `onTarget` hears the target corner moved by pointer or keys. */
export interface FrontierPlot {
  draw(picture: FrontierPicture): void;
}

let width = 640;
let height = 440;
const margin = { left: 62, right: 18, top: 16, bottom: 52 };
const step = 0.005;

function snap(value: number): number {
  return Math.min(1, Math.max(0, Math.round(value / step) * step));
}

/** The axis range: from 0 to a little past everything drawn (at least 0.6, at most 1). */
function upperEnd(values: number[]): number {
  const largest = Math.max(0.6, ...values.filter(Number.isFinite).map((value) => value + 0.05));
  return Math.min(1, Math.ceil(largest * 10) / 10);
}

/**
 * A hand-drawn SVG of the Pareto frontier of worst-case guarantees on two criteria: the
 * achievable region under the frontier, the frontier's vertices, the target (the quadrant above
 * the threshold corner), the Blackwell winner's and the linear winner's guarantees. The corner is
 * dragged with the pointer (anywhere on the plot) or moved with the arrow keys when focused
 * (Shift for bigger steps); each move calls `onTarget(x, y, finished)`.
 *
 * @example
 * ```ts
 * const plot = createFrontierPlot(container, (x, y, finished) => setThresholds(x, y, finished))
 * plot.draw({ axes: ['safety', 'comfort'], frontier, exact: true, thresholds: { safety: 0.4, comfort: 0.4 } })
 * ```
 */
export function createFrontierPlot(
  container: HTMLElement,
  onTarget: (x: number, y: number, finished: boolean) => void,
): FrontierPlot {
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'frontier',
    role: 'group',
    'aria-label': 'Pareto frontier of worst-case guarantees with the target',
  }) as SVGSVGElement;
  const layer = svg('g');
  root.append(layer);
  container.replaceChildren(root);

  let current: FrontierPicture | undefined;
  let x: Scale = linearScale([0, 1], [margin.left, width - margin.right]);
  let y: Scale = linearScale([0, 1], [height - margin.bottom, margin.top]);
  let dragging = false;

  const toData = (event: PointerEvent): [number, number] => {
    const matrix = root.getScreenCTM();
    if (!matrix) return [0, 0];
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const [xLow, xHigh] = x.domain;
    const [yLow, yHigh] = y.domain;
    return [
      snap(Math.min(xHigh, Math.max(xLow, x.invert(point.x)))),
      snap(Math.min(yHigh, Math.max(yLow, y.invert(point.y)))),
    ];
  };
  root.addEventListener('pointerdown', (event) => {
    if (!current || event.button !== 0) return;
    dragging = true;
    root.setPointerCapture(event.pointerId);
    event.preventDefault();
    onTarget(...toData(event), false);
  });
  root.addEventListener('pointermove', (event) => {
    if (dragging) onTarget(...toData(event), false);
  });
  const release = (event: PointerEvent) => {
    if (!dragging) return;
    dragging = false;
    onTarget(...toData(event), true);
  };
  root.addEventListener('pointerup', release);
  root.addEventListener('pointercancel', release);

  function onKey(event: KeyboardEvent) {
    if (!current) return;
    const amount = event.shiftKey ? 0.05 : 0.01;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-amount, 0],
      ArrowRight: [amount, 0],
      ArrowDown: [0, -amount],
      ArrowUp: [0, amount],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const [xName, yName] = current.axes;
    onTarget(snap((current.thresholds[xName] ?? 0) + move[0]), snap((current.thresholds[yName] ?? 0) + move[1]), true);
  }

  function draw(picture: FrontierPicture) {
    // One viewBox unit per pixel up to 600 px, so that labels stay readable in a narrow window.
    width = Math.round(Math.max(340, Math.min(600, container.clientWidth || 600)));
    height = Math.round(Math.max(320, width * 0.69));
    root.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const focused = document.activeElement?.classList.contains('target-handle') ?? false;
    current = picture;
    const [xName, yName] = picture.axes;
    const points = picture.frontier.map((point) => [point[xName], point[yName]] as [number, number]);
    const extra = [picture.blackwell, picture.linear].filter((value): value is Guarantees => value !== undefined);
    const xHigh = upperEnd([
      ...points.map((point) => point[0]),
      picture.thresholds[xName],
      ...extra.map((value) => value[xName]),
    ]);
    const yHigh = upperEnd([
      ...points.map((point) => point[1]),
      picture.thresholds[yName],
      ...extra.map((value) => value[yName]),
    ]);
    x = linearScale([0, xHigh], [margin.left, width - margin.right]);
    y = linearScale([0, yHigh], [height - margin.bottom, margin.top]);

    const parts: SVGElement[] = [];
    // grid and axes
    for (const tick of ticks(x.domain, 0.1)) {
      parts.push(svg('line', { x1: x(tick), x2: x(tick), y1: y(0), y2: y(yHigh), class: 'grid' }));
      parts.push(svg('text', { x: x(tick), y: y(0) + 18, 'text-anchor': 'middle', class: 'tick' }, [tick.toFixed(1)]));
    }
    for (const tick of ticks(y.domain, 0.1)) {
      parts.push(svg('line', { x1: x(0), x2: x(xHigh), y1: y(tick), y2: y(tick), class: 'grid' }));
      parts.push(svg('text', { x: x(0) - 8, y: y(tick) + 4, 'text-anchor': 'end', class: 'tick' }, [tick.toFixed(1)]));
    }
    parts.push(
      svg('text', { x: (x(0) + x(xHigh)) / 2, y: height - 10, 'text-anchor': 'middle', class: 'axis-label' }, [
        `${xName}: guaranteed win rate`,
      ]),
    );
    parts.push(
      svg(
        'text',
        {
          x: 16,
          y: (y(0) + y(yHigh)) / 2,
          transform: `rotate(-90 16 ${(y(0) + y(yHigh)) / 2})`,
          'text-anchor': 'middle',
          class: 'axis-label',
        },
        [`${yName}: guaranteed win rate`],
      ),
    );

    // achievable region and frontier
    const hull = upperRightHull(points);
    if (hull.length > 0) {
      const first = hull[0];
      const last = hull[hull.length - 1];
      const outline = [[0, 0], [0, first[1]], ...hull, [last[0], 0]] as Array<[number, number]>;
      parts.push(svg('polygon', { points: outline.map(([a, b]) => `${x(a)},${y(b)}`).join(' '), class: 'achievable' }));
      parts.push(
        svg('polyline', { points: hull.map(([a, b]) => `${x(a)},${y(b)}`).join(' '), class: 'frontier-line' }),
      );
    }
    for (const [a, b] of points) {
      parts.push(
        svg('circle', { cx: x(a), cy: y(b), r: 4, class: 'frontier-point' }, [
          svg('title', {}, [`frontier vertex: ${xName} ${decimal(a)}, ${yName} ${decimal(b)}`]),
        ]),
      );
    }

    // target quadrant and its corner
    const tx = picture.thresholds[xName] ?? 0;
    const ty = picture.thresholds[yName] ?? 0;
    parts.push(
      svg('rect', {
        x: x(tx),
        y: y(yHigh),
        width: Math.max(0, x(xHigh) - x(tx)),
        height: Math.max(0, y(ty) - y(yHigh)),
        class: 'target',
      }),
    );
    if (picture.blackwell) {
      const bx = picture.blackwell[xName];
      const by = picture.blackwell[yName];
      parts.push(
        svg('line', { x1: x(bx), y1: y(by), x2: x(Math.max(bx, tx)), y2: y(Math.max(by, ty)), class: 'shortfall' }),
      );
    }
    const handle = svg(
      'g',
      {
        class: 'target-handle',
        tabindex: 0,
        role: 'button',
        'aria-label': `Target corner at ${xName} ${decimal(tx)}, ${yName} ${decimal(ty)}. Arrow keys move it.`,
      },
      [
        svg('circle', { cx: x(tx), cy: y(ty), r: 9, class: 'handle' }),
        svg('title', {}, [`target: ${xName} >= ${decimal(tx)}, ${yName} >= ${decimal(ty)} (drag, or arrow keys)`]),
      ],
    );
    handle.addEventListener('keydown', onKey as EventListener);
    parts.push(handle);

    // winners
    if (picture.linear) {
      const [a, b] = [x(picture.linear[xName]), y(picture.linear[yName])];
      parts.push(
        svg('rect', { x: a - 6, y: b - 6, width: 12, height: 12, class: 'linear-mark' }, [
          svg('title', {}, [
            `linear winner: ${xName} ${decimal(picture.linear[xName])}, ${yName} ${decimal(picture.linear[yName])}`,
          ]),
        ]),
      );
    }
    if (picture.blackwell) {
      const [a, b] = [x(picture.blackwell[xName]), y(picture.blackwell[yName])];
      parts.push(
        svg('polygon', { points: `${a},${b - 8} ${a + 8},${b} ${a},${b + 8} ${a - 8},${b}`, class: 'blackwell-mark' }, [
          svg('title', {}, [
            `Blackwell winner: ${xName} ${decimal(picture.blackwell[xName])}, ${yName} ${decimal(picture.blackwell[yName])}`,
          ]),
        ]),
      );
    }
    layer.replaceChildren(...parts);
    if (focused) (handle as unknown as HTMLElement).focus();
  }

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => current && draw(current), 150);
  });
  return { draw };
}

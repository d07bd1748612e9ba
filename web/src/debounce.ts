/** A function that runs `action` once, `delayMs` after the last of a burst of calls. */
export interface Debounced {
  (): void;
  /** Runs a pending call now (the end of a drag). */
  flush(): void;
}

/**
 * Debounces `action`: each call restarts the wait; `flush` runs a pending call at once.
 *
 * @example
 * ```ts
 * const resolve = debounce(() => solveTarget(), 250)
 * slider.oninput = resolve
 * ```
 */
export function debounce(action: () => void, delayMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    action();
  };
  const debounced = (() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  }) as Debounced;
  debounced.flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    run();
  };
  return debounced;
}

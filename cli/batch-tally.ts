/**
 * Counts the outputs of a batch by outcome: solved (`status: "optimal"`), failed (an error
 * line) and not optimal (a result whose solver stopped early or could not certify optimality:
 * `time_limit`, `iteration_limit`, `numerical_error`...). Only `optimal` counts as solved.
 *
 * @example
 * ```ts
 * const tally = new BatchTally()
 * tally.add('optimal'); tally.add('time_limit'); tally.add('error')
 * tally.summary() // '1 solved, 1 failed, 1 not optimal (time_limit: 1)'
 * tally.exitCode() // 1
 * ```
 */
export class BatchTally {
  solved = 0;
  failed = 0;
  /** Results that are not `optimal`, by status. */
  readonly notOptimal = new Map<string, number>();

  /** Counts one output line by its `status`. */
  add(status: string): void {
    if (status === 'optimal') this.solved++;
    else if (status === 'error') this.failed++;
    else this.notOptimal.set(status, (this.notOptimal.get(status) ?? 0) + 1);
  }

  /** Results that did not reach optimality. */
  get notOptimalCount(): number {
    let count = 0;
    for (const value of this.notOptimal.values()) count += value;
    return count;
  }

  /** Every line counted. */
  get lines(): number {
    return this.solved + this.failed + this.notOptimalCount;
  }

  /** One line for people: `98 solved, 1 failed, 1 not optimal (time_limit: 1)`. */
  summary(): string {
    const statuses = [...this.notOptimal].map(([status, count]) => `${status}: ${count}`).join(', ');
    return `${this.solved} solved, ${this.failed} failed, ${this.notOptimalCount} not optimal${statuses ? ` (${statuses})` : ''}`;
  }

  /** 0 when every line solved to `optimal`, else 1 (the CLI's exit codes). */
  exitCode(): 0 | 1 {
    return this.solved === this.lines ? 0 : 1;
  }
}

/** A probability or guarantee with 3 decimals ("0.352"); "-" for a missing number. */
export function decimal(value: number | undefined, digits = 3): string {
  return value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);
}

/** A small number such as a gap, in scientific notation when below 1e-3. */
export function small(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return Math.abs(value) < 1e-3 && value !== 0 ? value.toExponential(1) : value.toFixed(4);
}

/** A percentage ("84.5%"). */
export function percent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '-' : `${(100 * value).toFixed(1)}%`;
}

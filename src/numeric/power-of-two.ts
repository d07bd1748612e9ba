/**
 * `x * 2^exponent`, exact whenever the result is a normal double (and correctly rounded when it
 * is subnormal), for any exponent: applied in steps of at most 2^±1000 so that the factor itself
 * never overflows or underflows. Monotone in x, so it keeps bounds in order.
 *
 * @example
 * ```ts
 * timesPowerOfTwo(3, -2) // 0.75
 * timesPowerOfTwo(1e-300, 1000) // 1e-300 * 2^1000, exactly
 * ```
 */
export function timesPowerOfTwo(x: number, exponent: number): number {
  let result = x;
  let left = exponent;
  while (left > 1000) {
    result *= 2 ** 1000;
    left -= 1000;
  }
  while (left < -1000) {
    result *= 2 ** -1000;
    left += 1000;
  }
  return result * 2 ** left;
}

/**
 * The exponent e with `2^(e-1) <= magnitude < 2^e` (0 for 0): dividing by `2^e` brings the
 * magnitude into [1/2, 1) without rounding.
 *
 * @example
 * ```ts
 * binaryExponent(3) // 2
 * binaryExponent(1e-300) // -996
 * ```
 */
export function binaryExponent(magnitude: number): number {
  if (!(magnitude > 0) || !Number.isFinite(magnitude)) return 0;
  let exponent = Math.floor(Math.log2(magnitude)) + 1;
  // log2 of a subnormal or of a value next to a power of two may be off by one: correct it.
  while (timesPowerOfTwo(magnitude, -exponent) >= 1) exponent++;
  while (timesPowerOfTwo(magnitude, -exponent) < 0.5) exponent--;
  return exponent;
}

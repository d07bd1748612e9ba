/** `10^k` for the exponents where it is an exact double (k <= 22). */
const exactPowersOfTen = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** 2^53: integers below it are exact doubles. */
const maximumExactMantissa = 2 ** 53;

/** Deeper documents are left to JSON.parse (no problem document nests beyond a handful). */
const maximumDepth = 64;

const decoder = new TextDecoder();

/** Thrown inside the reader to leave a document to JSON.parse. */
// The fast reader bails out by throwing this sentinel (no Error, no stack to capture): the
// caller catches exactly it and falls back to JSON.parse.
/* eslint-disable @typescript-eslint/only-throw-error */
const notHandled = Symbol('not handled');

/**
 * A JSON reader for the common shape of problem documents, working on the UTF-8 bytes: objects,
 * arrays, plain strings and decimals of up to 15 or 16 digits. It returns `undefined` for anything
 * else (exponents, a mantissa of 2^53 or more, escapes or control characters in strings, the keys
 * `__proto__` and `constructor`, nesting deeper than 64, a byte order mark, malformed text) and
 * the caller then decodes the text and uses JSON.parse, which also writes the error messages.
 *
 * Why: a 128 x 128 x 5 document of 4-decimal probabilities is about 560 kB; decoding it and
 * running JSON.parse takes 3.0-3.4 ms, reading the bytes here 1.3-1.5 ms (`npm run
 * bench:json`), and batches and the HTTP service spend most of their time outside the solver
 * on exactly this. A row of numbers is read in one loop that keeps its position in a local
 * ({@link readDecimal} per entry): going through the reader's own methods for every entry
 * (number, then whitespace, then the separator, each through `this.position`) was 1.4x slower.
 *
 * What it returns is exactly what `JSON.parse(new TextDecoder().decode(bytes))` returns: a
 * decimal `d_1...d_n` with the point `f` digits from its end is the integer mantissa divided by
 * `10^f`; when the mantissa is below 2^53 it is exact, and so is `10^f` (f <= 22), so the one
 * division is correctly rounded (Clinger's fast path), as JSON.parse's conversion is. The test suite checks equality on generated JSON texts. O(bytes).
 *
 * @example
 * ```ts
 * parseJsonBytes(new TextEncoder().encode('{"preferences":[[0.5,0.25],[0.75,0.5]]}'))
 * // { preferences: [[0.5, 0.25], [0.75, 0.5]] }
 * parseJsonBytes(new TextEncoder().encode('[1e-3]')) // undefined: left to JSON.parse
 * ```
 */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  const reader = new ByteReader(bytes);
  try {
    const value = reader.value(0);
    reader.skipWhitespace();
    return reader.position === bytes.length ? value : undefined;
  } catch (error) {
    if (error === notHandled) return undefined;
    throw error;
  }
}

/** Where the last {@link readDecimal} stopped: a module variable, since returning two values would allocate. */
let decimalEnd = 0;

/**
 * The decimal that starts at `start` (`-`? digits, then `.` digits?), exactly as JSON.parse reads
 * it; its end goes to {@link decimalEnd}. Throws the fallback sentinel for anything else
 * (exponents, a mantissa of 2^53 or more, a leading `.` or a trailing one).
 */
function readDecimal(bytes: Uint8Array, start: number): number {
  let position = start;
  const negative = bytes[position] === 45;
  if (negative) position++;
  let mantissa = 0;
  let fractionDigits = 0;
  let byte = bytes[position];
  if (byte === 48) {
    byte = bytes[++position];
  } else if (byte >= 49 && byte <= 57) {
    do {
      mantissa = mantissa * 10 + (byte - 48);
      byte = bytes[++position];
    } while (byte >= 48 && byte <= 57);
  } else {
    throw notHandled;
  }
  if (byte === 46) {
    byte = bytes[++position];
    if (!(byte >= 48 && byte <= 57)) throw notHandled;
    do {
      mantissa = mantissa * 10 + (byte - 48);
      fractionDigits++;
      byte = bytes[++position];
    } while (byte >= 48 && byte <= 57);
  }
  // Every partial mantissa below 2^53 was exact; one at or above it may have been rounded.
  if (byte === 101 || byte === 69 || mantissa >= maximumExactMantissa || fractionDigits > 22) throw notHandled;
  decimalEnd = position;
  const magnitude = fractionDigits === 0 ? mantissa : mantissa / exactPowersOfTen[fractionDigits];
  return negative ? -magnitude : magnitude;
}

/** The reader's state: the bytes and a position. Hot loops keep the position in a local. */
class ByteReader {
  position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  skipWhitespace(): void {
    const bytes = this.bytes;
    let position = this.position;
    for (;;) {
      const byte = bytes[position];
      if (byte === 32 || byte === 10 || byte === 13 || byte === 9) position++;
      else break;
    }
    this.position = position;
  }

  value(depth: number): unknown {
    if (depth > maximumDepth) throw notHandled;
    this.skipWhitespace();
    const byte = this.bytes[this.position];
    if (byte === 91) return this.array(depth + 1);
    if (byte === 123) return this.object(depth + 1);
    if (byte === 34) return this.string();
    if (byte === 45 || (byte >= 48 && byte <= 57)) return this.number();
    if (byte === 116) return this.literal('true', true);
    if (byte === 102) return this.literal('false', false);
    if (byte === 110) return this.literal('null', null);
    throw notHandled;
  }

  private literal(text: string, value: unknown): unknown {
    for (let index = 0; index < text.length; index++) {
      if (this.bytes[this.position + index] !== text.charCodeAt(index)) throw notHandled;
    }
    this.position += text.length;
    return value;
  }

  private string(): string {
    const bytes = this.bytes;
    const start = this.position + 1;
    let position = start;
    let ascii = true;
    for (;;) {
      const byte = bytes[position];
      if (byte === 34) break;
      // Escapes, control characters and the end of the text are JSON.parse's business.
      if (byte === 92 || byte < 32 || byte === undefined) throw notHandled;
      if (byte >= 128) ascii = false;
      position++;
    }
    this.position = position + 1;
    if (ascii && position - start <= 64)
      return String.fromCharCode.apply(null, bytes.subarray(start, position) as unknown as number[]);
    return decoder.decode(bytes.subarray(start, position));
  }

  private number(): number {
    const value = readDecimal(this.bytes, this.position);
    this.position = decimalEnd;
    return value;
  }

  private array(depth: number): unknown[] {
    const bytes = this.bytes;
    this.position++;
    this.skipWhitespace();
    const first = bytes[this.position];
    if (first === 93) {
      this.position++;
      return [];
    }
    return first === 45 || (first >= 48 && first <= 57) ? this.numberArray(depth) : this.valueArray(depth);
  }

  /**
   * An array that starts with a number (a matrix row). Its own array literal matters: V8 keeps
   * allocation feedback per literal, and arrays of arrays from a shared literal would make it
   * allocate every later row as generic elements, boxing each number (2x slower reads).
   */
  private numberArray(depth: number): unknown[] {
    const bytes = this.bytes;
    const numbers: unknown[] = [];
    let position = this.position;
    for (;;) {
      let byte = bytes[position];
      if (byte === 45 || (byte >= 48 && byte <= 57)) {
        numbers.push(readDecimal(bytes, position));
        position = decimalEnd;
        byte = bytes[position];
      } else {
        this.position = position;
        numbers.push(this.value(depth));
        position = this.position;
        byte = bytes[position];
      }
      while (byte === 32 || byte === 10 || byte === 13 || byte === 9) byte = bytes[++position];
      position++;
      if (byte === 93) {
        this.position = position;
        return numbers;
      }
      if (byte !== 44) throw notHandled;
      byte = bytes[position];
      while (byte === 32 || byte === 10 || byte === 13 || byte === 9) byte = bytes[++position];
    }
  }

  private valueArray(depth: number): unknown[] {
    const bytes = this.bytes;
    const values: unknown[] = [];
    for (;;) {
      values.push(this.value(depth));
      this.skipWhitespace();
      const byte = bytes[this.position++];
      if (byte === 93) return values;
      if (byte !== 44) throw notHandled;
    }
  }

  private object(depth: number): Record<string, unknown> {
    const bytes = this.bytes;
    this.position++;
    const object: Record<string, unknown> = {};
    this.skipWhitespace();
    if (bytes[this.position] === 125) {
      this.position++;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      if (bytes[this.position] !== 34) throw notHandled;
      const key = this.string();
      // parseDocument rejects these keys; JSON.parse's path finds and names them.
      if (key === '__proto__' || key === 'constructor') throw notHandled;
      this.skipWhitespace();
      if (bytes[this.position++] !== 58) throw notHandled;
      object[key] = this.value(depth);
      this.skipWhitespace();
      const byte = bytes[this.position++];
      if (byte === 125) return object;
      if (byte !== 44) throw notHandled;
    }
  }
}

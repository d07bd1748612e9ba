// Reading problem documents from bytes (parseJsonBytes) against decoding them and running
// JSON.parse, in one process, on the documents of the batch benchmark (Blackwell n=128 k=5,
// 4-decimal probabilities) and on full-precision ones (which the byte reader leaves to
// JSON.parse). Prints milliseconds per document and the ratio.
import { mixedTensor, rounded } from './families.js';
import { machine, markdownTable, time } from './harness.js';
import { parseDocument } from '../src/parse-document.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function documents(digits: number | null): Uint8Array[] {
  return Array.from({ length: 40 }, (_, index) => {
    const criteria = mixedTensor(128, 5, 50_000 + index).map((matrix, c) => ({
      name: `c${c}`,
      preferences: digits === null ? matrix : rounded(matrix, digits),
    }));
    return encoder.encode(
      JSON.stringify({
        kind: 'blackwell',
        criteria,
        target: { thresholds: Object.fromEntries(criteria.map(({ name }) => [name, 0.55])) },
        norm: 'linf',
      }),
    );
  });
}

const rows: Array<Array<string | number>> = [];
for (const [label, digits] of [
  ['4-decimal', 4],
  ['full precision', null],
] as const) {
  const batch = documents(digits);
  const run = (read: (bytes: Uint8Array) => unknown) => () => batch.forEach(read);
  // Warm both paths up first: the JIT, not the first call, is what a batch sees.
  for (let round = 0; round < 5; round++) {
    run((bytes) => JSON.parse(decoder.decode(bytes)))();
    run((bytes) => parseDocument(bytes))();
  }
  // Alternate the two, many rounds, and take medians: the machine is shared and noisy.
  const baselineTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let round = 0; round < 25; round++) {
    baselineTimes.push(time(run((bytes) => JSON.parse(decoder.decode(bytes)))).ms / batch.length);
    ourTimes.push(time(run((bytes) => parseDocument(bytes))).ms / batch.length);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const baseline = median(baselineTimes);
  const ours = median(ourTimes);
  rows.push([
    label,
    `${(batch[0].length / 1024).toFixed(0)} kB`,
    baseline.toFixed(2),
    ours.toFixed(2),
    `${(ours / baseline).toFixed(2)}x`,
  ]);
}
console.log(`Machine: ${machine()}\n`);
console.log(
  markdownTable(['document', 'size', 'decode + JSON.parse (ms)', 'parseDocument(bytes) (ms)', 'ratio'], rows),
);

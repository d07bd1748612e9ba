// prefgame rank against the FastChat-style pipeline (pandas read_csv + scikit-learn
// LogisticRegression Elo MLE, bench/fastchat-elo.py) on 1,000,000 seeded synthetic battles over 60
// models (Bradley-Terry strengths, 10% ties), written to a temporary directory as CSV and as
// CSV.gz. Measures, in one run: the pipeline's single fit (in-process time without imports, and
// its whole process), `prefgame rank --bootstrap 100` with the winner (whole process: start-up,
// streaming read, 100-round rating bootstrap, von Neumann winner and its 100-round bootstrap), the
// same on the .gz file, and prefgame's peak memory on 100,000 and 1,000,000 battles (flat in the
// rows: counts per pair, not rows, are kept). Prints the figures and the ratios.
// Run: npm run bench:rank (PREFGAME_PYTHON picks the python; it needs pandas and scikit-learn).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { syntheticBattles, syntheticStrengths } from '../src/generate/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const models = 60;
const battles = Number(process.env.BATTLES ?? 1_000_000);
const rounds = 100;

/** A python with pandas and scikit-learn: PREFGAME_PYTHON, else /usr/bin/python3, else python3. */
function findPython(): string | undefined {
  const candidates = [process.env.PREFGAME_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (name): name is string => !!name,
  );
  return candidates.find(
    (python) => spawnSync(python, ['-c', 'import pandas, sklearn'], { stdio: 'ignore' }).status === 0,
  );
}

/** Writes `count` battles as CSV (and gzipped CSV when `gzip`), streaming. */
async function writeLog(path: string, count: number, gzip: boolean): Promise<void> {
  const strengths = syntheticStrengths(models, 2026);
  const file = createWriteStream(path);
  const sink = gzip ? createGzip() : undefined;
  if (sink) sink.pipe(file);
  const out = sink ?? file;
  const names = Array.from({ length: models }, (_, i) => `model-${String(i).padStart(2, '0')}`);
  let buffer = 'model_a,model_b,winner\n';
  for (const battle of syntheticBattles(strengths, count, { seed: 7, tieRate: 0.1 })) {
    buffer += `${names[battle.first]},${names[battle.second]},${battle.winner}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(file, 'close');
}

/** Runs a command under /usr/bin/time when present: wall seconds, peak memory (MB), stdout. */
function measure(
  command: string,
  args: string[],
): { seconds: number; peakMb: number | null; stdout: string; status: number | null } {
  const timed = existsSync('/usr/bin/time');
  const started = performance.now();
  const run = spawnSync(timed ? '/usr/bin/time' : command, timed ? ['-f', 'peak-kb %M', command, ...args] : args, {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    cwd: root,
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = /peak-kb (\d+)/.exec(run.stderr ?? '');
  if (run.status !== 0) process.stderr.write(run.stderr);
  return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : null, stdout: run.stdout, status: run.status };
}

const directory = mkdtempSync(join(tmpdir(), 'prefgame-bench-rank-'));
try {
  const csv = join(directory, 'battles.csv');
  const gz = join(directory, 'battles.csv.gz');
  const small = join(directory, 'battles-100k.csv');
  await writeLog(csv, battles, false);
  await writeLog(gz, battles, true);
  await writeLog(small, Math.round(battles / 10), false);
  console.log(
    `${battles.toLocaleString('en')} battles over ${models} models: ${(statSync(csv).size / 1e6).toFixed(1)} MB CSV, ${(statSync(gz).size / 1e6).toFixed(1)} MB gzipped`,
  );

  const python = findPython();
  const prefgame = [
    join(root, 'bin/prefgame.js'),
    'rank',
    '--json',
    '--compact',
    '--bootstrap',
    String(rounds),
    '--time-limit',
    '600000',
  ];
  const ours = measure(process.execPath, [...prefgame, csv]);
  const oursGz = measure(process.execPath, [...prefgame, gz]);
  const oursSmall = measure(process.execPath, [...prefgame, small]);
  const result = JSON.parse(ours.stdout) as {
    status: string;
    leaderboard: Array<{ item: string; rating: number }>;
    winner: { support: Array<{ item: string; probability: number }> };
    bootstrap: { completed: number };
  };
  console.log(
    `prefgame rank --bootstrap ${rounds} (ratings, intervals, winner and its bootstrap): ${ours.seconds.toFixed(2)} s whole process, peak ${ours.peakMb?.toFixed(0)} MB; status ${result.status}, ${result.bootstrap.completed} rounds, winner ${result.winner.support.map((entry) => `${entry.item} ${entry.probability.toFixed(3)}`).join(', ')}`,
  );
  console.log(`prefgame rank on the .gz file: ${oursGz.seconds.toFixed(2)} s, peak ${oursGz.peakMb?.toFixed(0)} MB`);
  console.log(
    `memory: peak ${oursSmall.peakMb?.toFixed(0)} MB at ${(battles / 10).toLocaleString('en')} battles, ${ours.peakMb?.toFixed(0)} MB at ${battles.toLocaleString('en')} (flat in the rows)`,
  );
  if (!python) {
    console.log(
      'no python with pandas and scikit-learn (set PREFGAME_PYTHON): the FastChat-style pipeline was not run',
    );
  } else {
    const theirs = measure(python, [join(root, 'bench/fastchat-elo.py'), csv]);
    const fit = JSON.parse(theirs.stdout) as {
      importSeconds: number;
      readSeconds: number;
      fitSeconds: number;
      pipelineSeconds: number;
      ratings: Record<string, number>;
    };
    console.log(
      `FastChat-style pipeline (${python}): read_csv ${fit.readSeconds.toFixed(2)} s + MLE fit ${fit.fitSeconds.toFixed(2)} s = ${fit.pipelineSeconds.toFixed(2)} s in process (imports ${fit.importSeconds.toFixed(2)} s more; ${theirs.seconds.toFixed(2)} s whole process, peak ${theirs.peakMb?.toFixed(0)} MB)`,
    );
    const shift =
      result.leaderboard.reduce((sum, entry) => sum + entry.rating - fit.ratings[entry.item], 0) /
      result.leaderboard.length;
    const largest = Math.max(
      ...result.leaderboard.map((entry) => Math.abs(entry.rating - fit.ratings[entry.item] - shift)),
    );
    console.log(
      `ratings agree: largest difference ${largest.toFixed(2)} Elo after removing the mean shift (FastChat anchors at 1000 differently)`,
    );
    console.log(
      `ratio prefgame (whole process, ${rounds} bootstrap rounds + winner) / pipeline single fit (in process, no imports): ${(ours.seconds / fit.pipelineSeconds).toFixed(2)}`,
    );
    console.log(`ratio prefgame / pipeline, both whole processes: ${(ours.seconds / theirs.seconds).toFixed(2)}`);
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}

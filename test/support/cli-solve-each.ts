// Runs `prefgame solve --compact FILE` for each file given (in this one process, so the corpus
// test does not pay a Node start-up per document) and prints a JSON array of { code, stdout }.
import { runCli } from '../../cli/main.js';

const files = process.argv.slice(2);
const answers: Array<{ code: number; stdout: string }> = [];
const write = process.stdout.write.bind(process.stdout);
const writeError = process.stderr.write.bind(process.stderr);
for (const file of files) {
  let stdout = '';
  process.stdout.write = (chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  };
  process.stderr.write = () => true;
  let code: number;
  try {
    code = await runCli(['node', 'prefgame', 'solve', '--compact', file]);
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeError;
  }
  answers.push({ code, stdout });
}
write(JSON.stringify(answers));

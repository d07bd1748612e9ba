#!/usr/bin/env node
// The `prefgame` command: runs the built CLI (npm ci builds it through the prepare script).
// One bundled file (dist/bundle, built by scripts/bundle-cli.mjs) instead of ~450 modules.
// How V8 compiles HiGHS is chosen per job by the commands (cli/tiering.ts).
const { runCli } = await import('../dist/bundle/main.js');
process.exitCode = await runCli(process.argv);

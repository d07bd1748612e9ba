#!/usr/bin/env node
// The `prefgame` command: runs the built CLI (npm ci builds it through the prepare script).
import v8 from 'node:v8';

// This process is ours (the library never sets a V8 flag): by default V8 starts HiGHS with its
// baseline compiler and optimises the hot code as it runs (fastest for short jobs, see
// docs/startup.md); PREFGAME_LIFTOFF=0 compiles optimised code only, from the first call.
if (process.env.PREFGAME_LIFTOFF === '0') v8.setFlagsFromString('--no-liftoff');

const { runCli } = await import('../dist/cli/main.js');
process.exitCode = await runCli(process.argv);

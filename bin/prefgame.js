#!/usr/bin/env node
// The `prefgame` command: runs the built CLI (npm ci builds it through the prepare script).
import { runCli } from '../dist/cli/main.js';

process.exitCode = await runCli(process.argv);

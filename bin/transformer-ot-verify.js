#!/usr/bin/env node
// Entry point of the installed package: the compiled command-line interface (dist/scripts/cli.js).
import { main } from '../dist/scripts/cli.js';

process.exitCode = await main(process.argv.slice(2));

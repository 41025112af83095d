#!/usr/bin/env node
// Entry point of the installed package: the compiled command-line interface (dist/scripts/cli.js).
import { main, settle } from '../dist/scripts/cli.js';

settle(await main(process.argv.slice(2)));

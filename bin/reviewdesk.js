#!/usr/bin/env node
// The installed CLI runs the built bundle (npm run build); `npm run cli` runs the source with tsx.
import { runCli } from '../out/main/cli.js';

process.exit(await runCli(process.argv.slice(2)));

#!/usr/bin/env node
/**
 * The `tracershop` executable (bin of @tracershop/db); see commandLine.ts for the verbs.
 */
import { runCommand } from './commandLine';

process.exitCode = await runCommand(process.argv.slice(2));

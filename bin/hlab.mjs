#!/usr/bin/env node
// `hlab`: loads the TypeScript CLI through tsx (no build step) and runs it with the real
// process. Any failure to load or run ends as one line and exit 70, never a stack trace.
import { tsImport } from 'tsx/esm/api';

try {
  const { main, nodeIO } = await tsImport('../src/simulator/cli/main.ts', import.meta.url);
  process.exitCode = await main(process.argv.slice(2), nodeIO());
} catch (e) {
  process.stderr.write(`hlab: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 70;
}

/**
 * A tool for working on the simulator, not a test: runs each line given on the command
 * line in the simulator and in the real bash (as the differential tests do) and prints
 * SAME, or DIFF with both results. Handy to look at a counterexample the property found.
 *
 *   npx tsx tests/real/shell/support/compare-lines.ts 'wc nope.txt fruits.txt' 'ls -a'
 */
import { runRealBatch } from './real-shell';
import { runSim } from './sim-tree';

const lines = process.argv.slice(2);
const real = runRealBatch('bash', lines.map((l) => [l]));
lines.forEach((line, i) => {
  const sim = runSim('pve', [line]);
  const expected = real[i];
  if (JSON.stringify(sim) === JSON.stringify(expected)) console.log('SAME', line);
  else console.log(`DIFF ${line}\n  real ${JSON.stringify(expected)}\n  sim  ${JSON.stringify(sim)}`);
});

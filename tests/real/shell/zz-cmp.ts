import { runRealBatch } from './support/real-shell';
import { runSim } from './support/sim-tree';
const lines = process.argv.slice(2);
const real = runRealBatch('bash', lines.map((l) => [l]));
lines.forEach((l, i) => {
  const s = runSim('pve', [l]);
  const r = real[i]!;
  if (JSON.stringify(s) === JSON.stringify(r)) console.log('SAME', l);
  else console.log('DIFF', l, '\n  real', JSON.stringify(r), '\n  sim ', JSON.stringify(s));
});

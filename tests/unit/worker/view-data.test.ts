import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parseLab } from '../../../src/simulator/model';
import { createSimulator, runLine } from '../../../src/simulator/shell';
import { computeViews } from '../../../src/simulator/worker/view-data';

test('drawing the views never changes the state (a replay must not differ)', () => {
  const file = fileURLToPath(new URL('../../../src/content/labs/seed-001-single-node-raidz.yaml', import.meta.url));
  const parsed = parseLab(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('lab does not validate');
  const state = createSimulator(parsed.lab);
  for (const line of ['pct start 101', 'echo data > /root/f', 'ssh nas', 'exit']) runLine(state, line);
  const before = JSON.stringify(state);
  const first = computeViews(state.world, { iscsi: true });
  const dataset = first.choices.datasets[0];
  const container = first.choices.containers[0];
  expect(dataset && container).toBeTruthy();
  const views = computeViews(state.world, { zfs: dataset, namespaces: container, iscsi: true });
  expect(views.zfs?.dataset).toBe(dataset?.dataset);
  expect(views.namespaces?.vmid).toBe(container?.vmid);
  computeViews(state.world, { zfs: { host: 'nowhere', dataset: 'x' }, namespaces: { host: 'nowhere', vmid: 1 } });
  expect(JSON.stringify(state)).toBe(before);
});

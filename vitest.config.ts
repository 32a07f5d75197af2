import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure, fast, mirrors src/simulator) and `real` (drives real tools
// installed by scripts/install-test-tools.sh: tgt, iscsi-ls, zfs-fuse, unshare, shellcheck).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests with fixed seeds take 1-3 s alone; a loaded 2-core CI machine can
          // triple that. The default 5 s would make them flaky, not faster.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'real',
          include: ['tests/real/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

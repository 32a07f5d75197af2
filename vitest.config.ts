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

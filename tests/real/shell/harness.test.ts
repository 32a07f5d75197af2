import { describe, expect, it } from 'vitest';
import { dropInteractiveNoise, runRealBatch } from './support/real-shell';
import { runSim } from './support/sim-tree';

// The differential harness itself: the real side really runs the versions the simulator
// imitates, sees the same files, stands in for the terminal where ls asks, and the one
// normalisation removes only the lines it names.
describe('differential harness', () => {
  it('runs bash 5.2.15 and zsh 5.9 over the simulator files', () => {
    const [bash, files] = runRealBatch('bash', [['echo "$BASH_VERSION"'], ['cat ../etc/hostname .hidden']]);
    expect(bash?.stdout).toBe('5.2.15(1)-release\n');
    expect(files?.stdout).toBe('pve\nsecret\n');
    const [zsh] = runRealBatch('zsh', [['echo $ZSH_VERSION; cat ../etc/hostname']]);
    expect(zsh?.stdout).toBe('5.9\ntruenas\n');
  });

  it('lays ls out in columns on the "screen" only, as isatty(1) would', () => {
    const [screen, pipe] = runRealBatch('bash', [['ls ..'], ['ls .. | cat']]);
    expect(screen?.stdout.split('\n')).toHaveLength(3); // two rows of columns
    expect(pipe?.stdout.split('\n').length).toBeGreaterThan(10);
  });

  it('sees a difference when there is one', () => {
    const [real] = runRealBatch('bash', [['wc -l fruits.txt']]);
    expect(runSim('pve', ['wc -l fruits.txt'])).toEqual(real);
    expect(runSim('pve', ['wc -w fruits.txt'])).not.toEqual(real);
  });

  it('drops only the job-control lines of a shell without a terminal', () => {
    const noisy = 'bash: cannot set terminal process group (12): Inappropriate ioctl for device\nbash: no job control in this shell\nreal error\nbash: [77: 1 (255)] tcsetattr: Inappropriate ioctl for device\nlogout\n';
    expect(dropInteractiveNoise('bash', noisy)).toBe('real error\nlogout\n');
    expect(dropInteractiveNoise('zsh', 'zsh: no job control in this shell\n')).toBe('zsh: no job control in this shell\n');
  });
});

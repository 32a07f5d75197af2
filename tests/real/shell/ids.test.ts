import { describe } from 'vitest';
import { compareWithReal } from './support/differential';

// GNU coreutils id and whoami against the simulator's, as root on the host (the real ones
// read this machine's passwd and group; root and nobody are the same there).
describe('id and whoami', () => {
  compareWithReal('bash', ['id', 'id -u', 'id -un', 'id -g', 'id -gn', 'id -G', 'id -Gn', 'id root', 'id -u root', 'id nobody', 'id -un nobody', 'id ghost', 'id -ug', 'id -n', 'id -r', 'whoami', 'whoami extra', 'id root ghost']);
});

import { describe, expect, it } from 'vitest';
import { editLab, fillDerivedNames, setHostname } from '../../../src/simulator/model/edit';
import { renderPctConf } from '../../../src/simulator/exporters';
import { everyFieldLab, starterLab } from '../shell/sim-fixture';
import { boot, run } from '../shell/sim-fixture';

describe('the model edit API', () => {
  it('applies a valid change in place, so every view of the lab follows', () => {
    const state = boot();
    expect(setHostname(state.world.lab, 'pve', 'pve1.lab.example')).toEqual({ ok: true, value: null });
    expect(run(state, 'cat /etc/hostname; hostname').stdout).toBe('pve1.lab.example\npve1.lab.example\n');
  });

  it('refuses an invalid change with the lab rule\'s message and changes nothing', () => {
    const lab = structuredClone(starterLab);
    const before = JSON.stringify(lab);
    const r = setHostname(lab, 'pve', 'bad_name!');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/DNS name/);
    expect(JSON.stringify(lab)).toBe(before);
    expect(editLab(lab, () => ({ ok: false, error: { code: 'mine', message: 'no' } }))).toEqual({ ok: false, error: { code: 'mine', message: 'no' } });
    expect(JSON.stringify(lab)).toBe(before);
  });

  it('names the container volumes a lab leaves unnamed, as Proxmox\'s storage plugin does', () => {
    const lab = structuredClone(everyFieldLab);
    const pve = lab.hosts.find((h) => h.name === 'pve');
    const ct = pve?.containers[0];
    if (!pve || !ct?.rootfs) throw new Error('every-field lab has a container with a rootfs');
    const rendered = renderPctConf(ct, pve);
    delete ct.rootfs.volume;
    fillDerivedNames(lab);
    expect(ct.rootfs.volume).toMatch(/^(subvol|vm)-\d+-disk-\d+/);
    // The exporter now reads the model's name instead of inventing one: the same file.
    expect(renderPctConf(ct, pve)).toBe(rendered.replace(/(rootfs: [^:]+:)[^,\n]+/, `$1${ct.rootfs.volume}`));
  });
});

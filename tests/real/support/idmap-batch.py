"""Writes many uid_maps to the real kernel in one process (tests/real/support/idmap-batch.ts).

Reads JSON {"unshare": PATH, "dir": DIR, "files": [NAMES], "maps": [TEXT, ...]} on stdin. For
each map it starts util-linux `unshare -U sh -c 'read x; stat -c %u FILES'` (a child in a fresh
user namespace waiting on stdin), writes the map to /proc/PID/uid_map in ONE write(2), reads
it back, lets the child stat the sample files from inside, and prints one JSON line per map:
{"errno": null|"EINVAL"|..., "readBack": TEXT, "owners": [N, ...]}.
"""
import errno
import json
import os
import subprocess
import sys
import time

req = json.load(sys.stdin)
ours = os.readlink('/proc/self/ns/user')
script = 'read x; cd "$0" && exec stat -c %u "$@"'
for text in req['maps']:
    child = subprocess.Popen([req['unshare'], '-U', 'sh', '-c', script, req['dir'], *req['files']], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    for _ in range(2000):
        try:
            if os.readlink(f'/proc/{child.pid}/ns/user') != ours:
                break
        except OSError:
            pass
        time.sleep(0.0005)
    code = None
    fd = os.open(f'/proc/{child.pid}/uid_map', os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    except OSError as e:
        code = errno.errorcode.get(e.errno, str(e.errno))
    finally:
        os.close(fd)
    with open(f'/proc/{child.pid}/uid_map') as f:
        back = f.read()
    out, _ = child.communicate(b'\n', timeout=20)
    owners = [int(x) for x in out.split()]
    print(json.dumps({'errno': code, 'readBack': back, 'owners': owners}), flush=True)

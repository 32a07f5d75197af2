"""Types keys into real interactive bash sessions on a pseudo-terminal, for the line editor's
differential test (tests/real/shell/line-editor.test.ts).

Reads JSON {"bash": PATH, "cases": [{"history": [LINE, ...], "keys": TEXT}, ...]} on stdin. For
each case it starts `bash --norc --noprofile -i` on a fresh pty (80x24, TERM=xterm, Debian's
/etc/inputrc), types each history line and Enter, then the case's keys and Enter, then `exit`,
and prints one JSON line: {"line": the last line bash put in its history before `exit`}.
Every chunk is typed only once bash shows its prompt again (PROMPT_COMMAND prints a marker,
then readline draws PS1), so readline, not the tty's line discipline, reads every key.
"""
import fcntl
import json
import os
import pty
import select
import struct
import sys
import tempfile
import termios

DONE = b'@DONE@'
PS1 = '@P@ '


def read_until(fd, buffer, marker, count, timeout=5.0):
    """Reads from fd until `marker` occurs `count` times in the output, then until PS1 follows the last one."""
    while True:
        seen = buffer.count(marker)
        if seen >= count:
            last = buffer.rfind(marker)
            if buffer.find(PS1.encode(), last) >= 0:
                return buffer
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            raise TimeoutError(f'no prompt after {buffer[-200:]!r}')
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return buffer
        if not chunk:
            return buffer
        buffer += chunk


def run_case(bash, case):
    with tempfile.TemporaryDirectory() as tmp:
        histfile = os.path.join(tmp, 'history')
        env = {
            'PATH': '/usr/sbin:/usr/bin:/sbin:/bin',
            'HOME': tmp,
            'TERM': 'xterm',
            'LANG': 'C.UTF-8',
            'INPUTRC': '/etc/inputrc',
            'HISTFILE': histfile,
            'HISTSIZE': '1000',
            'HISTFILESIZE': '1000',
            'PS1': PS1,
            'PROMPT_COMMAND': "printf '@DONE@'",
        }
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(tmp)
            os.execve(bash, [bash, '--norc', '--noprofile', '-i'], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
        buffer = b''
        prompts = 1
        buffer = read_until(fd, buffer, DONE, prompts)
        for chunk in [line + '\r' for line in case['history']] + [case['keys'] + '\r']:
            os.write(fd, chunk.encode())
            prompts += 1
            buffer = read_until(fd, buffer, DONE, prompts)
        os.write(fd, b'exit\r')
        while True:
            try:
                if not os.read(fd, 4096):
                    break
            except OSError:
                break
        os.waitpid(pid, 0)
        with open(histfile, encoding='utf-8', errors='surrogateescape') as f:
            lines = f.read().split('\n')
        # The file ends with "exit" and a newline: the case's line is the one before.
        return {'line': lines[-3] if len(lines) >= 3 else None}


def main():
    req = json.load(sys.stdin)
    for case in req['cases']:
        try:
            print(json.dumps(run_case(req['bash'], case)), flush=True)
        except Exception as error:  # reported per case, the test shows it
            print(json.dumps({'error': str(error)}), flush=True)


main()

/**
 * Symbolic and octal modes as chmod(1) and mkdir -m read them: gnulib modechange.c
 * (mode_compile, mode_adjust). `u+x,go-w`, `a=rX`, `g=u`, `+t`, `755`, `=`; a change
 * without "who" is limited by the umask; octal modes of up to four digits keep a
 * directory's setuid/setgid bits unless they mention them.
 */

/** One compiled change. */
export interface ModeChange {
  op: '=' | '+' | '-';
  flag: 'ordinary' | 'x-if-any-x' | 'copy';
  affected: number;
  value: number;
  mentioned: number;
}

const SUID = 0o4000;
const SGID = 0o2000;
const SVTX = 0o1000;
const RWXU = 0o700;
const RWXG = 0o070;
const RWXO = 0o007;
const ALL = 0o7777;
const RWXUGO = 0o777;

/** mode_compile(): the changes a mode string asks for, or null when it is invalid. */
export function compileMode(text: string): ModeChange[] | null {
  if (/^[0-7]/.test(text)) {
    if (!/^[0-7]+$/.test(text)) return null;
    let octal = 0;
    for (const ch of text) {
      octal = octal * 8 + Number(ch);
      if (octal > ALL) return null;
    }
    // modechange.c: fewer than 5 digits leave a directory's set-ID bits alone unless given.
    const mentioned = text.length < 5 ? (octal & (SUID | SGID)) | SVTX | RWXUGO : ALL;
    return [{ op: '=', flag: 'ordinary', affected: ALL, value: octal, mentioned }];
  }
  const changes: ModeChange[] = [];
  let p = 0;
  for (;;) {
    let affected = 0;
    for (;; p++) {
      const ch = text[p];
      if (ch === 'u') affected |= SUID | RWXU;
      else if (ch === 'g') affected |= SGID | RWXG;
      else if (ch === 'o') affected |= SVTX | RWXO;
      else if (ch === 'a') affected |= ALL;
      else if (ch === '=' || ch === '+' || ch === '-') break;
      else return null;
    }
    do {
      const op = text[p++] as '=' | '+' | '-';
      let value = 0;
      let mentioned = 0;
      let flag: ModeChange['flag'] = 'copy';
      const ch = text[p];
      if (ch !== undefined && ch >= '0' && ch <= '7') {
        let octal = 0;
        while (text[p] !== undefined && (text[p] as string) >= '0' && (text[p] as string) <= '7') {
          octal = octal * 8 + Number(text[p++]);
          if (octal > ALL) return null;
        }
        if (affected || (text[p] !== undefined && text[p] !== ',')) return null;
        affected = mentioned = ALL;
        value = octal;
        flag = 'ordinary';
      } else if (ch === 'u') {
        value = RWXU;
        p++;
      } else if (ch === 'g') {
        value = RWXG;
        p++;
      } else if (ch === 'o') {
        value = RWXO;
        p++;
      } else {
        flag = 'ordinary';
        for (;; p++) {
          const c = text[p];
          if (c === 'r') value |= 0o444;
          else if (c === 'w') value |= 0o222;
          else if (c === 'x') value |= 0o111;
          else if (c === 'X') flag = 'x-if-any-x';
          else if (c === 's') value |= SUID | SGID;
          else if (c === 't') value |= SVTX;
          else break;
        }
      }
      changes.push({ op, flag, affected, value, mentioned: mentioned || (affected ? affected & value : value) });
    } while (text[p] === '=' || text[p] === '+' || text[p] === '-');
    if (text[p] !== ',') break;
    p++;
  }
  return p === text.length ? changes : null;
}

/** mode_adjust(): the new permission bits of a file of mode `old`, and the bits the changes touched. */
export function adjustMode(old: number, dir: boolean, umask: number, changes: readonly ModeChange[]): { mode: number; bits: number } {
  let mode = old & ALL;
  let bits = 0;
  for (const c of changes) {
    const omit = (dir ? SUID | SGID : 0) & ~c.mentioned;
    let value = c.value;
    if (c.flag === 'copy') {
      value &= mode;
      value |= (value & 0o444 ? 0o444 : 0) | (value & 0o222 ? 0o222 : 0) | (value & 0o111 ? 0o111 : 0);
    } else if (c.flag === 'x-if-any-x' && ((mode & 0o111) || dir)) value |= 0o111;
    value &= (c.affected ? c.affected : ~umask) & ~omit;
    if (c.op === '=') {
      const preserved = (c.affected ? ~c.affected : 0) | omit;
      bits |= ALL & ~preserved;
      mode = (mode & preserved) | value;
    } else if (c.op === '+') {
      bits |= value;
      mode |= value;
    } else {
      bits |= value;
      mode &= ~value;
    }
  }
  return { mode: mode & ALL, bits };
}

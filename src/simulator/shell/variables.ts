/**
 * Shell variables on a host: what the reader set (ShellState.env) over the values a root
 * login shell starts with, which are derived from the lab and the session, not stored.
 */
import { hostnameOf } from '../engines/net/resolve';
import type { LabHost } from './lab-types';
import { cwdOf, currentLogin, homeOf, varsKey, type SimState } from './session';
import { flavorForKind, shellPath } from './shell-flavor';

// Debian 12 /etc/profile: root's PATH (login shells).
const ROOT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The variables a fresh root login has on `host` (bash(1) "Shell Variables", login(1)). */
export function loginVariables(state: SimState, host: LabHost): Record<string, string> {
  const flavor = flavorForKind(host.kind);
  return {
    HOME: homeOf(host, 'root'),
    USER: 'root',
    LOGNAME: 'root',
    SHELL: shellPath(flavor),
    PATH: ROOT_PATH,
    PWD: cwdOf(state),
    HOSTNAME: hostnameOf(host),
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
  };
}

/** Looks a variable up on `host`: specials (`$?`, `$$`, `$0`...), then the reader's, then the login defaults. */
export function lookupVariable(state: SimState, host: LabHost, name: string, extra?: Record<string, string>): string | undefined {
  const flavor = flavorForKind(host.kind);
  switch (name) {
    case '?':
      return String(state.shell.lastStatus);
    case '$':
      // The login shell's PID in the process table.
      return String(currentLogin(state).pid);
    case '0':
      // A login shell's argv[0] starts with '-' (login(1)); zsh reports its name.
      return flavor === 'zsh' ? 'zsh' : '-bash';
    case '#':
      return '0';
    case '-':
      return flavor === 'zsh' ? '569JNRXZghiklms' : 'himBHs';
    case '@':
    case '*':
    case '!':
      return '';
  }
  if (/^[1-9][0-9]*$/.test(name)) return undefined;
  if (extra && Object.hasOwn(extra, name)) return extra[name];
  if (name === 'PWD') return cwdOf(state);
  const set = state.shell.vars[varsKey(currentLogin(state))];
  if (set && Object.hasOwn(set, name)) return set[name];
  const defaults = loginVariables(state, host);
  return Object.hasOwn(defaults, name) ? defaults[name] : undefined;
}

/** Every variable on `host`, sorted by name (for `export -p`). */
export function allVariables(state: SimState, host: LabHost): Record<string, string> {
  const merged: Record<string, string> = { ...loginVariables(state, host), ...(state.shell.vars[varsKey(currentLogin(state))] ?? {}) };
  merged['PWD'] = cwdOf(state);
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

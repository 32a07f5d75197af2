/**
 * `ssh [user@]HOST [COMMAND...]`: reaches another host of the lab by name, hostname or
 * address. Without COMMAND it logs in (the prompt changes and the following commands run
 * there until `exit`); with COMMAND it runs it there and returns its output and status.
 */
// @sim ssh | OpenSSH 9.2 ssh(1): destination by name/IP, remote command, exit status of the remote command, 255 on ssh errors
import { canonicalIp } from '../../model/network';
import { connect } from '../../engines/net/connect';
import { hostAddresses, resolveHost } from '../../engines/net/resolve';
import { STRERROR } from '../../engines/kernel/errno';
import { fail, type Command } from '../command-spec';

// OpenSSH 9.2 ssh.c usage().
const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
       ssh [-Q query_option]`;

// ssh.c getopt string: options that take an argument.
const WITH_ARG = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split(''));
const FLAGS = new Set('46AaCfGgKkMNnqsTtVvXxYy'.split(''));

/** The `ssh` command. */
export const ssh: Command = {
  spec: {
    name: 'ssh',
    summary: 'log in to another host of the lab, or run a command there',
    usage: 'ssh [user@]destination [command [argument ...]]',
    description: 'Log in to a host of the lab (by name, hostname or IP address). `exit` comes back.\nWith a command, run it on that host and print its output.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 255,
    imitates: 'OpenSSH 9.2 ssh',
    simplified: 'no keys, passwords or host-key prompts; root logins only; hosts are found by their lab name, hostname or address',
  },
  // The first operand is a destination: the lab's host names (with a user@ prefix kept).
  complete({ world, args, word }) {
    if (!args.every((a) => a.startsWith('-'))) return null;
    const at = word.lastIndexOf('@');
    const userPart = at >= 0 ? word.slice(0, at + 1) : '';
    return world.lab.hosts.flatMap((h) => [h.name, h.hostname ?? h.name]).map((n) => userPart + n);
  },
  run(ctx, argv) {
    let i = 0;
    let login: string | undefined;
    let port = 22;
    for (; i < argv.length; i++) {
      const arg = argv[i] as string;
      if (arg === '--') {
        i++;
        break;
      }
      if (!arg.startsWith('-') || arg === '-') break;
      for (let j = 1; j < arg.length; j++) {
        const ch = arg[j] as string;
        if (WITH_ARG.has(ch)) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
          // OpenSSH's BSD getopt: "option requires an argument -- %c", then usage, exit 255.
          if (value === undefined) return fail(`ssh: option requires an argument -- ${ch}\n${USAGE}`, 255);
          if (ch === 'l') login = value;
          if (ch === 'p') {
            // ssh.c a2port(): "Bad port '%s'", exit 255.
            if (!/^[0-9]{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) return fail(`Bad port '${value}'`, 255);
            port = Number(value);
          }
          break;
        }
        if (!FLAGS.has(ch)) return fail(`ssh: unknown option -- ${ch}\n${USAGE}`, 255);
      }
    }
    const destination = argv[i];
    if (destination === undefined) return fail(USAGE, 255);
    const command = argv.slice(i + 1);
    const at = destination.lastIndexOf('@');
    const user = at >= 0 ? destination.slice(0, at) : (login ?? 'root');
    const target = at >= 0 ? destination.slice(at + 1) : destination;
    const isAddress = canonicalIp(target) !== null;
    const host = resolveHost(ctx.world.lab, target);
    // OpenSSH lower-cases the host name before resolving; getaddrinfo's EAI_NONAME text.
    if (!host && !isAddress) return fail(`ssh: Could not resolve hostname ${target.toLowerCase()}: Name or service not known`, 255);
    // The connection goes through the net engine: an address nobody has, or a port nobody listens on, fails as TCP does.
    const address = isAddress ? target : host ? (hostAddresses(host).find((a) => a.includes('.')) ?? hostAddresses(host)[0]) : undefined;
    if (address !== undefined) {
      const reached = connect(ctx.world, ctx.host.name, address, port);
      if (!reached.ok) {
        ctx.shell.spend(reached.ms);
        // sshconnect.c ssh_connect_direct(): "ssh: connect to host %s port %s: %s", exit 255.
        return fail(`ssh: connect to host ${target} port ${port}: ${STRERROR[reached.errno]}`, 255);
      }
    }
    if (!host) return fail(`ssh: connect to host ${target} port ${port}: ${STRERROR.ECONNREFUSED}`, 255);
    if (user !== 'root') return fail(`ssh: logging in as "${user}" is not simulated; use root@${target}`, 255);
    if (command.length === 0) {
      ctx.shell.enter(target);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    // ssh joins the remote command's words with spaces and hands the string to the remote shell.
    return ctx.shell.runOn(target, command.join(' '));
  },
};

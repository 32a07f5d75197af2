#!/usr/bin/env bash
# Installs the Debian packages the test suite drives as real peers (see ../shared/DESIGN.md,
# "Real tools the tests use"). Idempotent: exits at once when every tool is present.
# Usage: scripts/install-test-tools.sh [--check]   (--check only reports what is missing)
set -euo pipefail

# tool-on-PATH  Debian-package
tools=(
  "/usr/bin/chromium chromium"
  "tgtd tgt"
  "tgt-admin tgt"
  "iscsi-ls libiscsi-bin"
  "zpool zfs-fuse"
  "zfs zfs-fuse"
  "shellcheck shellcheck"
  "nginx nginx"
  "unshare util-linux"
  "zsh zsh"
  "faketime faketime"
)

missing=()
for entry in "${tools[@]}"; do
  tool=${entry%% *} pkg=${entry##* }
  if ! command -v "$tool" >/dev/null 2>&1 && ! [ -x "/usr/sbin/$tool" ]; then
    case " ${missing[*]-} " in *" $pkg "*) ;; *) missing+=("$pkg") ;; esac
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: all present"
  exit 0
fi

if [ "${1-}" = "--check" ]; then
  echo "test tools missing; install the Debian packages: ${missing[*]}" >&2
  exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "test tools missing (${missing[*]}): run 'sudo $0' or 'sudo apt-get install ${missing[*]}'" >&2
  exit 1
fi

echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/hlab-apt.log 2>&1; then
  tail -n 20 /tmp/hlab-apt.log >&2
  echo "could not install the Debian packages: ${missing[*]} (see /tmp/hlab-apt.log)" >&2
  exit 1
fi
echo "installed: ${missing[*]}"

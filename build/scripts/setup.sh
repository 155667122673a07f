#!/usr/bin/env bash
# Installs what Kontak needs on Debian 12, and only what is missing. Safe to run again.
#
#   build/scripts/setup.sh [build|test|dev]...     (default: build)
#
#   build  C toolchain, GTK 3 and WebKitGTK 4.1 headers, Node.js/npm if there is no node,
#          then `npm ci` in frontend/ when node_modules is missing or the lock file changed.
#   test   build, plus Xvfb, Debian's chromium, fonts, ImageMagick, xdotool, x11-utils and
#          desktop-file-utils, plus the wails CLI (for the bindings check).
#   dev    build, plus the wails CLI (for `wails dev`).
#
# Debian packages: dpkg's status decides what is missing; then one `apt-get update` and one
# non-interactive `apt-get install --no-install-recommends`. As root it runs apt directly,
# otherwise through sudo; with neither it prints the command to run and fails.
# The wails CLI is installed with `go install` at the version go.mod pins.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

profiles=("$@")
[ ${#profiles[@]} -gt 0 ] || profiles=(build)
want_test=0 want_wails=0
for p in "${profiles[@]}"; do
  case "$p" in
    build) ;;
    test) want_test=1 want_wails=1 ;;
    dev) want_wails=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown profile '$p' (use build, test or dev)" ;;
  esac
done

command -v go >/dev/null 2>&1 || die "Go is not installed (Kontak needs the Go version in go.mod: $(awk '$1=="go"{print $2}' go.mod))."

# ---- Debian packages --------------------------------------------------------------------
pkgs=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev)
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)
if [ "$want_test" = 1 ]; then
  pkgs+=(xvfb xauth x11-utils xdotool chromium fonts-noto-core fonts-dejavu-core imagemagick desktop-file-utils)
fi

missing=()
for p in "${pkgs[@]}"; do
  # (dpkg-query, not `dpkg -s | grep -q`: with pipefail, grep's early exit can fail the pipe)
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  say "Debian packages: all ${#pkgs[@]} present"
else
  if ! command -v apt-get >/dev/null 2>&1; then
    die "missing packages (${missing[*]}) and no apt-get: this script targets Debian 12; install the equivalents of: ${missing[*]}"
  fi
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      if [ -t 0 ]; then sudo_cmd=(sudo); else sudo_cmd=(sudo -n); fi
    else
      die "missing Debian packages and not root (no sudo). As root, run:
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    fi
  fi
  say "installing ${#missing[@]} Debian package(s): ${missing[*]}"
  log=$(mktemp)
  if ! "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q -o DPkg::Lock::Timeout=300 >"$log" 2>&1; then
    say "warning: apt-get update failed ($(grep -m1 -E '^(E|W):' "$log" || tail -n1 "$log")); installing from the lists there are"
  fi
  if ! "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 \
       -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >"$log" 2>&1; then
    tail -n 25 "$log" >&2
    rm -f "$log"
    die "apt-get failed (see above). To retry by hand: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  rm -f "$log"
  say "Debian packages installed"
fi

# ---- Node.js ----------------------------------------------------------------------------
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  say "warning: Node.js $(node --version 2>/dev/null || echo '(none)') is older than the 20.19 that Vite 8 needs; the frontend build may fail."
fi

# ---- npm modules ------------------------------------------------------------------------
# node_modules/.kontak-lock holds the checksum of the lock file that the last `npm ci` used.
lock_sum=$(cat frontend/package.json frontend/package-lock.json | sha256sum | cut -d' ' -f1)
stamp=frontend/node_modules/.kontak-lock
if [ -d frontend/node_modules ] && [ "$(cat "$stamp" 2>/dev/null)" = "$lock_sum" ]; then
  say "npm modules: up to date"
else
  say "npm modules: running npm ci in frontend/"
  log=$(mktemp)
  if ! (cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) >"$log" 2>&1; then
    tail -n 25 "$log" >&2
    rm -f "$log"
    die "npm ci failed (see above)"
  fi
  rm -f "$log"
  echo "$lock_sum" >"$stamp"
  say "npm modules installed"
fi

# ---- wails CLI --------------------------------------------------------------------------
if [ "$want_wails" = 1 ]; then
  wails_version=$(grep -Eo 'github.com/wailsapp/wails/v2 v[^ ]+' go.mod | head -n1 | cut -d' ' -f2)
  [ -n "$wails_version" ] || die "go.mod does not require github.com/wailsapp/wails/v2"
  gobin=$(go env GOBIN)
  [ -n "$gobin" ] || gobin=$(go env GOPATH)/bin
  have=$("$gobin/wails" version 2>/dev/null | head -n1 | tr -d '[:space:]' || true)
  if [ "$have" = "$wails_version" ]; then
    say "wails CLI: $wails_version present ($gobin/wails)"
  else
    say "wails CLI: installing $wails_version into $gobin (go install, about a minute)"
    go install "github.com/wailsapp/wails/v2/cmd/wails@$wails_version" ||
      die "go install of the wails CLI $wails_version failed"
  fi
  case ":$PATH:" in *":$gobin:"*) ;; *) say "note: $gobin is not on PATH; the scripts call it by full path" ;; esac
fi

#!/usr/bin/env bash
# Installs what is missing (build/scripts/setup.sh build), builds the frontend and the
# production binary build/bin/kontak, then starts it. Works from any directory.
#
#   build/scripts/run.sh [--build-only] [app arguments...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

start=1
if [ "${1:-}" = "--build-only" ]; then start=0; shift; fi

bash build/scripts/setup.sh build

echo "run: building the frontend (npm run build)"
log=$(mktemp)
if ! (cd frontend && npm run build) >"$log" 2>&1; then
  tail -n 30 "$log" >&2; rm -f "$log"
  echo "run: error: the frontend build failed (see above)" >&2; exit 1
fi
rm -f "$log"

echo "run: building build/bin/kontak (go build -tags desktop,production,webkit2_41)"
mkdir -p build/bin
go build -buildvcs=false -trimpath -tags desktop,production,webkit2_41 -ldflags "-w -s" -o build/bin/kontak .

[ "$start" = 1 ] || { echo "run: built build/bin/kontak"; exit 0; }
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: built build/bin/kontak, but there is no display to open its window on." >&2
  echo "run: start it from a desktop session, or headless: xvfb-run -a build/bin/kontak" >&2
  exit 1
fi
echo "run: starting Kontak"
exec build/bin/kontak "$@"

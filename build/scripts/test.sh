#!/usr/bin/env bash
# Runs every test layer of Kontak (DESIGN §5) and prints each layer's counts, then one line
# "N passed, M failed". Exits non-zero if anything failed. Works from any directory.
#
#   build/scripts/test.sh [go|front|e2e|smoke]...    (default: every layer; setup always runs)
#
#   setup   build/scripts/setup.sh test (Debian packages, npm ci, wails CLI), only what is missing
#   go      gofmt, go vet, go test ./... (each test counted), bindings in frontend/wailsjs up to date
#   front   npm run check, npm run test (Vitest, each test counted), npm run build
#   e2e     the dev binary + Playwright with Debian's chromium under xvfb-run (each test counted)
#   smoke   the production binary under xvfb-run: window, screenshot, single instance,
#           SIGTERM, data intact (each check counted)
#
# Noisy output goes to build/bin/test-logs/; the window capture to build/bin/kontak-window.png.
set -u
set -o pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
BIN=$ROOT/build/bin
LOGS=$BIN/test-logs
rm -rf "$LOGS"
mkdir -p "$LOGS"
export NO_COLOR=1 FORCE_COLOR=0 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

layers=" ${*:-go front e2e smoke} "
for l in $layers; do
  case "$l" in go|front|e2e|smoke) ;; *) echo "test.sh: unknown layer '$l' (go, front, e2e, smoke)" >&2; exit 2 ;; esac
done
want() { [[ $layers == *" $1 "* ]]; }

total_pass=0 total_fail=0 layer= layer_pass=0 layer_fail=0 layer_start=0
summary=()

begin_layer() {
  layer=$1 layer_pass=0 layer_fail=0 layer_start=$SECONDS
  printf '\n== %s\n' "$layer"
}
end_layer() {
  local line
  line=$(printf '%-6s %4d passed, %d failed  (%ds)' "$layer" "$layer_pass" "$layer_fail" $((SECONDS - layer_start)))
  echo "   $line"
  summary+=("$line")
  total_pass=$((total_pass + layer_pass)) total_fail=$((total_fail + layer_fail))
}
pass() { layer_pass=$((layer_pass + 1)); echo "   ok   $1"; }
# fail NAME [LOGFILE]: counts a failure and shows the end of its log.
fail() {
  layer_fail=$((layer_fail + 1))
  echo "   FAIL $1"
  if [ -n "${2:-}" ] && [ -s "$2" ]; then
    tail -n 25 "$2" | sed 's/\x1b\[[0-9;]*[A-Za-z]//g; s/^/      | /'
    echo "      (full log: ${2#"$ROOT"/})"
  fi
}
# check NAME LOG CMD...: runs CMD with its output in LOG; counts one pass or fail.
check() {
  local name=$1 log=$2 rc
  shift 2
  "$@" >"$log" 2>&1
  rc=$?
  if [ "$rc" -eq 0 ]; then pass "$name"; return 0; fi
  fail "$name (exit $rc)" "$log"
  return 1
}
# counted NAME OUTPUT: adds the counts of report.mjs's output and prints its failure lines.
counted() {
  local name=$1 out=$2 p f
  read -r _ p f <<<"$(printf '%s\n' "$out" | grep '^COUNTS ' | tail -n1)"
  p=${p:-0} f=${f:-1}
  printf '%s\n' "$out" | grep -v '^COUNTS ' | sed 's/^    /   /'
  layer_pass=$((layer_pass + p)) layer_fail=$((layer_fail + f))
  echo "   $name: $p passed, $f failed"
}
# counted_failures OUTPUT: whether report.mjs counted at least one failure.
counted_failures() { [[ $1 =~ COUNTS\ [0-9]+\ [1-9] ]]; }
# Gives go:embed in main.go something to embed before the frontend is built; frontend/dist
# is not tracked and vite replaces the placeholder.
ensure_dist() {
  mkdir -p frontend/dist
  [ -n "$(ls -A frontend/dist)" ] || : >frontend/dist/.gitkeep
}

gobin=$(go env GOBIN 2>/dev/null)
[ -n "$gobin" ] || gobin=$(go env GOPATH 2>/dev/null)/bin
export PATH=$gobin:$PATH

# ---- setup --------------------------------------------------------------------------------
begin_layer setup
if bash build/scripts/setup.sh test 2>&1 | tee "$LOGS/setup.log" | sed 's/^/   /'; then
  pass "setup.sh test"
else
  fail "setup.sh test"
fi
size=$(identify -format '%wx%h %m' build/appicon.png 2>&1)
if [ "$size" = "1024x1024 PNG" ]; then pass "build/appicon.png is a 1024x1024 PNG"; else fail "build/appicon.png is a 1024x1024 PNG (got: $size)"; fi
check "desktop-file-validate build/linux/kontak.desktop" "$LOGS/desktop-file.log" \
  desktop-file-validate build/linux/kontak.desktop
check "wails.json parses, names kontak, build:tags webkit2_41" "$LOGS/wails-json.log" node -e '
  const j = JSON.parse(require("fs").readFileSync("wails.json", "utf8"));
  if (j.outputfilename !== "kontak" || j["build:tags"] !== "webkit2_41") throw new Error("unexpected wails.json: " + JSON.stringify(j));'
end_layer

# ---- go -----------------------------------------------------------------------------------
ensure_dist
if want go; then
begin_layer go
mapfile -d '' gofiles < <(find . -name '*.go' -not -path './frontend/*' -not -path './build/bin/*' -not -path './.git/*' -print0)
unformatted=$(gofmt -l "${gofiles[@]}" 2>&1)
if [ -z "$unformatted" ]; then pass "gofmt -l (${#gofiles[@]} files)"; else
  printf '%s\n' "$unformatted" >"$LOGS/gofmt.log"
  fail "gofmt -l: these files need gofmt" "$LOGS/gofmt.log"
fi
check "go vet ./..." "$LOGS/go-vet.log" go vet ./...
timeout -k 10 420 go test -json -count=1 -timeout 5m ./... >"$LOGS/go-test.json" 2>"$LOGS/go-test.stderr"
go_rc=$?
go_report=$(node build/scripts/report.mjs go "$LOGS/go-test.json")
if [ "$go_rc" -ne 0 ] && ! counted_failures "$go_report"; then
  # go test failed but no test or package did: a setup or timeout problem
  fail "go test exited $go_rc" "$LOGS/go-test.stderr"
fi
counted "go test" "$go_report"
if command -v wails >/dev/null 2>&1; then
  rm -rf "$LOGS/wailsjs.before"
  cp -a frontend/wailsjs "$LOGS/wailsjs.before" 2>/dev/null || mkdir -p "$LOGS/wailsjs.before"
  if check "wails generate module" "$LOGS/wails-generate.log" wails generate module -tags webkit2_41; then
    # The generator marks every file 0755 (wails build/dev leave runtime/ 0644): keep the
    # modes the files had, so that this check never shows up in `git status`.
    (cd "$LOGS/wailsjs.before" && find . -type f) | while IFS= read -r f; do
      [ -f "frontend/wailsjs/$f" ] && chmod --reference="$LOGS/wailsjs.before/$f" "frontend/wailsjs/$f"
    done
    if diff -r "$LOGS/wailsjs.before" frontend/wailsjs >"$LOGS/bindings.diff" 2>&1; then
      pass "committed bindings frontend/wailsjs match the Go code"
    else
      fail "committed bindings frontend/wailsjs are out of date (now regenerated; commit them)" "$LOGS/bindings.diff"
    fi
  fi
else
  fail "bindings check: wails CLI not installed (setup.sh test installs it)"
fi
end_layer
fi

# ---- frontend -----------------------------------------------------------------------------
front_ok=0
if ! want front; then
  # e2e and smoke alone use the frontend as last built
  [ -f frontend/dist/index.html ] && front_ok=1
else
begin_layer front
if [ -d frontend/node_modules ]; then
  check "npm run check" "$LOGS/npm-check.log" bash -c 'cd frontend && npm run check'
  (cd frontend && npm run test -- --reporter=default --reporter=json --outputFile.json="$LOGS/vitest.json") >"$LOGS/vitest.log" 2>&1
  vitest_rc=$?
  vitest_report=$(node build/scripts/report.mjs vitest "$LOGS/vitest.json")
  if [ "$vitest_rc" -ne 0 ] && ! counted_failures "$vitest_report"; then
    fail "vitest exited $vitest_rc" "$LOGS/vitest.log"
  fi
  counted "vitest" "$vitest_report"
  if check "npm run build" "$LOGS/npm-build.log" bash -c 'cd frontend && npm run build' && [ -f frontend/dist/index.html ]; then
    front_ok=1
  fi
else
  fail "frontend: no node_modules (npm ci failed in setup)"
fi
end_layer
fi

# ---- e2e ----------------------------------------------------------------------------------
if want e2e; then
begin_layer e2e
if [ "$front_ok" = 1 ]; then
  if check "go build -tags dev,webkit2_41 (build/bin/kontak-dev)" "$LOGS/build-dev.log" \
      go build -buildvcs=false -tags dev,webkit2_41 -o "$BIN/kontak-dev" .; then
    (cd frontend && KONTAK_DEV_BIN=$BIN/kontak-dev PLAYWRIGHT_JSON_OUTPUT_NAME=$LOGS/playwright.json \
      timeout -k 10 600 xvfb-run -a -s "-screen 0 1280x1024x24" npm run e2e -- --reporter=list,json --output="$LOGS/playwright-results") \
      >"$LOGS/playwright.log" 2>&1
    e2e_rc=$?
    e2e_report=$(node build/scripts/report.mjs playwright "$LOGS/playwright.json")
    if [ "$e2e_rc" -ne 0 ] && ! counted_failures "$e2e_report"; then
      fail "playwright exited $e2e_rc" "$LOGS/playwright.log"
    fi
    counted "playwright" "$e2e_report"
  fi
else
  fail "e2e skipped: the frontend did not build"
fi
end_layer
fi

# ---- smoke --------------------------------------------------------------------------------
if want smoke; then
begin_layer smoke
if [ "$front_ok" = 1 ]; then
  check "go build -tags desktop,production,webkit2_41 (build/bin/kontak)" "$LOGS/build-prod.log" \
    go build -buildvcs=false -trimpath -tags desktop,production,webkit2_41 -ldflags "-w -s" -o "$BIN/kontak" .
  prod_ok=$?
  check "go build ./backend/cmd/kontak (build/bin/kontak-cli)" "$LOGS/build-cli.log" \
    go build -buildvcs=false -o "$BIN/kontak-cli" ./backend/cmd/kontak
  cli_ok=$?
  if [ "$prod_ok" = 0 ] && [ "$cli_ok" = 0 ]; then
    data=$(mktemp -d "${TMPDIR:-/tmp}/kontak-smoke.XXXXXX")
    cli() { "$BIN/kontak-cli" --data "$data" "$@"; }
    check "CLI: contacts add --name Budi --phone 0812-3456-7890" "$LOGS/smoke-seed.log" \
      cli contacts add --name Budi --phone 0812-3456-7890
    check "CLI: groups add Pelanggan" "$LOGS/smoke-seed-group.log" cli groups add Pelanggan
    rm -f "$BIN/kontak-window.png"
    timeout -k 10 180 xvfb-run -a -s "-screen 0 1280x1024x24" \
      bash build/scripts/smoke.sh "$BIN/kontak" "$BIN/kontak-cli" "$data" "$LOGS" "$BIN/kontak-window.png" \
      >"$LOGS/smoke.log" 2>&1
    smoke_rc=$?
    while IFS= read -r line; do
      case "$line" in
        "PASS "*) pass "${line#PASS }" ;;
        "FAIL "*) fail "${line#FAIL }" ;;
      esac
    done <"$LOGS/smoke.log"
    grep -q '^\(PASS\|FAIL\) ' "$LOGS/smoke.log" || fail "smoke.sh under xvfb-run exited $smoke_rc" "$LOGS/smoke.log"
    if [ -s "$LOGS/smoke-app.log" ] && grep -qi 'panic' "$LOGS/smoke-app.log"; then
      fail "app log has a panic" "$LOGS/smoke-app.log"
    fi
    if cli contacts list --json >"$LOGS/smoke-list.json" 2>"$LOGS/smoke-list.stderr" &&
       grep -q '"name": *"Budi"' "$LOGS/smoke-list.json" && grep -q '"6281234567890"' "$LOGS/smoke-list.json"; then
      pass "data intact after restart: Budi 6281234567890 listed"
    else
      cat "$LOGS/smoke-list.stderr" >>"$LOGS/smoke-list.json"
      fail "data intact after restart: Budi 6281234567890 listed" "$LOGS/smoke-list.json"
    fi
    if cli groups list --json >"$LOGS/smoke-groups.json" 2>&1 && grep -q '"Pelanggan"' "$LOGS/smoke-groups.json"; then
      pass "data intact after restart: group Pelanggan listed"
    else
      fail "data intact after restart: group Pelanggan listed" "$LOGS/smoke-groups.json"
    fi
    rm -rf "$data"
  fi
else
  fail "smoke skipped: the frontend did not build"
fi
end_layer
fi

# ---- summary ------------------------------------------------------------------------------
printf '\n== summary (logs in build/bin/test-logs/)\n'
for line in "${summary[@]}"; do echo "   $line"; done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

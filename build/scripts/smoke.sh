#!/usr/bin/env bash
# The production smoke test's part that needs a display. test.sh runs it under xvfb-run:
#
#   xvfb-run -a -s "-screen 0 1280x1024x24" build/scripts/smoke.sh APP CLI DATA_DIR LOG_DIR PNG
#
# It starts APP with KONTAK_DATA_DIR=DATA_DIR, waits for its window, checks that the CLI
# is refused while the app holds the data folder, captures the window to PNG, sends
# SIGTERM to the app (not to xvfb-run) and expects a clean exit. Each check prints one
# line "PASS name" or "FAIL name: why"; test.sh counts them.
set -u
app=$1 cli=$2 data=$3 logs=$4 png=$5
applog=$logs/smoke-app.log

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
alive() { kill -0 "$pid" 2>/dev/null; }

KONTAK_DATA_DIR=$data "$app" >"$applog" 2>&1 &
pid=$!

# 1. The window is mapped (found by the app's pid, else by its title).
wid=
for _ in $(seq 1 90); do
  wid=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | tail -n1)
  [ -n "$wid" ] || wid=$(xdotool search --onlyvisible --name '^Kontak' 2>/dev/null | tail -n1)
  [ -n "$wid" ] && break
  alive || break
  sleep 0.5
done
if [ -n "$wid" ]; then
  pass "window mapped ($(xdotool getwindowname "$wid" 2>/dev/null), $(xwininfo -id "$wid" | awk '/Width:/{w=$2} /Height:/{h=$2} END{print w "x" h}'))"
else
  fail "window mapped" "no visible window within 45 s (app $(alive && echo running || echo exited); see $applog)"
fi

# 2. The window's class matches build/linux/kontak.desktop's StartupWMClass.
if [ -n "$wid" ]; then
  want=$(sed -n 's/^StartupWMClass=//p' "$(dirname "$0")/../linux/kontak.desktop")
  class=$(xprop -id "$wid" WM_CLASS 2>/dev/null | sed 's/.*= //')
  case "$class" in
    *"\"$want\""*) pass "WM_CLASS $class matches StartupWMClass" ;;
    *) fail "WM_CLASS matches StartupWMClass" "window has WM_CLASS $class, kontak.desktop says $want" ;;
  esac
fi

# 3. While the app runs, the CLI on the same data folder is refused with a clear message.
if alive; then
  out=$("$cli" --data "$data" contacts list --json 2>&1)
  rc=$?
  if [ "$rc" -ne 0 ] && printf '%s' "$out" | grep -qi 'already open'; then
    pass "second instance refused: $(printf '%s' "$out" | head -n1)"
  else
    fail "second instance refused" "CLI exited $rc with: $(printf '%s' "$out" | head -n3 | tr '\n' ' ')"
  fi
else
  fail "second instance refused" "app not running"
fi

# 4. The window renders: capture until the picture is not blank and has stopped changing.
target=${wid:-root}
prev= shot=$png.tmp.png rendered=0
for _ in $(seq 1 30); do
  alive || break
  if import -window "$target" "$shot" 2>/dev/null; then
    sd=$(convert "$shot" -colorspace gray -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
    sum=$(convert "$shot" rgba:- 2>/dev/null | md5sum | cut -d' ' -f1)
    if awk -v s="$sd" 'BEGIN{exit !(s > 0.02)}'; then
      [ "$sum" = "$prev" ] && { rendered=1; break; }
      prev=$sum
    fi
  fi
  sleep 1
done
if [ -f "$shot" ]; then
  mv "$shot" "$png"
  if [ "$rendered" = 1 ]; then
    pass "window rendered and captured ($(identify -format '%wx%h' "$png") PNG)"
  else
    fail "window rendered and captured" "picture still blank or changing after 30 s (saved anyway: $png)"
  fi
else
  fail "window rendered and captured" "import could not capture $target"
fi

# 5. SIGTERM to the app pid: exit 0 within 10 s.
if alive; then
  kill -TERM "$pid"
  for _ in $(seq 1 100); do alive || break; sleep 0.1; done
  if alive; then
    fail "exit 0 within 10 s of SIGTERM" "still running after 10 s; killed"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  else
    wait "$pid"
    rc=$?
    if [ "$rc" -eq 0 ]; then pass "exit 0 within 10 s of SIGTERM"; else fail "exit 0 within 10 s of SIGTERM" "exit status $rc"; fi
  fi
else
  wait "$pid"
  fail "exit 0 within 10 s of SIGTERM" "app had already exited (status $?) before SIGTERM; see $applog"
fi

# 6. The log shows a clean shutdown: app.go logs "Kontak stopped cleanly" once the store is closed.
line=$(grep -E 'Kontak stopped cleanly' "$applog" | tail -n1)
if [ -n "$line" ]; then
  pass "clean shutdown logged: $line"
else
  fail "clean shutdown logged" "no shutdown line in $applog (last: $(tail -n2 "$applog" | tr '\n' ' '))"
fi
exit 0

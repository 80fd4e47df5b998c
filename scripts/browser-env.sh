# Sourced by scripts/browser-test.sh and scripts/screenshots.sh: a headless browser and a demo server.
#   ensure_browser      Chromium and chromedriver from Debian's packages (installed when missing and running as root),
#                       Selenium from PyPI in a virtualenv under .build/ (never committed); sets $BROWSER_PYTHON.
#   start_demo_server   builds dangol, creates a demo database in $WORK and serves it on $PORT; stopped on exit.

ensure_browser() {
  if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      echo "chromium and chromium-driver are needed (Debian: apt-get install chromium chromium-driver)" >&2
      return 1
    fi
  fi
  local venv=.build/browser-venv
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "selenium>=4.20,<5"
  fi
  BROWSER_PYTHON="$PWD/$venv/bin/python"
  # Selenium must use Debian's chromedriver and never try to download one.
  export SE_OFFLINE=true
}

start_demo_server() {
  swift build --product dangol >/dev/null
  local bin
  bin="$(swift build --show-bin-path)/dangol"
  WORK=$(mktemp -d)
  PORT=${DANGOL_BROWSER_PORT:-18080}
  "$bin" demo --customers "${DEMO_CUSTOMERS:-300}" --file "$WORK/console.sqlite" --port "$PORT" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/server.log" >&2; return 1; fi
    sleep 0.5
  done
  echo "the demo server did not start" >&2
  cat "$WORK/server.log" >&2
  return 1
}

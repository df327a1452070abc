#!/usr/bin/env bash
# A room server: K app processes (uvicorn asgi:app) behind HAProxy with sticky sessions and
# websockets, sharing one PostgreSQL. Stops everything it started on Ctrl-C / SIGTERM.
#
#   scripts/room-server.sh                    # K = the machine's cores, on 0.0.0.0:8501
#   PROCESSES=2 PORT=8600 ADDRESS=127.0.0.1 scripts/room-server.sh
#
# PostgreSQL: $COMPANION_DATABASE_URL when set, else the local server scripts/start-postgres.sh
# starts (as root). HAProxy comes from Debian's packages, installed (as root) when missing.
# RUN_DIR (default: a new temp folder) gets the logs, haproxy.cfg, app-<n>.pid and a `ready`
# file listing "name port pid" per app process once every process answers its health check.
set -euo pipefail
cd "$(dirname "$0")/.."
processes=${PROCESSES:-$(nproc)}
port=${PORT:-8501}
address=${ADDRESS:-0.0.0.0}
run_dir=${RUN_DIR:-$(mktemp -d -t room-server.XXXXXX)}
python=${PYTHON:-.venv/bin/python}
mkdir -p "$run_dir"
rm -f "$run_dir/ready"

if [ "$processes" -gt 1 ] && ! command -v haproxy >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "HAProxy is missing: run as root (it is installed from Debian's packages) or apt-get install haproxy" >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
fi
if [ -z "${COMPANION_DATABASE_URL:-}" ]; then
  COMPANION_DATABASE_URL="$(scripts/start-postgres.sh)"
fi
export COMPANION_DATABASE_URL
# One cookie secret for every process: a phone moved to another process keeps a valid xsrf cookie.
STREAMLIT_SERVER_COOKIE_SECRET=${STREAMLIT_SERVER_COOKIE_SECRET:-$("$python" -c 'import secrets; print(secrets.token_hex(32))')}
export STREAMLIT_SERVER_COOKIE_SECRET

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

start_app() {  # name port
  "$python" -m uvicorn asgi:app --host 127.0.0.1 --port "$2" --no-access-log --log-level warning \
    >"$run_dir/$1.log" 2>&1 &
  pids+=("$!")
  echo "$!" >"$run_dir/$1.pid"
}

servers=""
if [ "$processes" -eq 1 ]; then
  "$python" -m uvicorn asgi:app --host "$address" --port "$port" --no-access-log --log-level warning \
    >"$run_dir/app-1.log" 2>&1 &
  pids+=("$!")
  echo "$!" >"$run_dir/app-1.pid"
  apps=("app-1 $port")
else
  apps=()
  for n in $(seq "$processes"); do
    app_port=$((port + n))
    start_app "app-$n" "$app_port"
    apps+=("app-$n $app_port")
    servers+="  server app-$n 127.0.0.1:$app_port check inter 1s fall 3 rise 2 cookie app-$n"$'\n'
  done
  maxconn=$(( $(ulimit -n) / 2 - 100 ))  # each proxied connection holds two file descriptors
  cat >"$run_dir/haproxy.cfg" <<EOF
global
  maxconn $maxconn
defaults
  mode http
  timeout connect 2s
  # Health checks of a busy process (a whole room just moved onto it) must not mark it down.
  timeout check 5s
  timeout client 1h
  timeout server 1h
  timeout tunnel 1h
  # A phone whose process died is sent to another one on its next connection (every retry redispatches).
  option redispatch 1
  retries 3
frontend room
  bind $address:$port
  default_backend apps
backend apps
  balance leastconn
  # Sticky: a browser tab's page load and websocket go to the same process (session state lives there).
  cookie COMPANION_APP insert indirect nocache httponly
  option httpchk GET /_stcore/health
  http-check expect status 200
$servers
EOF
  haproxy -f "$run_dir/haproxy.cfg" -db >"$run_dir/haproxy.log" 2>&1 &
  pids+=("$!")
  echo "$!" >"$run_dir/haproxy.pid"
fi

for entry in "${apps[@]}"; do
  read -r name app_port <<<"$entry"
  for _ in $(seq 600); do
    curl -fs "http://127.0.0.1:$app_port/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fs "http://127.0.0.1:$app_port/_stcore/health" >/dev/null \
    || { echo "$name did not start: see $run_dir/$name.log" >&2; exit 1; }
done
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/_stcore/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$port/_stcore/health" >/dev/null \
  || { echo "nothing answers on port $port: see $run_dir/haproxy.log" >&2; exit 1; }
for entry in "${apps[@]}"; do
  read -r name app_port <<<"$entry"
  echo "$name $app_port $(cat "$run_dir/$name.pid")"
done >"$run_dir/ready"
echo "Room server: $processes process(es) on http://$address:$port (logs: $run_dir)"
wait -n "${pids[@]}" || true  # stay up until stopped (a killed app process leaves the rest running)
wait

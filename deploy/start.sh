#!/usr/bin/env bash
# Start the SKAM dashboard on one machine as N Streamlit processes behind nginx (docs/deployment.md):
#   SKAM_DB=postgresql://… SKAM_SECRETS=/etc/skam/secrets.toml deploy/start.sh 2 /tmp/skam-run
# Processes listen on 127.0.0.1:8601…; nginx on :8080 with sticky sessions. deploy/stop.sh RUNDIR ends them.
set -euo pipefail
n="${1:-2}"
run="${2:-/tmp/skam-run}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
python="${PYTHON:-python}"
: "${SKAM_DB:?set SKAM_DB to the postgresql:// URL of the store}"
case "$SKAM_DB" in postgresql://*|postgres://*) ;; *) echo "SKAM_DB must be a PostgreSQL URL: processes cannot share a DuckDB file" >&2; exit 2 ;; esac
mkdir -p "$run"

# The schema first, once (every process would migrate on start too; the advisory lock makes that safe).
(cd "$repo" && "$python" -m skam_core init)

secrets=()
[ -n "${SKAM_SECRETS:-}" ] && secrets=(--secrets.files "$SKAM_SECRETS")
servers=""
for i in $(seq 1 "$n"); do
  port=$((8600 + i))
  (cd "$repo" && exec "$python" -m streamlit run dashboard.py --server.port "$port" --server.address 127.0.0.1 \
     --server.headless true "${secrets[@]}") >"$run/app-$port.log" 2>&1 &
  echo $! >"$run/app-$port.pid"
  servers="$servers        server 127.0.0.1:$port max_fails=2 fail_timeout=10s;\n"
done

# The sample config with one upstream line per process started here.
awk -v servers="$servers" '
  /server 127\.0\.0\.1:86/ { next }
  /hash \$skam_route consistent/ { print; printf "%s", servers; next }
  { print }
' "$here/nginx.conf" | sed 's/\\n/\n/g' >"$run/nginx.conf"

for i in $(seq 1 "$n"); do
  port=$((8600 + i))
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
done
nginx -p "$run" -c nginx.conf
echo "SKAM dashboard: http://127.0.0.1:8080 ($n processes, logs in $run)"

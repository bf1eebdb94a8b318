#!/usr/bin/env bash
# Stop what deploy/start.sh started in RUNDIR (its nginx and its app processes, by their pid files).
set -uo pipefail
run="${1:-/tmp/skam-run}"
[ -f "$run/nginx.pid" ] && nginx -p "$run" -c nginx.conf -s stop
for pidfile in "$run"/app-*.pid; do
  [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
  rm -f "$pidfile"
done

#!/usr/bin/env bash
# Starts (or stops) the local PostgreSQL and Redis that the server setup and
# the PostgreSQL tests use, from Debian's packages:
#   bash scripts/dev-services.sh [start|stop|status]
# start: runs the first PostgreSQL cluster (pg_ctlcluster), creates the role
# `quarry` (password `quarry`, CREATEDB) and its database `quarry` when missing,
# and starts redis-server on port 6379 without snapshots. Run it as root (or as
# a user who may run pg_ctlcluster and `su postgres`). Install the packages with
#   apt-get install -y postgresql redis-server
# No systemd is assumed: the services are started and stopped by hand.
set -euo pipefail
action="${1:-start}"
REDIS_PORT="${REDIS_PORT:-6379}"

cluster() {
  command -v pg_lsclusters >/dev/null || { echo "PostgreSQL is not installed (no pg_lsclusters): apt-get install -y postgresql" >&2; exit 1; }
  read -r PG_VERSION PG_CLUSTER PG_PORT _ < <(pg_lsclusters -h | head -n1)
  [[ -n "${PG_VERSION:-}" ]] || { echo "No PostgreSQL cluster found (pg_createcluster 15 main)" >&2; exit 1; }
}

as_postgres() { if [[ "$(id -un)" == postgres ]]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi; }

case "$action" in
  start)
    cluster
    if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
      pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
    fi
    for _ in $(seq 1 50); do pg_isready -q -p "$PG_PORT" && break; sleep 0.2; done
    if [[ "$(as_postgres psql -p "$PG_PORT" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'quarry'")" != 1 ]]; then
      as_postgres psql -p "$PG_PORT" -q -c "CREATE ROLE quarry LOGIN PASSWORD 'quarry' CREATEDB"
    fi
    if [[ "$(as_postgres psql -p "$PG_PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = 'quarry'")" != 1 ]]; then
      as_postgres createdb -p "$PG_PORT" -O quarry quarry
    fi
    echo "PostgreSQL $PG_VERSION: postgresql://quarry:quarry@localhost:$PG_PORT/quarry"
    if command -v redis-server >/dev/null; then
      if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
        redis-server --daemonize yes --port "$REDIS_PORT" --save '' --appendonly no >/dev/null
        for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
      fi
      echo "Redis: redis://localhost:$REDIS_PORT"
    else
      echo "Redis is not installed (no redis-server): apt-get install -y redis-server" >&2
    fi
    ;;
  stop)
    cluster
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop || true
    if command -v redis-cli >/dev/null; then redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; fi
    ;;
  status)
    cluster
    pg_lsclusters
    if command -v redis-cli >/dev/null; then echo "Redis: $(redis-cli -p "$REDIS_PORT" ping 2>&1)"; fi
    ;;
  *)
    echo "usage: $0 [start|stop|status]" >&2
    exit 2
    ;;
esac

# shellcheck shell=bash
# Throwaway PostgreSQL clusters for the local stack and the tests. Sourced by scripts/dev and scripts/test.
#
#   pg_cluster_start DATADIR PORT   initdb on first use (superuser trusted on loopback, others by password), start
#                                   (a cluster already running on another port is restarted on PORT)
#   pg_cluster_stop  DATADIR        fast shutdown if running
#   pg_cluster_status DATADIR PORT  one line: running/stopped and where
#   pg_psql PORT [psql args…]       psql as the superuser `postgres` on 127.0.0.1
#
# As root the server runs as the `postgres` system user (PostgreSQL refuses to run as root).

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() {
  local datadir=$1 port=$2
  [ -x "$PG_BIN/postgres" ] || { echo "PostgreSQL 15 not found in $PG_BIN: run scripts/bootstrap" >&2; return 1; }
  mkdir -p "$datadir"
  datadir=$(cd "$datadir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$datadir"
    # The postgres user must be able to reach the data directory through every parent.
    if ! runuser -u postgres -- test -x "$datadir"; then
      echo "the postgres user cannot reach $datadir; choose a data directory under a world-traversable path (GRIDLOOP_STATE_DIR)" >&2
      return 1
    fi
  fi
  if [ ! -f "$datadir/PG_VERSION" ]; then
    _pg_as_owner "$PG_BIN/initdb" -D "$datadir" -U postgres --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$datadir.initdb.log" 2>&1 \
      || { echo "initdb failed, see $datadir.initdb.log" >&2; return 1; }
    cat >>"$datadir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$datadir'
max_connections = 1000
shared_buffers = 256MB
fsync = on
synchronous_commit = on
wal_level = replica
log_min_duration_statement = 2000
CONF
    # Extra settings for this cluster, e.g. GRIDLOOP_PG_CONF_EXTRA="shared_preload_libraries = 'pg_stat_statements'"
    # to profile a load run (applies when the cluster is created).
    if [ -n "${GRIDLOOP_PG_CONF_EXTRA:-}" ]; then printf '%s\n' "$GRIDLOOP_PG_CONF_EXTRA" >>"$datadir/postgresql.conf"; fi
    # The superuser connects without a password on loopback (this cluster is throwaway and listens on
    # 127.0.0.1 only); every other role must present its password (scram-sha-256).
    { echo "host all postgres 127.0.0.1/32 trust"; cat "$datadir/pg_hba.conf"; } >"$datadir/pg_hba.conf.new"
    mv "$datadir/pg_hba.conf.new" "$datadir/pg_hba.conf"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$datadir/pg_hba.conf"
  fi
  if _pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
    # Running: keep it if it serves the port asked for (line 4 of postmaster.pid), else move it there.
    if [ "$(sed -n 4p "$datadir/postmaster.pid" 2>/dev/null)" = "$port" ]; then return 0; fi
    echo "PostgreSQL in $datadir runs on another port; restarting it on $port" >&2
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null
  fi
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -o "-p $port" -l "$datadir/server.log" -w -t 60 start >/dev/null \
    || { echo "PostgreSQL did not start on port $port, see $datadir/server.log" >&2; tail -n 20 "$datadir/server.log" >&2; return 1; }
}

pg_cluster_stop() {
  local datadir=$1
  [ -f "$datadir/PG_VERSION" ] || return 0
  if _pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null
  fi
}

pg_cluster_status() {
  local datadir=$1 port=$2
  if [ -f "$datadir/PG_VERSION" ] && _pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
    echo "postgres     running   127.0.0.1:$port   data $datadir"
  else
    echo "postgres     stopped   (port $port, data $datadir)"
  fi
}

pg_psql() {
  local port=$1; shift
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

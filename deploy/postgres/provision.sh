#!/usr/bin/env bash
# Creates GridLoop's database, the PostGIS extension, and one login role + one schema per service with
# grants on its own schema only (least privilege). Idempotent; re-running resets the role passwords.
#
# Used by scripts/dev (local stack) and by deploy/compose.yaml (postgres init container).
# Environment:
#   PGHOST, PGPORT, PGUSER (a superuser), PGPASSWORD    how to reach the server (libpq variables)
#   GRIDLOOP_DATABASE            database name (default gridloop)
#   GRIDLOOP_DB_PASSWORD_<ROLE>  password of each service role, ROLE in upper case:
#                                INTAKE, ROUTING, SLA_MONITOR, NOTIFICATION, ASSESSMENT (required)
set -euo pipefail
db=${GRIDLOOP_DATABASE:-gridloop}
roles=(intake routing sla_monitor notification assessment)

missing=()
for r in "${roles[@]}"; do
  var="GRIDLOOP_DB_PASSWORD_${r^^}"
  [ -n "${!var:-}" ] || missing+=("$var")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "provision: missing environment: ${missing[*]}" >&2
  exit 2
fi

psql_su() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

if [ "$(psql_su -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
  psql_su -d postgres -c "CREATE DATABASE \"$db\" ENCODING 'UTF8' TEMPLATE template0"
fi

{
  echo "CREATE EXTENSION IF NOT EXISTS postgis;"
  echo "REVOKE ALL ON DATABASE \"$db\" FROM PUBLIC;"
  echo "REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
  for r in "${roles[@]}"; do
    var="GRIDLOOP_DB_PASSWORD_${r^^}"
    pw=${!var//\'/\'\'}
    cat <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$r') THEN
    CREATE ROLE $r LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END \$\$;
ALTER ROLE $r WITH LOGIN PASSWORD '$pw';
GRANT CONNECT, TEMPORARY ON DATABASE "$db" TO $r;
CREATE SCHEMA IF NOT EXISTS $r AUTHORIZATION $r;
REVOKE ALL ON SCHEMA $r FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO $r;
ALTER ROLE $r IN DATABASE "$db" SET search_path = $r, public;
SQL
  done
} | psql_su -d "$db"
echo "provision: database $db ready with schemas/roles ${roles[*]}"

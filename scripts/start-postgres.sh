#!/usr/bin/env bash
# Start Debian's PostgreSQL for tests and print a SQLAlchemy URL. Idempotent; runs as root.
# Recipe: ../shared/recipes/postgres-in-ci.md (checked on Debian 12, PostgreSQL 15).
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/start-postgres.sh must run as root (it installs and starts Debian's postgresql)." >&2
  exit 1
fi
command -v pg_ctlcluster >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}
read -r ver cluster _ < <(pg_lsclusters -h | head -n1)
pg_ctlcluster "$ver" "$cluster" start >/dev/null 2>&1 || true   # already running is fine
for _ in $(seq 50); do pg_isready -q -h 127.0.0.1 && break; sleep 0.1; done
as_pg() { runuser -u postgres -- "$@"; }
as_pg psql -tAc "select 1 from pg_roles where rolname='app_test'" | grep -q 1 \
  || as_pg psql -qc "create role app_test login password 'app_test'"
as_pg psql -tAc "select 1 from pg_database where datname='app_test'" | grep -q 1 \
  || as_pg createdb -O app_test app_test
echo "postgresql+psycopg://app_test:app_test@127.0.0.1:5432/app_test"

#!/usr/bin/env bash
# Install (from Debian's packages), start and prepare a PostgreSQL server for newsprism's tests.
# Run as root on a fresh Debian machine; safe to run again. Prints the line to eval:
#   eval "$(bash .ci/postgres.sh)"   # sets NEWSPRISM_TEST_POSTGRES_URL
# Progress goes to stderr so that stdout holds only the export line.
set -euo pipefail
PGUSER_NAME=${NEWSPRISM_PG_USER:-newsprism}
PGPASS=${NEWSPRISM_PG_PASSWORD:-newsprism}
PGDB=${NEWSPRISM_PG_DB:-newsprism_test}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  pg_createcluster "$VERSION" main >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  echo "postgres.sh: starting cluster $VERSION/main on port $PORT" >&2
  pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 30); do pg_isready -q -p "$PORT" && break; sleep 1; done

as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -p $PORT $*"; }
if [ "$(as_postgres "-c \"select 1 from pg_roles where rolname='$PGUSER_NAME'\"")" != 1 ]; then
  as_postgres "-c \"create role $PGUSER_NAME login password '$PGPASS'\"" >&2
fi
if [ "$(as_postgres "-c \"select 1 from pg_database where datname='$PGDB'\"")" != 1 ]; then
  as_postgres "-c \"create database $PGDB owner $PGUSER_NAME\"" >&2
fi
echo "export NEWSPRISM_TEST_POSTGRES_URL=postgresql://$PGUSER_NAME:$PGPASS@localhost:$PORT/$PGDB"

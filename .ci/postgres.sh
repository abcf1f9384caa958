#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the store tests and prints its connection string (last line of stdout).
#
#   eval "$(.ci/postgres.sh --export)"   # sets KAGI_TEST_POSTGRES in the calling shell
#   .ci/postgres.sh                      # prints the connection string; also in $KAGI_PG_DIR/connection
#   .ci/postgres.sh --stop               # stops the cluster
#
# Idempotent: a second run finds the running cluster and prints the same string. Installs the Debian
# package when no PostgreSQL is on the machine. The server runs as a non-root user (initdb refuses root),
# listens on 127.0.0.1 on a free port, trusts local connections, and lives under /tmp: nothing to clean but the folder.
set -euo pipefail

dir="${KAGI_PG_DIR:-/tmp/kagi-pg}"
database="kagi_test"
user="kagi"

find_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$found" ] && command -v pg_ctl >/dev/null; then
    found="$(dirname "$(command -v pg_ctl)")"
  fi
  printf '%s' "$found"
}

bin="$(find_bin)"
if [ -z "$bin" ]; then
  echo "postgres.sh: installing PostgreSQL from Debian packages" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  else
    sudo apt-get update -qq >&2
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  fi
  bin="$(find_bin)"
  [ -n "$bin" ] || { echo "postgres.sh: PostgreSQL is still not installed" >&2; exit 1; }
fi

# Run the server as someone other than root: the package's 'postgres' user, or ourselves when we are not root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-}" = "--stop" ]; then
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
  exit 0
fi

free_port() {
  local port
  for port in $(seq 54329 54429); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s' "$port"
      return 0
    fi
  done
  echo "postgres.sh: no free port in 54329-54429" >&2
  return 1
}

mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
fi

if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
fi

if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  port="$(free_port)"
  # fsync off: a throwaway test server trades durability for speed.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "$port" | as_owner tee "$dir/port" >/dev/null
fi

port="$(cat "$dir/port")"
if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$database"
fi

connection="Host=127.0.0.1;Port=$port;Username=$user;Database=$database"
printf '%s\n' "$connection" | as_owner tee "$dir/connection" >/dev/null
if [ "${1:-}" = "--export" ]; then
  printf 'export KAGI_TEST_POSTGRES=%q\n' "$connection"
else
  printf '%s\n' "$connection"
fi

#!/usr/bin/env bash
# Sourced by .ci/run: starts a throwaway PostgreSQL for the tests of the server toolkit's SQL
# translation, in build/pg on a free loopback port, exports SCIM_TEST_POSTGRES_URL, and stops
# the server by its pid when the sourcing shell exits.
#
# Debian's server binaries are used where they are (/usr/lib/postgresql/<version>/bin), and
# installed with apt-get (package `postgresql`) where they are not. initdb refuses to run as
# root, so as root the server runs as the system user `pgtest`, created if missing.

pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && pg_bin="$dir"
done
if [ -z "$pg_bin" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && pg_bin="$dir"
  done
fi
if [ -z "$pg_bin" ]; then
  echo "no PostgreSQL server binaries (initdb) found or installable" >&2
  return 1 2>/dev/null || exit 1
fi

pg_dir="$PWD/build/pg"
rm -rf "$pg_dir"
mkdir -p "$pg_dir"
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u pgtest -- "$@"
  else
    "$@"
  fi
}
if [ "$(id -u)" = 0 ]; then
  id pgtest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin pgtest
  chown pgtest "$pg_dir"
  # A clone under a private home (/root) is closed to pgtest: the data goes to /tmp then.
  if ! runuser -u pgtest -- test -w "$pg_dir"; then
    pg_dir=$(mktemp -d /tmp/scim-pg.XXXXXX)
    chown pgtest "$pg_dir"
  fi
fi
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The default collation is ICU's English, whose order is not the bytes' (`a` < `B`, accents
# ignored at first): a translation that left any comparison to the default collation, rather
# than naming "C", would answer differently from the engine and fail the tests.
# (PostgreSQL 15 and later; an older server keeps C.UTF-8.)
collation=()
if "$pg_bin/initdb" --help | grep -q -- --locale-provider; then
  collation=(--locale-provider=icu --icu-locale=en-US)
fi
as_pg_user "$pg_bin/initdb" -D "$pg_dir/data" -U scim --auth=trust -E UTF8 --locale=C.UTF-8 \
  "${collation[@]}" >"$pg_dir/initdb.log"
as_pg_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir" start >/dev/null
pg_pid=$(head -1 "$pg_dir/data/postmaster.pid")
# A smart shutdown by pid when the CI script exits, whatever its outcome.
trap 'kill -TERM "$pg_pid" 2>/dev/null || true' EXIT
export SCIM_TEST_POSTGRES_URL="postgresql://scim@127.0.0.1:$pg_port/postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port (pid $pg_pid)"

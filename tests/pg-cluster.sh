#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests.
#   tests/pg-cluster.sh start DIR  -> prints one Npgsql connection string on stdout
#   tests/pg-cluster.sh stop DIR   -> stops the cluster and removes DIR
set -euo pipefail

# Keep the real stdout on fd 3 for the connection string; everything else goes to stderr.
exec 3>&1 1>&2

die() { echo "pg-cluster: $*"; exit 1; }

[ $# -eq 2 ] || die "usage: $0 start|stop DIR"
cmd=$1
DIR=$(realpath -m -- "$2")
[ "$DIR" != / ] || die "refusing to use / as DIR"
# Work from / so the postgres user never sits in a cwd it cannot read (e.g. /root).
cd /

is_root() { [ "$(id -u)" -eq 0 ]; }

# initdb/postgres refuse to run as root, so drop to the postgres user then.
# 3>&-: the server must not inherit our stdout, or a caller's $(...) never sees EOF.
as_pg() { if is_root; then runuser -u postgres -- "$@" 3>&-; else "$@" 3>&-; fi; }

# Directory holding initdb/pg_ctl/postgres: highest /usr/lib/postgresql/N/bin, else PATH.
find_bin() {
  local d
  d=$(for b in /usr/lib/postgresql/*/bin; do if [ -x "$b/initdb" ]; then echo "$b"; fi; done | sort -V | tail -n1)
  if [ -z "$d" ] && command -v initdb >/dev/null; then d=$(dirname "$(command -v initdb)"); fi
  echo "$d"
}

install_pg() {
  local sudo=()
  if ! is_root; then
    command -v sudo >/dev/null || die "PostgreSQL server binaries (initdb) not found; install package 'postgresql' or run as root / with sudo"
    sudo=(sudo -n)   # -n: never prompt, we may have no stdin
  fi
  echo "pg-cluster: installing PostgreSQL server packages"
  "${sudo[@]}" apt-get update 3>&-
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql 3>&- </dev/null
}

# Something answering on 127.0.0.1:$1 means the port is taken.
port_busy() { (exec 5<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40001 )) i
  for ((i = 0; i < 500; i++)); do
    port_busy "$p" || { echo "$p"; return 0; }
    p=$(( p >= 60000 ? 20000 : p + 1 ))
  done
  die "no free port found"
}

start() {
  local bin port attempt
  bin=$(find_bin)
  if [ -z "$bin" ]; then install_pg; bin=$(find_bin); fi
  [ -n "$bin" ] || die "initdb still not found after installing postgresql"

  mkdir -p "$DIR"
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /bin/false postgres
    chown postgres: "$DIR"
  fi
  as_pg test -w "$DIR" || die "$DIR is not writable by the server user (its parents must be searchable)"

  as_pg "$bin/initdb" -D "$DIR/data" -A trust -U postgres --no-sync -E UTF8 \
    || die "initdb failed"
  # Durability off: the cluster is thrown away after the run.
  cat >>"$DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '${DIR//\'/\'\'}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF

  # Retry with another port in case someone grabbed ours between the check and the bind.
  for attempt in 1 2 3; do
    port=$(free_port)
    if as_pg "$bin/pg_ctl" -D "$DIR/data" -w -t 60 -o "-p $port" -l "$DIR/log" start; then
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" >&3
      return 0
    fi
    echo "pg-cluster: start on port $port failed (attempt $attempt)"
  done
  echo "----- server log ($DIR/log) -----"
  cat "$DIR/log" 2>/dev/null || true
  die "could not start PostgreSQL"
}

stop() {
  local bin
  bin=$(find_bin)
  if [ -n "$bin" ] && [ -f "$DIR/data/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$DIR/data" stop -m immediate || true
  fi
  rm -rf -- "$DIR"
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac

# Sourced by .ci/run: a throwaway PostgreSQL cluster on a free loopback port under a temporary
# folder (initdb + pg_ctl, no system service), stopped on exit even when the tests fail.
start_throwaway_postgres() {
  local bindir
  bindir=$(pg_config --bindir 2>/dev/null || true)
  if [ ! -x "$bindir/initdb" ]; then bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1); fi
  export PATH="$bindir:$PATH"
  PGT=$(mktemp -d /tmp/okr-pg.XXXXXX)
  chown nobody:nogroup "$PGT" 2>/dev/null || true
  # initdb refuses to run as root: run the server as nobody when we are root.
  local as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u nobody --); fi
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  (cd "$PGT" && "${as[@]}" initdb -D "$PGT/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$PGT/initdb.log" 2>&1) \
    || { cat "$PGT/initdb.log"; return 1; }
  (cd "$PGT" && "${as[@]}" pg_ctl -D "$PGT/data" -l "$PGT/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGT -c fsync=off" start >/dev/null) \
    || { cat "$PGT/server.log"; return 1; }
  export OKR_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
  trap stop_throwaway_postgres EXIT
  echo "ci: PostgreSQL $(postgres --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
}

stop_throwaway_postgres() {
  [ -n "${PGT:-}" ] || return 0
  local as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u nobody --); fi
  (cd "$PGT" && "${as[@]}" pg_ctl -D "$PGT/data" -m fast -w stop >/dev/null 2>&1) || true
  rm -rf "$PGT"
}

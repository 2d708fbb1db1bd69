#!/usr/bin/env bash
# Checks the Litestream set-up the README documents, against a file replica:
# Puente serves a database while another process writes thousands of rows
# into it and Litestream replicates it; then Puente and Litestream stop,
# the database is restored from the replica alone, and the copy must pass
# PRAGMA quick_check, `puente restore`'s checks (integrity, foreign keys,
# migrations, the key opening every sealed value) and hold exactly the
# source's row counts.
#
# Not part of `make test`: it needs the litestream binary, which the test
# machines do not have. Install it the way a user would:
#   go install github.com/benbjohnson/litestream/cmd/litestream@v0.5.18
# and run:   bash scripts/litestream-check.sh
# (LITESTREAM=/path/to/litestream to use another binary.)
set -euo pipefail

cd "$(dirname "$0")/.."
LITESTREAM=${LITESTREAM:-$(command -v litestream || true)}
if [[ -z "$LITESTREAM" || ! -x "$LITESTREAM" ]]; then
	echo "litestream-check: no litestream binary (install: go install github.com/benbjohnson/litestream/cmd/litestream@v0.5.18)" >&2
	exit 2
fi

work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [[ ${KEEP:-0} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building puente and puente-gen"
go build -o "$work/puente" ./cmd/puente
go build -o "$work/puente-gen" ./cmd/puente-gen
"$LITESTREAM" version

mkdir -p "$work/data" "$work/replica" "$work/restore"
chmod 700 "$work/data" "$work/replica" "$work/restore"
db="$work/data/puente.db"
key="$work/data/puente.db.key"

# The configuration the README shows, with the paths of this run.
cat >"$work/litestream.yml" <<EOF
dbs:
  - path: $db
    # Litestream checkpoints the WAL itself (PASSIVE) every minute or past
    # 1000 pages; Puente keeps SQLite's default autocheckpoint (PASSIVE,
    # 1000 pages), which Litestream's read lock keeps from restarting the WAL
    # before it has copied it.
    checkpoint-interval: 1m
    min-checkpoint-page-count: 1000
    busy-timeout: 10s
    replica:
      type: file
      path: $work/replica
      sync-interval: 1s
EOF

echo "== serving an empty database (Puente creates it, WAL mode)"
"$work/puente" serve -addr 127.0.0.1:0 -db "$db" >"$work/serve.log" 2>&1 &
pids+=($!)
serve_pid=$!
for _ in $(seq 100); do grep -q "msg=listening" "$work/serve.log" && break; sleep 0.1; done
grep -q "msg=listening" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }

echo "== replicating with litestream"
"$LITESTREAM" replicate -config "$work/litestream.yml" >"$work/litestream.log" 2>&1 &
pids+=($!)
ls_pid=$!
sleep 2

echo "== writing while it serves and replicates (puente-gen, 2,000 cases)"
start=$(date +%s.%N)
"$work/puente-gen" -db "$db" -networks 2 -groups 10 -people 4 -cases 100 -events 5000 -invitations 50 >"$work/gen.log" 2>&1
echo "   written in $(echo "$(date +%s.%N) - $start" | bc) s"
# A second burst after the first, so the replica must follow later commits too.
"$work/puente" backup -db "$db" -out "$work/backup-while-replicating.db" >/dev/null
sleep 3

echo "== stopping puente (SIGTERM), then litestream (SIGTERM: final sync)"
t0=$(date +%s.%N)
kill -TERM "$serve_pid"
wait "$serve_pid" || true
echo "   puente stopped in $(echo "$(date +%s.%N) - $t0" | bc) s"
t0=$(date +%s.%N)
kill -TERM "$ls_pid"
wait "$ls_pid" || true
echo "   litestream stopped in $(echo "$(date +%s.%N) - $t0" | bc) s"
[[ ! -s "$db-wal" ]] || echo "   note: the -wal was not truncated at shutdown ($(stat -c %s "$db-wal") bytes)"

echo "== restoring from the replica alone"
t0=$(date +%s.%N)
"$LITESTREAM" restore -config "$work/litestream.yml" -o "$work/restore/from-replica.db" "$db" >"$work/restore.log" 2>&1 || { cat "$work/restore.log"; exit 1; }
echo "   restored in $(echo "$(date +%s.%N) - $t0" | bc) s, $(stat -c %s "$work/restore/from-replica.db") bytes"

qc=$(sqlite3 "$work/restore/from-replica.db" "PRAGMA quick_check;")
echo "   PRAGMA quick_check: $qc"
[[ "$qc" == "ok" ]] || exit 1

count() { sqlite3 "$1" "SELECT (SELECT count(*) FROM cases)||' cases, '||(SELECT count(*) FROM people)||' people, '||(SELECT count(*) FROM deadlines)||' deadlines, '||(SELECT count(*) FROM security_events)||' security events, '||(SELECT count(*) FROM users)||' users';"; }
src=$(count "$db")
dst=$(count "$work/restore/from-replica.db")
echo "   source:  $src"
echo "   replica: $dst"
[[ "$src" == "$dst" ]] || { echo "row counts differ"; exit 1; }

echo "== puente restore's checks on the restored copy (with the key, kept apart)"
"$work/puente" restore -from "$work/restore/from-replica.db" -db "$work/restore/puente.db" -key-file "$key"

echo "== puente serves the restored database"
"$work/puente" serve -addr 127.0.0.1:0 -db "$work/restore/puente.db" -key-file "$key" >"$work/serve2.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "msg=listening" "$work/serve2.log" && break; sleep 0.1; done
grep -q "msg=listening" "$work/serve2.log" || { cat "$work/serve2.log"; exit 1; }
addr=$(sed -n 's/.*msg=listening addr=\([^ ]*\).*/\1/p' "$work/serve2.log")
code=$(curl -s -o /dev/null -w '%{http_code}' "http://$addr/healthz")
echo "   /healthz: $code"
[[ "$code" == "200" ]] || exit 1
echo "litestream-check: ok"

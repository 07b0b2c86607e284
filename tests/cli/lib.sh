# Shared helpers for the black-box CLI tests. Each test script sources this,
# runs the real built binary ($SAFEPLAN_BIN) against real database files in
# a fresh temporary directory, and checks exit status, stdout and stderr
# separately. It ends with `finish`, which prints "N passed, N failed".
set -u
: "${SAFEPLAN_BIN:?set SAFEPLAN_BIN to the built safeplan binary}"
SP_SOURCE_DIR=${SP_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
SP_SHARED_DIR=${SP_SHARED_DIR:-$SP_SOURCE_DIR/tests/data/shared}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sp-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export SAFEPLAN_DB="$WORK/plan.db"
export SAFEPLAN_USER="Test Officer"
unset SAFEPLAN_TODAY NO_COLOR COLUMNS
PASSED=0
FAILED=0
OUT=$WORK/.out
ERR=$WORK/.err
STATUS=0

# run ARGS...: runs safeplan; sets STATUS, and OUT/ERR files hold the output.
run() {
    "$SAFEPLAN_BIN" "$@" >"$OUT" 2>"$ERR" </dev/null
    STATUS=$?
}

# sp ARGS...: runs safeplan for setup; a failure aborts the whole script.
sp() {
    if ! "$SAFEPLAN_BIN" "$@" >/dev/null 2>"$ERR" </dev/null; then
        echo "setup failed: safeplan $*" >&2
        cat "$ERR" >&2
        exit 1
    fi
}

ok() { PASSED=$((PASSED + 1)); }
bad() {
    FAILED=$((FAILED + 1))
    echo "FAIL: $CASE: $*" >&2
    echo "  status=$STATUS stdout: $(head -c 600 "$OUT")" >&2
    echo "  stderr: $(head -c 600 "$ERR")" >&2
}

# case NAME: names the checks that follow, for failure messages.
case_() { CASE=$1; }

expect_status() { if [ "$STATUS" -eq "$1" ]; then ok; else bad "expected exit $1, got $STATUS"; fi; }
expect_out() { if grep -qF -- "$1" "$OUT"; then ok; else bad "stdout lacks '$1'"; fi; }
expect_out_not() { if grep -qF -- "$1" "$OUT"; then bad "stdout has '$1'"; else ok; fi; }
expect_err() { if grep -qF -- "$1" "$ERR"; then ok; else bad "stderr lacks '$1'"; fi; }
expect_err_not() { if grep -qF -- "$1" "$ERR"; then bad "stderr has '$1'"; else ok; fi; }
expect_no_out() { if [ ! -s "$OUT" ]; then ok; else bad "expected empty stdout"; fi; }
expect_no_err() { if [ ! -s "$ERR" ]; then ok; else bad "expected empty stderr"; fi; }
# expect_eq ACTUAL EXPECTED WHAT
expect_eq() { if [ "$1" = "$2" ]; then ok; else bad "$3: expected '$2', got '$1'"; fi; }

# sql DB QUERY: the result of a query through the sqlite3 shell.
sql() { sqlite3 -batch -noheader "$1" "$2"; }

# fresh_plan: a new plan at $SAFEPLAN_DB holding one authority, tb (Torbay),
# for importing sheets into with --authority tb.
fresh_plan() {
    rm -f "$SAFEPLAN_DB" "$SAFEPLAN_DB-wal" "$SAFEPLAN_DB-shm"
    sp init
    sp authority add tb --name Torbay
}

# fingerprint FILE...: a checksum of files (missing files count), to show
# that a failed command changed nothing. An empty file counts as missing:
# safeplan keeps a database's -wal file between commands (persistent WAL),
# so a command that only read may leave an empty one where the sqlite3
# shell, closing last, had deleted it; an empty WAL holds nothing.
fingerprint() {
    local f
    for f in "$@"; do
        if [ -s "$f" ]; then sha256sum <"$f"; else echo "absent $f"; fi
    done | sha256sum
}

# refused TEXT ARGS...: exit 1, TEXT on stderr, nothing on stdout, and the
# database $DB (and its WAL) unchanged, byte for byte (sha256). Scripts
# whose refusals differ define their own.
refused() {
    local text=$1 before; shift
    before=$(fingerprint "$DB" "$DB-wal")
    run "$@"
    expect_status 1; expect_err "$text"; expect_no_out
    expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged after: $*"
}

# readme_block HEADING: runs the first ```text block under the README's
# heading HEADING, each "$ safeplan ..." line in turn in the current
# directory, and fails unless each prints (stdout and stderr) exactly the
# lines under it.
readme_block() {
    awk -v h="$1" '$0 == h {s=1} s&&/^```text/{b=1; next} b&&/^```/{exit} b' \
        "$SP_SOURCE_DIR/README.md" >block
    python3 - "$SAFEPLAN_BIN" block <<'PY'
import shlex, subprocess, sys
binary, lines = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().splitlines()
steps, bad = [], 0
for line in lines:
    if line.startswith("$ "):
        steps.append((line[2:], []))
    else:
        steps[-1][1].append(line)
for cmd, want in steps:
    argv = shlex.split(cmd)
    assert argv[0] == "safeplan"
    got = subprocess.run([binary] + argv[1:], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True).stdout.splitlines()
    if got != want:
        bad += 1
        print(f"README: {cmd}\n  want {want}\n  got  {got}", file=sys.stderr)
sys.exit(1 if bad or not steps else 0)
PY
}

# readme_import PARAGRAPH TODAY ARGS...: the first ```text block after the
# README's line that starts with PARAGRAPH shows `safeplan ARGS`, run from
# the source directory on day TODAY: its output, then its notes (standard
# error). Fails unless the run prints exactly those.
readme_import() {
    local para=$1 today=$2
    shift 2
    awk -v p="$para" 'index($0, p) == 1 {s=1} s&&/^```text/{b=1; next} b&&/^```/{exit} b' \
        "$SP_SOURCE_DIR/README.md" >block
    grep -v '^\$ \|^safeplan import: note:' block >want.out
    grep '^safeplan import: note:' block >want.err
    (cd "$SP_SOURCE_DIR" && SAFEPLAN_TODAY=$today "$SAFEPLAN_BIN" "$@") >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status 0
    [ -s want.out ] && diff -u want.out "$OUT" >&2 && ok || bad "README stdout differs"
    [ -s want.err ] && diff -u want.err "$ERR" >&2 && ok || bad "README stderr differs"
}

finish() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}

# start_server [ARGS...]: `safeplan serve` on a free loopback port, with
# ARGS, logging to $WORK/serve.log; sets SERVER (its pid) and BASE (its
# address), stops it when the script exits, and exits if it did not start.
start_server() {
    "$SAFEPLAN_BIN" serve --listen 127.0.0.1:0 "$@" 2>"$WORK/serve.log" &
    SERVER=$!
    trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
    for _ in $(seq 50); do grep -q "serving on" "$WORK/serve.log" && break; sleep 0.1; done
    BASE=$(sed -n 's|.*serving on \(http://[^ ]*\)/ .*|\1|p' "$WORK/serve.log")
    [ -n "$BASE" ] || { echo "server did not start"; cat "$WORK/serve.log"; exit 1; }
}

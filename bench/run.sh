#!/usr/bin/env bash
# bench/run.sh — safeplan at national scale, side by side with the sqlite3
# shell. See bench/README.md for what is measured and how to read it.
usage() {
    cat <<'EOF'
Usage: bench/run.sh [--actions N] [--updates N] [--rounds N] [--in-a-row N]
                    [--authorities N] [--as-of DATE] [--smoke] [--bin PATH]
                    [--work DIR] [--keep] [--only LIST]

Generates a synthetic national plan and times safeplan against the sqlite3
shell doing the same work, interleaved (A B, then B A, ...) over several
rounds; prints medians, ratios and peak RSS as a Markdown table.

  --actions N      actions in the plan (default 1000000)
  --updates N      progress updates in the database used for reports, export
                   and updates (default 3 per action)
  --rounds N       rounds of each A/B pair (default 5)
  --in-a-row N     updates run one after another, one process each, per round
                   (default 1000)
  --authorities N  councils (default 150), each with 3-9 reviews
  --as-of DATE     the day reports are for and updates are dated (default
                   2017-07-01; the generated plan runs from 2011 to 2018)
  --smoke          a quick run: 20000 actions, 2 rounds, 50 updates in a row
                   (options after --smoke override these)
  --bin PATH       the safeplan binary to time (default: build it in Release,
                   -O2, in build-bench/ next to this directory)
  --work DIR       where files go (default: $TMPDIR or /tmp, safeplan-bench);
                   generated CSV files there are reused when their size
                   parameters match
  --keep           keep DIR's databases and outputs afterwards (the CSV files
                   are always kept for reuse)
  --only LIST      comma-separated subset of:
                   import,overdue,summary,export,filtered,verify,update

Needs python3, the sqlite3 shell and a C compiler (cc, which builds
bench/spawn.c, the timer). Exit status: 0 when every run succeeded and
every baseline produced the same rows as safeplan (the figures themselves
never fail the run), 1 otherwise, 2 for bad options.
EOF
}
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME with a '.' as decimal point

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
TOOL=(python3 "$HERE/tool.py")

ACTIONS=1000000 UPDATES= ROUNDS=5 IN_A_ROW=1000 AUTHORITIES=150 AS_OF=2017-07-01
BIN= WORK="${TMPDIR:-/tmp}/safeplan-bench" KEEP=0 ONLY=import,overdue,summary,export,filtered,verify,update

die() { echo "bench: $*" >&2; exit 1; }
misuse() { echo "bench: $*" >&2; echo "see bench/run.sh --help" >&2; exit 2; }
number() { [[ $2 =~ ^[1-9][0-9]*$ ]] || misuse "$1 needs a positive whole number, not '$2'"; }

while [ $# -gt 0 ]; do
    opt=$1
    case $opt in
    --help | -h) usage; exit 0 ;;
    --smoke) ACTIONS=20000 ROUNDS=2 IN_A_ROW=50; shift; continue ;;
    --keep) KEEP=1; shift; continue ;;
    esac
    [ $# -ge 2 ] || misuse "$opt needs a value (or is unknown)"
    case $opt in
    --actions) number "$opt" "$2"; ACTIONS=$2 ;;
    --updates) number "$opt" "$2"; UPDATES=$2 ;;
    --rounds) number "$opt" "$2"; ROUNDS=$2 ;;
    --in-a-row) number "$opt" "$2"; IN_A_ROW=$2 ;;
    --authorities) number "$opt" "$2"; AUTHORITIES=$2 ;;
    --as-of) [[ $2 =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || misuse "--as-of needs YYYY-MM-DD"
        AS_OF=$2 ;;
    --bin) BIN=$2 ;;
    --work) WORK=$2 ;;
    --only) ONLY=$2 ;;
    *) misuse "unknown option '$opt'" ;;
    esac
    shift 2
done
UPDATES=${UPDATES:-$((3 * ACTIONS))}
for b in ${ONLY//,/ }; do
    [[ " import overdue summary export filtered verify update " == *" $b "* ]] ||
        misuse "--only takes import, overdue, summary, export, filtered, verify or update, not '$b'"
done
for t in python3 sqlite3 cc; do
    command -v "$t" >/dev/null || die "$t is needed (see bench/README.md)"
done
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
RESULTS=$WORK/results.tsv
: >"$RESULTS"
: >"$WORK/checks.txt"
export SAFEPLAN_TODAY=$AS_OF SAFEPLAN_USER="Bench Officer"
unset SAFEPLAN_DB NO_COLOR

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

# ------------------------------------------------------------------ build

if [ -z "$BIN" ]; then
    log "building safeplan (Release, -O2) in $ROOT/build-bench"
    # Warnings are not errors here: a warning that only -O2 shows must not
    # stop a measurement (the Debug build and CI keep -Werror).
    cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release -DSAFEPLAN_TESTS=OFF \
        -DSAFEPLAN_WERROR=OFF >/dev/null
    cmake --build "$ROOT/build-bench" -j1 >"$WORK/build.log" 2>&1 ||
        { tail -20 "$WORK/build.log" >&2; die "the build failed (log: $WORK/build.log)"; }
    BIN=$ROOT/build-bench/safeplan
fi
[ -x "$BIN" ] || die "no safeplan binary at $BIN"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
# The shell writes history only with the chain's hash functions loaded (the
# same work safeplan's triggers do): bench/sqlite3w loads them from beside
# the binary.
export SAFEPLAN_HASH_EXT="$(dirname "$BIN")/safeplan_hash"
sqlite3w() { "$ROOT/bench/sqlite3w" "$@"; }
# The baselines and query plans are made from the product's SQL as it was
# when the binary was built (it is embedded at build time), not as it may
# be edited while the run lasts.
# (A caller timing an older binary with --bin sets SP_BENCH_SQL_DIR to the
# SQL it was built from.)
if [ -z "${SP_BENCH_SQL_DIR:-}" ]; then
    rm -rf "$WORK/sql"
    mkdir -p "$WORK/sql"
    cp "$ROOT"/sql/*.sql "$WORK/sql/"
    export SP_BENCH_SQL_DIR=$WORK/sql
fi

# ------------------------------------------------------------------ timing

# bench/spawn.c times each command: built here, with the machine's C
# compiler, into the work directory.
SPAWN=$WORK/spawn
cc -O2 -o "$SPAWN" "$ROOT/bench/spawn.c" || die "cannot build bench/spawn.c"

# measure BENCH TOOL ROUND OUT CMD...: runs CMD with stdout to OUT, and
# appends "BENCH TOOL ROUND wall_seconds cpu_seconds peak_rss_kib" to the
# results. spawn takes the wall time from the start of CMD to its end,
# nothing of the harness's own starts; CPU is user + system time of CMD and
# its children to the microsecond (on a busy machine it drifts less than
# wall time); the peak RSS is that of the largest process waited for.
measure() {
    local bench=$1 tool=$2 round=$3 out=$4 wall cpu rss
    shift 4
    if ! "$SPAWN" "$out" "$WORK/.err" "$@" >"$WORK/.rss"; then
        cat "$WORK/.err" >&2
        die "$bench: $tool failed: $*"
    fi
    read -r wall cpu rss <"$WORK/.rss"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$bench" "$tool" "$round" "$wall" "$cpu" "$rss" \
        >>"$RESULTS"
}

# pair BENCH ROUND A-FUNCTION B-FUNCTION: runs both, A first in odd rounds
# and B first in even ones, so that neither always runs on a warmer cache.
pair() {
    if [ $(($2 % 2)) -eq 1 ]; then "$3" "$2"; "$4" "$2"; else "$4" "$2"; "$3" "$2"; fi
}

# same KIND OURS THEIRS: the baseline must give safeplan's rows, or the
# comparison means nothing.
same() {
    "${TOOL[@]}" same "$@" | tee -a "$WORK/checks.txt" >&2 ||
        die "$1: the sqlite3 baseline does not produce safeplan's rows"
}

warm() { cat "$@" >/dev/null; }

# ------------------------------------------------------------------ data

{
    echo "machine: $(uname -srm); $(nproc) CPUs: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "sqlite3 shell: $(sqlite3 --version | cut -d' ' -f1-2); safeplan: $("$BIN" --version)"
    if git -C "$ROOT" rev-parse --short HEAD >/dev/null 2>&1; then
        echo "source: commit $(git -C "$ROOT" rev-parse --short HEAD) at $(date -u +%FT%TZ)," \
            "$(git -C "$ROOT" status --porcelain --untracked-files=no | wc -l) files modified"
    fi
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$WORK/machine.txt"

gen() { # gen STYLE TEXT FILE
    if [ ! -s "$3" ]; then
        log "generating $3"
        python3 "$HERE/gen.py" --actions "$ACTIONS" --authorities "$AUTHORITIES" \
            --as-of "$AS_OF" --style "$1" --text "$2" "$3.tmp" 2>"$3.counts"
        mv "$3.tmp" "$3"
    fi
}
EXPORT_CSV=$WORK/plan-export-$ACTIONS-$AUTHORITIES-$AS_OF.csv
COUNCIL_CSV=$WORK/plan-council-$ACTIONS-$AUTHORITIES-$AS_OF.csv
gen export long "$EXPORT_CSV"
wants import && gen council lean "$COUNCIL_CSV"
log "plan: $(cat "$EXPORT_CSV.counts")"

# ------------------------------------------------------------------ 1. import

import_a() {
    rm -f "$WORK/a.db" "$WORK/a.db-wal" "$WORK/a.db-shm"
    "$BIN" --db "$WORK/a.db" init >/dev/null
    measure "$IMPORT_BENCH" safeplan "$1" "$WORK/a.out" "$BIN" --db "$WORK/a.db" import "$CSV"
}
import_b() {
    rm -f "$WORK/b.db"
    measure "$IMPORT_BENCH" sqlite3 "$1" "$WORK/b.out" sqlite3 -batch "$WORK/b.db" \
        ".import --csv $CSV flat"
}
import_check() {
    local a b
    a=$(sqlite3 "$WORK/a.db" "SELECT count(*) FROM action")
    b=$(sqlite3 "$WORK/b.db" "SELECT count(*) FROM flat")
    [ "$a" = "$ACTIONS" ] && [ "$b" = "$ACTIONS" ] ||
        die "$IMPORT_BENCH: expected $ACTIONS rows, safeplan has $a actions, sqlite3 $b rows"
    echo "$IMPORT_BENCH: $ACTIONS actions and $ACTIONS flat rows" | tee -a "$WORK/checks.txt" >&2
}

BASE=$WORK/base.db
rm -f "$BASE" "$BASE-wal" "$BASE-shm"
if wants import; then
    for style in export council; do
        if [ $style = export ]; then
            CSV=$EXPORT_CSV IMPORT_BENCH="import (export format)"
        else
            CSV=$COUNCIL_CSV IMPORT_BENCH="import (council sheet)"
        fi
        warm "$CSV"
        log "$IMPORT_BENCH: $(du -h "$CSV" | cut -f1), $ROUNDS rounds"
        for r in $(seq 1 "$ROUNDS"); do
            pair "$IMPORT_BENCH" "$r" import_a import_b
            if [ "$r" -eq 1 ]; then import_check; fi
        done
        if [ $style = export ]; then mv "$WORK/a.db" "$BASE"; fi
    done
fi

# The database for reports, export and updates: the export-format plan
# imported by safeplan, then its history brought up to UPDATES updates.
if [ ! -s "$BASE" ]; then
    log "importing the plan for the other benchmarks"
    "$BIN" --db "$BASE" init >/dev/null
    "$BIN" --db "$BASE" import "$EXPORT_CSV" >/dev/null 2>&1 || die "import failed"
fi
log "adding progress updates up to $UPDATES"
t0=$EPOCHREALTIME
"${TOOL[@]}" sql bench/add_updates total="$UPDATES" >"$WORK/add_updates.sql"
sqlite3w -batch "$BASE" ".read $WORK/add_updates.sql"
t1=$EPOCHREALTIME
n_updates=$(sqlite3 "$BASE" "SELECT count(*) FROM action_update")
echo "database: $ACTIONS actions, $n_updates progress updates ($(du -h "$BASE" | cut -f1));" \
    "updates added with sqlite3 in $(((${t1/./} - ${t0/./}) / 1000)) ms" >>"$WORK/machine.txt"
log "$(tail -1 "$WORK/machine.txt")"

# settled: the library leaves out the parts of a report that rebuild actions
# updated after the report's date when there are none (report/settled), and
# the baseline leaves them out too, so that both run the same statement.
PARAMS=(as_of="$AS_OF" amber_days="$(sqlite3 "$BASE" "SELECT value FROM setting WHERE key = 'rag.amber_days'")"
        stale_days="$(sqlite3 "$BASE" "SELECT value FROM setting WHERE key = 'rag.stale_days'")"
        settled="$(sqlite3 "$BASE" "SELECT NOT EXISTS (SELECT 1 FROM action WHERE last_update_on > '$AS_OF')")")

# ------------------------------------------------------------------ 2-4. reads

# read_bench NAME QUERY SAFEPLAN-ARGS...: safeplan's command against the
# sqlite3 shell running QUERY (see tool.py sql) in CSV mode.
read_bench() {
    local name=$1 query=$2
    shift 2
    READ_ARGS=("$@") READ_NAME=$name READ_SQL=$WORK/${query//\//-}.sql
    "${TOOL[@]}" sql "$query" "${PARAMS[@]}" >"$READ_SQL"
    warm "$BASE"
    log "$name: $ROUNDS rounds"
    for r in $(seq 1 "$ROUNDS"); do
        pair "$name" "$r" read_a read_b
        if [ "$r" -eq 1 ]; then same "$name" "$WORK/a.out" "$WORK/b.out"; fi
    done
}
read_a() { measure "$READ_NAME" safeplan "$1" "$WORK/a.out" "$BIN" --db "$BASE" "${READ_ARGS[@]}"; }
read_b() {
    measure "$READ_NAME" sqlite3 "$1" "$WORK/b.out" sqlite3 -batch -csv -header "$BASE" \
        ".read $READ_SQL"
}

wants overdue && read_bench "overdue --format csv" report/overdue \
    overdue --as-of "$AS_OF" --format csv
if wants summary; then
    # Against the product's own query, and against the plain GROUP BY one
    # would write (bench/sql/summary.sql): same rows either way.
    read_bench "summary --by theme" report/summary_theme \
        summary --group-by theme --as-of "$AS_OF" --format csv
    read_bench "summary --by theme (vs plain GROUP BY)" bench/summary \
        summary --group-by theme --as-of "$AS_OF" --format csv
fi
wants export && read_bench "export" export/rows export --as-of "$AS_OF"

# ------------------------------------------------------------------ 4b. filtered

# The lists a manager (and the web service) asks for: one owner's, one
# authority's, review's or finding's overdue actions, stale actions, and
# summaries narrowed by a filter; each against the same filtered query in
# the shell (tool.py sql QUERY?FILTERS expands the filters as the library
# does). Target: 10 ms each. The values are picked from the plan: the owner
# with the most overdue actions, that owner's authority, one of its
# reviews, a finding with overdue actions.

# filtered_bench NAME QUERY KEY=VALUE... -- SAFEPLAN-ARGS...
filtered_bench() {
    local name=$1 query=$2 extra=()
    shift 2
    while [ "$1" != "--" ]; do extra+=("$1"); shift; done
    shift
    READ_ARGS=("$@") READ_NAME=$name READ_SQL=$WORK/filtered.sql
    "${TOOL[@]}" sql "$query" "${PARAMS[@]}" "${extra[@]}" >"$READ_SQL"
    log "$name: $ROUNDS rounds"
    for r in $(seq 1 "$ROUNDS"); do
        pair "$name" "$r" read_a read_b
        # "web: ..." and "table: ..." figures are informative: not the same
        # output.
        if [ "$r" -eq 1 ] && [ "${name#web: }" = "$name" ] && [ "${name#table: }" = "$name" ]; then
            same "$name" "$WORK/a.out" "$WORK/b.out"
        fi
    done
}

if wants filtered; then
    one() { sqlite3 -batch -noheader "$BASE" "$1"; }
    OWNER=$(one "SELECT owner_id FROM action WHERE status IN ('not_started', 'in_progress')
                 AND due_on < '$AS_OF' GROUP BY owner_id ORDER BY count(*) DESC, owner_id LIMIT 1")
    AUTH=$(one "SELECT r.authority_id FROM action x JOIN finding f ON f.id = x.finding_id
                JOIN review r ON r.id = f.review_id WHERE x.owner_id = $OWNER LIMIT 1")
    REVIEW=$(one "SELECT id FROM review WHERE authority_id = $AUTH ORDER BY id LIMIT 1")
    FINDING=$(one "SELECT finding_id FROM action WHERE status IN ('not_started', 'in_progress')
                   AND due_on < '$AS_OF' ORDER BY id LIMIT 1")
    CUTOFF=$(one "SELECT date('$AS_OF', '-' || (SELECT value FROM setting
                                               WHERE key = 'rag.stale_days') || ' days')")
    log "filtered by owner $OWNER, authority $AUTH, review $REVIEW, finding $FINDING"
    warm "$BASE"
    filtered_bench "filtered: overdue --owner" "report/overdue?owner" owner_id="$OWNER" -- \
        overdue --as-of "$AS_OF" --owner "$OWNER" --format csv
    filtered_bench "filtered: overdue --authority" "report/overdue?authority" \
        authority_id="$AUTH" -- overdue --as-of "$AS_OF" --authority "$AUTH" --format csv
    # The same list as a manager reads it at a terminal: an aligned table
    # of 100 columns (COLUMNS; src/cli/output.c), against the shell's CSV.
    COLUMNS=100 filtered_bench "table: overdue --authority" "report/overdue?authority" \
        authority_id="$AUTH" -- overdue --as-of "$AS_OF" --authority "$AUTH"
    filtered_bench "filtered: overdue --review" "report/overdue?review" review_id="$REVIEW" -- \
        overdue --as-of "$AS_OF" --review "$REVIEW" --format csv
    filtered_bench "filtered: overdue --finding" "report/overdue?finding" \
        finding_id="$FINDING" -- overdue --as-of "$AS_OF" --finding "$FINDING" --format csv
    filtered_bench "filtered: overdue --authority --owner" "report/overdue?authority,owner" \
        authority_id="$AUTH" owner_id="$OWNER" -- \
        overdue --as-of "$AS_OF" --authority "$AUTH" --owner "$OWNER" --format csv
    filtered_bench "filtered: stale --owner" "report/stale?owner" owner_id="$OWNER" \
        cutoff="$CUTOFF" -- stale --as-of "$AS_OF" --owner "$OWNER" --format csv
    filtered_bench "filtered: summary --by theme --owner" "report/summary_theme?owner" \
        owner_id="$OWNER" -- summary --group-by theme --as-of "$AS_OF" --owner "$OWNER" --format csv
    filtered_bench "filtered: summary --by owner --authority" "report/summary?authority" \
        authority_id="$AUTH" by=owner -- \
        summary --group-by owner --as-of "$AS_OF" --authority "$AUTH" --format csv
    # A council's summary as its committee reads it: by theme (the default).
    filtered_bench "filtered: summary --by theme --authority" "report/summary_theme?authority" \
        authority_id="$AUTH" -- summary --group-by theme --as-of "$AS_OF" --authority "$AUTH" \
        --format csv
    # A clerk's export of one owner's actions, or one council's (the web's
    # download): each filter narrows the walk in reference order (by_ref).
    filtered_bench "filtered: export --owner" "export/rows?owner" owner_id="$OWNER" -- \
        export --as-of "$AS_OF" --owner "$OWNER"
    filtered_bench "filtered: export --authority" "export/rows?authority" \
        authority_id="$AUTH" -- export --as-of "$AS_OF" --authority "$AUTH"
    # The web service's pages (src/web/pages_plan.c): a page of "My
    # actions" is one owner's actions; the overdue page is one authority's
    # overdue list (above); a summary of one authority by owner (above).
    filtered_bench "filtered: action list --owner (web: My actions)" "action/list?owner" \
        owner_id="$OWNER" -- action list --owner "$OWNER" --format csv
    filtered_bench "filtered: summary --by status --review (web)" "report/summary?review" \
        review_id="$REVIEW" by=status -- summary --group-by status --as-of "$AS_OF" --review "$REVIEW" \
        --format csv
    # Every owner with a count of their open actions (`owner list`): a
    # range of action_open_owner per owner, no action's row read (1.2 s when a bulk load's index order led SQLite
    # to action_owner; bench/RESULTS.md, 5 December 2026, session 8).
    filtered_bench "list: owner list" "owner/list" -- owner list --format csv
    # The web service's action page: the action, its RAG and history
    # (safeplan), against the shell reading the action's row alone.
    ACTION=$(one "SELECT id FROM action WHERE finding_id = $FINDING ORDER BY id LIMIT 1")
    filtered_bench "web: action page (action show)" "action/get" id="$ACTION" -- \
        action show "$ACTION" --as-of "$AS_OF"
fi

# ------------------------------------------------------------------ 4c. verify

# `safeplan verify` of the whole history (every ledger entry rehashed and
# chained, every entry chained, every action's state replayed), against
# the shell doing the same work with the same hash functions
# (bench/sqlite3w): the chain walk with each entry's hash and the chain
# hash recomputed (lag() gives the previous link), and the library's own
# unchained, state, places and settings queries. Output: counts of what
# fails (0 0 0 0 0).
if wants verify; then
    query() { "${TOOL[@]}" sql "$1" | sed '/^\.parameter/d; s/;[[:space:]]*$//'; }
    {
        echo "WITH w AS ("
        query chain/walk
        echo ") SELECT count(*) FROM (SELECT entry_hash, chain_hash, now_hash,"
        echo "  sp_chain_hash(lag(chain_hash) OVER (ORDER BY seq), now_hash, chained_at) AS want"
        echo "  FROM w) WHERE now_hash IS NOT entry_hash OR want IS NOT chain_hash;"
        echo "SELECT count(*) FROM ("; query chain/unchained; echo ");"
        echo "SELECT count(*) FROM ("; query chain/state; echo ");"
        echo "SELECT count(*) FROM ("; query chain/places; echo ");"
        echo ".parameter init"
        echo ".parameter set :amber_default 28"
        echo ".parameter set :stale_default 60"
        echo ".parameter set :grace_default 7"
        echo "SELECT count(*) FROM ("; query chain/settings; echo ");"
    } >"$WORK/verify.sql"
    verify_a() { measure "verify" safeplan "$1" "$WORK/a.out" "$BIN" --db "$BASE" verify; }
    verify_b() {
        measure "verify" sqlite3 "$1" "$WORK/b.out" "$ROOT/bench/sqlite3w" -batch "$BASE" \
            ".read $WORK/verify.sql"
    }
    log "verify: $ROUNDS rounds"
    for r in $(seq 1 "$ROUNDS"); do
        pair "verify" "$r" verify_a verify_b
        if [ "$r" -eq 1 ]; then
            [ "$(tr '\n' ' ' <"$WORK/b.out")" = "0 0 0 0 0 " ] && grep -c '^ok' "$WORK/a.out" |
                grep -qx 5 || die "verify: expected a clean history on both sides"
            echo "verify: both sides find the history intact" | tee -a "$WORK/checks.txt" >&2
        fi
    done
fi

# ------------------------------------------------------------------ 5. updates

# Actions that may take an update dated AS_OF (started by then), spread
# over the plan; each update goes to a different action.
if wants update; then
    singles=$((3 * ROUNDS)) # one update is quick and noisy: three pairs a round
    need=$((singles + ROUNDS * IN_A_ROW))
    sqlite3 "$BASE" "SELECT id FROM action WHERE start_on <= '$AS_OF'
                     ORDER BY (id * 7919) % 1000003 LIMIT $need" >"$WORK/ids.txt"
    [ "$(wc -l <"$WORK/ids.txt")" -eq "$need" ] || die "not enough started actions for updates"
    NOTE="Bench: progress noted at the monthly board."
    update_a() {
        measure "one update" safeplan "$1" "$WORK/a.out" "$BIN" --db "$BASE" action update \
            "$(sed -n "${1}p" "$WORK/ids.txt")" --note "$NOTE"
    }
    # The shell keeps the WAL as safeplan does (persistent, no checkpoint
    # on close), so both sides do the same I/O: one commit's syncs.
    SHELL_WAL=(-cmd ".filectrl persist_wal 1" -cmd ".dbconfig no_ckpt_on_close on")
    update_b() { # the same row, written by hand: no checks, no lookups
        measure "one update" sqlite3 "$1" "$WORK/b.out" "$ROOT/bench/sqlite3w" -batch "${SHELL_WAL[@]}" "$BASE" \
            "INSERT INTO action_update (action_id, on_date, author, note)
             VALUES ($(sed -n "${1}p" "$WORK/ids.txt"), '$AS_OF', '$SAFEPLAN_USER', '$NOTE')"
    }
    many_a() {
        sed -n "$((singles + 1 + ($1 - 1) * IN_A_ROW)),+$((IN_A_ROW - 1))p" "$WORK/ids.txt" \
            >"$WORK/batch.txt"
        measure "$IN_A_ROW updates in a row" safeplan "$1" "$WORK/a.out" \
            xargs -a "$WORK/batch.txt" -I{} "$BIN" --db "$BASE" action update {} --note "$NOTE"
    }
    many_b() {
        sed -n "$((singles + 1 + ($1 - 1) * IN_A_ROW)),+$((IN_A_ROW - 1))p" "$WORK/ids.txt" \
            >"$WORK/batch.txt"
        measure "$IN_A_ROW updates in a row" sqlite3 "$1" "$WORK/b.out" \
            xargs -a "$WORK/batch.txt" -I{} "$ROOT/bench/sqlite3w" -batch "${SHELL_WAL[@]}" "$BASE" \
            "INSERT INTO action_update (action_id, on_date, author, note)
             VALUES ({}, '$AS_OF', '$SAFEPLAN_USER', '$NOTE')"
    }
    before=$(sqlite3 "$BASE" "SELECT count(*) FROM action_update")
    log "one update, and $IN_A_ROW in a row: $ROUNDS rounds"
    for r in $(seq 1 "$singles"); do pair "one update" "$r" update_a update_b; done
    for r in $(seq 1 "$ROUNDS"); do pair "$IN_A_ROW updates in a row" "$r" many_a many_b; done
    after=$(sqlite3 "$BASE" "SELECT count(*) FROM action_update")
    [ $((after - before)) -eq $((2 * need)) ] ||
        die "updates: expected $((2 * need)) new progress updates, found $((after - before))"
    echo "updates: $((2 * need)) progress updates appended, as expected" |
        tee -a "$WORK/checks.txt" >&2
fi

# ------------------------------------------------------------------ report

# The query plans, with safeplan's own SQL (functions stubbed) and the
# baselines' inlined text: they must use the same indexes.
{
    for q in report/overdue export/rows; do
        echo "### $q (safeplan)"
        "${TOOL[@]}" eqp "$BASE" "$q" "${PARAMS[@]}"
        echo "### $q (baseline, CASE expressions)"
        "${TOOL[@]}" eqp "$BASE" "$q" --inline "${PARAMS[@]}"
    done
    echo "### report/summary_theme (safeplan summary --by theme)"
    "${TOOL[@]}" eqp "$BASE" report/summary_theme "${PARAMS[@]}"
    echo "### report/summary_theme (baseline, CASE expressions)"
    "${TOOL[@]}" eqp "$BASE" report/summary_theme --inline "${PARAMS[@]}"
    echo "### bench/summary (baseline: the plain GROUP BY)"
    "${TOOL[@]}" eqp "$BASE" bench/summary --inline "${PARAMS[@]}"
} >"$WORK/eqp.txt" 2>&1 || log "EXPLAIN QUERY PLAN failed: see $WORK/eqp.txt"

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/machine.txt"
{
    cat "$WORK/machine.txt"
    echo "plan: $(cat "$EXPORT_CSV.counts"); export-format CSV $(du -h "$EXPORT_CSV" | cut -f1)" \
        "($((($(stat -c %s "$EXPORT_CSV") + ACTIONS / 2) / ACTIONS)) bytes a row)"
    if [ -s "$COUNCIL_CSV" ]; then
        echo "council-sheet CSV $(du -h "$COUNCIL_CSV" | cut -f1)" \
            "($((($(stat -c %s "$COUNCIL_CSV") + ACTIONS / 2) / ACTIONS)) bytes a row)"
    fi
    echo "rounds: $ROUNDS (medians; ratio = safeplan median / sqlite3 median)"
    echo
    "${TOOL[@]}" table "$RESULTS"
    echo
    echo "Checks:"
    sed 's/^/  /' "$WORK/checks.txt"
} | tee "$WORK/summary.md"
rm -f "$WORK/checks.txt"
if [ "$KEEP" -eq 0 ]; then
    rm -f "$WORK"/*.db "$WORK"/*.db-* "$WORK"/*.out "$WORK/batch.txt" "$WORK/ids.txt"
fi

#!/usr/bin/env bash
# Crash safety (issue #6): SIGKILL in the middle of a large import, a bulk
# reassign and an export. Afterwards PRAGMA integrity_check is ok and the
# database holds exactly the state before or exactly the state after the
# command — never a part. The "after" state comes from running the same
# command to completion on a copy of the same starting file.
#
# Making sure the kill lands mid-transaction: SQLite writes a transaction's
# pages to the -wal file as its page cache fills, long before the commit.
# The test watches the -wal and kills the process once it has grown past a
# threshold while the process is still running, then requires that the
# database came back in the BEFORE state — which can only happen if the
# written frames were uncommitted. If the command committed first (a very
# fast machine), it retries with a lower threshold; a kill that never lands
# mid-transaction in 6 tries fails the test. Other kills at fixed delays
# check "before or after, never a part" wherever they land.
# valgrind: skip
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-07-01
ROWS=${SP_CRASH_ROWS:-40000}
: >"$OUT"; : >"$ERR"

# plan_csv FILE N OWNER CODE: N open actions of OWNER, 10 per finding.
plan_csv() {
    awk -v n="$2" -v owner="$3" -v code="$4" 'BEGIN {
        printf "authority,authority_name,review,review_kind,review_title,finding_ref,"
        printf "finding_kind,theme,finding,action_ref,action,owner,due_on,status\r\n"
        for (i = 1; i <= n; i++)
            printf "%s,Bulk Council,r1,other,Bulk review,%d,recommendation,Theme," \
                   "Finding %d,%d,\"Action %d: \"\"quoted\"\", with a comma\",%s,2017-03-31," \
                   "in_progress\r\n", code, int((i - 1) / 10) + 1, int((i - 1) / 10) + 1,
                   (i - 1) % 10 + 1, i, owner
    }' >"$1"
}

# state DB: a checksum of everything the commands change, leaving out the
# clock columns (created_at, updated_at, recorded_at) that differ per run.
state() {
    sqlite3 -batch -noheader "$1" "
        SELECT id, code, name, kind FROM authority ORDER BY id;
        SELECT id, authority_id, ref, kind, title FROM review ORDER BY id;
        SELECT id, review_id, ref, kind, theme, text FROM finding ORDER BY id;
        SELECT id, name, team FROM owner ORDER BY id;
        SELECT id, finding_id, ref, description, owner_id, start_on, original_due_on,
               due_on, status, measure, last_update_on, transferred_to, rag_override
        FROM action ORDER BY id;
        SELECT id, action_id, on_date, author, note, old_status, new_status, old_due_on,
               new_due_on, old_owner_id, new_owner_id, transferred_to, reason
        FROM action_update ORDER BY id;" | sha256sum | cut -c1-16
}

integrity() { sqlite3 -batch -noheader "$1" "PRAGMA integrity_check; PRAGMA foreign_key_check;"; }

# kill_when_wal DB THRESHOLD ARGS...: runs safeplan on DB, SIGKILLs it once
# DB-wal exceeds THRESHOLD bytes. Sets KILLED=yes if it was killed while
# running, and WAL_AT_KILL to the -wal size then.
kill_when_wal() {
    local db=$1 threshold=$2 pid size=0; shift 2
    KILLED=no WAL_AT_KILL=0
    "$SAFEPLAN_BIN" --db "$db" "$@" >/dev/null 2>&1 </dev/null &
    pid=$!
    while kill -0 $pid 2>/dev/null; do
        size=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
        if [ "$size" -gt "$threshold" ]; then
            kill -9 $pid 2>/dev/null && KILLED=yes WAL_AT_KILL=$size
            break
        fi
        sleep 0.005
    done
    wait $pid 2>/dev/null
}

# kill_after DB SECONDS ARGS...: SIGKILLs safeplan after a fixed delay.
kill_after() {
    local db=$1 delay=$2 pid; shift 2
    "$SAFEPLAN_BIN" --db "$db" "$@" >/dev/null 2>&1 </dev/null &
    pid=$!
    sleep "$delay"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
}

# crash_case NAME BASE ARGS...: the mid-transaction kill and the fixed-delay
# kills of one command, run on copies of BASE.
crash_case() {
    local name=$1 base=$2; shift 2
    local before after threshold landed=no outcome f
    before=$(state "$base")
    cp "$base" ref.db
    local t0 took
    t0=$(date +%s%N)
    "$SAFEPLAN_BIN" --db ref.db "$@" >/dev/null 2>"$ERR" </dev/null
    STATUS=$?
    took=$(( ($(date +%s%N) - t0) / 1000000 ))
    expect_status 0
    after=$(state ref.db)
    [ "$before" != "$after" ] && ok || bad "$name changed nothing: the test cannot tell states apart"

    threshold=4000000
    for attempt in 1 2 3 4 5 6; do
        rm -f victim.db victim.db-wal victim.db-shm
        cp "$base" victim.db
        kill_when_wal victim.db $threshold "$@"
        outcome=$(state victim.db)
        if [ "$KILLED" = yes ] && [ "$outcome" = "$before" ]; then
            landed=yes
            echo "$name: killed mid-transaction on try $attempt, -wal at $WAL_AT_KILL bytes"
            break
        fi
        threshold=$((threshold / 4))
    done
    expect_eq "$landed" "yes" "$name: a SIGKILL landed mid-transaction (-wal at $WAL_AT_KILL bytes, uncommitted)"
    expect_eq "$(integrity victim.db)" "ok" "$name: integrity after the mid-transaction kill"
    expect_eq "$(state victim.db)" "$before" "$name: the state before, after the mid-transaction kill"
    # The next command recovers and works, and the command can simply be rerun.
    run --db victim.db summary
    expect_status 0
    "$SAFEPLAN_BIN" --db victim.db "$@" >/dev/null 2>&1 </dev/null
    expect_eq "$(state victim.db)" "$after" "$name: rerun after the crash gives the state after"

    # Kills spread over the command's run time (measured above), the last
    # ones late enough to land after the commit.
    for pct in 10 40 70 100 200; do
        delay=$(awk -v ms="$took" -v p="$pct" 'BEGIN { printf "%.3f", ms * p / 100000 }')
        rm -f victim.db victim.db-wal victim.db-shm
        cp "$base" victim.db
        kill_after victim.db $delay "$@"
        outcome=$(state victim.db)
        expect_eq "$(integrity victim.db)" "ok" "$name: integrity after a kill at ${delay}s"
        echo "$name: killed at ${delay}s of ${took}ms: $( [ "$outcome" = "$before" ] && echo before ||
            { [ "$outcome" = "$after" ] && echo after || echo PARTIAL; })"
        if [ "$outcome" = "$before" ] || [ "$outcome" = "$after" ]; then ok; else
            bad "$name: killed at ${delay}s, the database is neither before nor after"
        fi
    done
}

case_ "C01 SIGKILL in the middle of a large import"
sp init
sp authority add tb --name "Torbay Council"
cp plan.db base-import.db
plan_csv big.csv "$ROWS" "Old Owner" bulk
crash_case "import" base-import.db import big.csv

case_ "C02 SIGKILL in the middle of a bulk reassign"
cp base-import.db base-reassign.db
"$SAFEPLAN_BIN" --db base-reassign.db import big.csv >/dev/null || bad "setup import failed"
crash_case "reassign" base-reassign.db action reassign --from "Old Owner" --to "New Owner" \
    --reason "restructure"

case_ "C03 SIGKILL during export --out never leaves a partial file in place"
"$SAFEPLAN_BIN" --db base-reassign.db export --out full.csv >/dev/null 2>&1
complete=$(sha256sum <full.csv)
for delay in 0.05 0.2 0.5; do
    rm -f part.csv
    kill_after base-reassign.db $delay export --out "$WORK/part.csv"
    if [ ! -e part.csv ] || [ "$(sha256sum <part.csv)" = "$complete" ]; then ok; else
        bad "export killed at ${delay}s left a partial part.csv"
    fi
done
# The temporary file a killed export leaves beside the target is private.
for f in part.csv.*; do
    [ -e "$f" ] || continue
    expect_eq "$(stat -c %a "$f")" "600" "leftover $f mode"
done

finish

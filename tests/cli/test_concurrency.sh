#!/usr/bin/env bash
# Concurrency (issue #6): several processes writing the same database at
# once. Writes take the lock up front (BEGIN IMMEDIATE) and wait for it
# (busy timeout, 10 s), so no "database is locked" or "busy" error may
# reach the user, no update may be lost and the counts must add up.
#   K01 6 writers x 40 `action update` calls on the same 4 actions, with a
#       reader listing and exporting throughout
#   K02 updates, adds and bulk reassigns interleaved: every history entry
#       is there and the numbers agree
#   K03 a lock held past the busy timeout: a clear message, exit 1, no
#       change; a lock held for less: the command waits and succeeds
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-07-01
WRITERS=6 CALLS=40
if [ "${SP_UNDER_VALGRIND:-0}" = 1 ]; then WRITERS=4 CALLS=10; fi
DB=$SAFEPLAN_DB

sp init
sp authority add tb --name "Torbay Council"
sp review add tb r1 --kind other --title "Review"
sp finding add tb/r1 1 --kind recommendation --theme "Theme" --text "Finding"
for i in 1 2 3 4; do
    sp action add tb/r1/1 --title "Action $i" --owner "Owner A" --due 2017-12-31
done
count() { sql "$DB" "$1"; }
mkdir -p logs

# writer W N: N updates, spread over the four actions; logs each failure.
writer() {
    local w=$1 n=$2 i
    for i in $(seq 1 "$n"); do
        "$SAFEPLAN_BIN" action update "tb/r1/1/$(( (i + w) % 4 + 1 ))" \
            --note "writer $w update $i" --percent $(( (i * 7 + w) % 101 )) --by "Writer $w" \
            >/dev/null 2>>"logs/w$w.err" </dev/null || echo "$w $i $?" >>logs/failed
    done
}

# reader: lists, reports and exports until the file stop exists.
reader() {
    local n=0
    until [ -e logs/stop ]; do
        for cmd in "action list --format csv" "overdue" "summary" "export" "action history 1"; do
            # shellcheck disable=SC2086
            "$SAFEPLAN_BIN" $cmd >/dev/null 2>>logs/reader.err </dev/null \
                || echo "reader $cmd $?" >>logs/failed
            n=$((n + 1))
        done
    done
    echo $n >logs/reads
}

case_ "K01 $WRITERS writers x $CALLS updates at once, with a reader"
rm -f logs/*
reader &
rpid=$!
pids=()
for w in $(seq 1 $WRITERS); do writer "$w" "$CALLS" & pids+=($!); done
wait "${pids[@]}"
touch logs/stop
wait $rpid
expect_eq "$(cat logs/failed 2>/dev/null | wc -l)" "0" "failed calls ($(head -3 logs/failed 2>/dev/null))"
expect_eq "$(cat logs/*.err 2>/dev/null | grep -ciE 'locked|busy|try again')" "0" "busy/locked messages"
expect_eq "$(cat logs/*.err 2>/dev/null | wc -c)" "0" "anything on stderr"
expect_eq "$(count 'SELECT count(*) FROM action_update')" "$((WRITERS * CALLS))" "history entries"
# Every update is there exactly once, by its author, on the action it named.
expected=$(for w in $(seq 1 $WRITERS); do for i in $(seq 1 $CALLS); do
    echo "$(( (i + w) % 4 + 1 ))|Writer $w|writer $w update $i"; done; done | sort)
actual=$(count "SELECT action_id || '|' || author || '|' || note FROM action_update" | sort)
expect_eq "$actual" "$expected" "the history holds every update once"
for a in 1 2 3 4; do
    expect_eq "$(count "SELECT last_update_on IS NOT NULL FROM action WHERE id = $a")" "1" "action $a last_update_on"
done
expect_eq "$(count 'PRAGMA integrity_check')" "ok" "integrity"
[ "$(cat logs/reads 2>/dev/null || echo 0)" -gt 0 ] && ok || bad "the reader never ran"

case_ "K02 updates, adds and bulk reassigns interleaved"
rm -f logs/*
before_updates=$(count 'SELECT count(*) FROM action_update')
adder() {
    local i
    for i in $(seq 1 "$CALLS"); do
        "$SAFEPLAN_BIN" action add tb/r1/1 --title "Added $i" --owner "Owner A" --due 2017-12-31 \
            >/dev/null 2>>logs/adder.err </dev/null || echo "add $i $?" >>logs/failed
    done
}
reassigner() {
    local i from to out
    for i in $(seq 1 10); do
        if [ $((i % 2)) = 1 ]; then from="Owner A" to="Owner B"; else from="Owner B" to="Owner A"; fi
        if out=$("$SAFEPLAN_BIN" action reassign --from "$from" --to "$to" 2>>logs/reassign.err </dev/null); then
            echo "$out" | sed -n 's/^reassigned \([0-9]*\) .*/\1/p' >>logs/moved
        else
            echo "reassign $i $?" >>logs/failed
        fi
    done
}
pids=()
writer 1 "$CALLS" & pids+=($!)
writer 2 "$CALLS" & pids+=($!)
adder & pids+=($!)
reassigner & pids+=($!)
wait "${pids[@]}"
moved=$(awk '{ s += $1 } END { print s + 0 }' logs/moved 2>/dev/null)
expect_eq "$(cat logs/failed 2>/dev/null | wc -l)" "0" "failed calls ($(head -3 logs/failed 2>/dev/null))"
expect_eq "$(cat logs/*.err 2>/dev/null | wc -c)" "0" "anything on stderr ($(cat logs/*.err 2>/dev/null | head -2))"
expect_eq "$(wc -l <logs/moved)" "10" "every reassign reported a count"
expect_eq "$(count 'SELECT count(*) FROM action')" "$((4 + CALLS))" "actions"
expect_eq "$(count 'SELECT count(*) FROM action_update')" "$((before_updates + 2 * CALLS + moved))" \
    "history = before + updates + reassigned ($moved)"
expect_eq "$(count "SELECT count(*) FROM action_update WHERE new_owner_id IS NOT NULL")" "$moved" \
    "one owner change logged per action moved"
# The last reassign moved everything back to Owner A.
expect_eq "$(count "SELECT count(*) FROM action a JOIN owner o ON o.id = a.owner_id WHERE o.name <> 'Owner A'")" "0" "owners after an even number of reassigns"
expect_eq "$(count 'PRAGMA integrity_check')" "ok" "integrity"

case_ "K03 a lock held past the busy timeout is reported; a shorter one is waited for"
# lock: another connection takes the write lock and keeps it until unlock
# (a sqlite3 shell fed through a FIFO), so the timing does not depend on how
# fast safeplan starts (under valgrind it takes seconds).
lock() {
    rm -f lock.fifo
    mkfifo lock.fifo
    sqlite3 "$DB" <lock.fifo >/dev/null 2>&1 &
    HOLDER=$!
    exec 7>lock.fifo
    echo "BEGIN IMMEDIATE;" >&7
    for _ in $(seq 1 250); do
        sqlite3 "$DB" "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 || return 0
        sleep 0.02
    done
    bad "the other connection never took the lock"
}
# unlock: commits, and waits for the other connection to close (closing,
# it checkpoints; the sqlite3 shell used for the checks has no busy timeout).
unlock() { echo "COMMIT;" >&7; exec 7>&-; wait $HOLDER; }

lock
{ sleep 2; echo "COMMIT;" >&7; } &
releaser=$!
run action update 1 --note "waited for the lock"
expect_status 0
expect_no_err
wait $releaser
exec 7>&-
wait $HOLDER
expect_eq "$(count "SELECT count(*) FROM action_update WHERE note = 'waited for the lock'")" "1" "the waiting update"
before=$(count 'SELECT count(*) FROM action_update')
lock
run action update 1 --note "gave up"
unlock
expect_status 1
expect_err "starting a transaction: another user held the database for too long; nothing was changed, try again"
expect_no_out
expect_eq "$(count 'SELECT count(*) FROM action_update')" "$before" "nothing written after giving up"

finish

#!/usr/bin/env bash
# Sensitive data (issue #6): the plan names teams, partners and sometimes
# cases, so
#   P01 a new database file is readable by its owner only (0600), even
#       under umask 000;
#   P02 so are the -wal and -shm files SQLite keeps beside it (looked at
#       after killing a long write, when they are left on disk);
#   P03 no command creates or writes any file other than the database, its
#       -wal/-shm/-journal and an output file the user named, opens no
#       socket (syslog), and puts nothing in TMPDIR/SQLITE_TMPDIR — checked
#       with strace, because SQLite unlinks its temporary files as soon as
#       it opens them, so an empty TMPDIR afterwards proves nothing;
#   P04 export --out writes a private file;
#   P05 --help says where the data lives.
# valgrind: skip
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-07-01
umask 000

# big_plan FILE N OWNER: a CSV of N open actions of OWNER (10 per finding).
big_plan() {
    awk -v n="$2" -v owner="$3" 'BEGIN {
        printf "authority,authority_name,review,review_kind,review_title,finding_ref,"
        printf "finding_kind,theme,finding,action_ref,action,owner,due_on,status\r\n"
        for (i = 1; i <= n; i++)
            printf "bulk,Bulk Council,r1,other,Bulk review,%d,recommendation,Theme," \
                   "Finding %d,%d,Confidential action %d,%s,2017-03-31,in_progress\r\n",
                   int((i - 1) / 10) + 1, int((i - 1) / 10) + 1, (i - 1) % 10 + 1, i, owner
    }' >"$1"
}

case_ "P01 init makes a 0600 file under umask 000"
run init
expect_status 0
expect_eq "$(stat -c %a plan.db)" "600" "plan.db mode"
run --db other.db demo
expect_status 0
expect_eq "$(stat -c %a other.db)" "600" "demo's new file mode"

case_ "P02 -wal and -shm are 0600 too"
# Kill a long import once its -wal exists, so the files stay for stat.
big_plan big.csv 60000 "Old Owner"
caught=no
for attempt in 1 2 3 4 5; do
    rm -f wal.db wal.db-wal wal.db-shm
    "$SAFEPLAN_BIN" --db wal.db init >/dev/null 2>&1
    "$SAFEPLAN_BIN" --db wal.db import big.csv >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 2000); do
        [ -s wal.db-wal ] && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.002
    done
    kill -9 $pid 2>/dev/null && wait $pid 2>/dev/null
    if [ -e wal.db-wal ] && [ -e wal.db-shm ]; then caught=yes; break; fi
done
expect_eq "$caught" "yes" "the import was killed while its -wal existed"
expect_eq "$(stat -c %a wal.db-wal 2>/dev/null)" "600" "-wal mode"
expect_eq "$(stat -c %a wal.db-shm 2>/dev/null)" "600" "-shm mode"

case_ "P03 no command writes outside the database (strace)"
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
    echo "skipped P03: strace is missing or not permitted (scripts/install-deps.sh)" >&2
else
    mkdir -p tmp
    export TMPDIR=$WORK/tmp SQLITE_TMPDIR=$WORK/tmp
    rm -f plan.db*
    big_plan bulk.csv 20000 "Old Owner"
    cat >sheet.csv <<'CSV'
Ref,Finding,Action,Lead officer,Timescale,Status,Progress
1,Streamline paperwork,Remove ICS fields,Head of Service,end of July 2017,In progress,Fields listed
CSV
    # traced ARGS...: runs safeplan under strace, appending to trace.txt.
    # LeakSanitizer cannot run under ptrace: in a sanitizer build, leaks are
    # checked by the other tests, not by these traced runs.
    traced() {
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -o trace.part -e trace=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,connect \
            "$SAFEPLAN_BIN" "$@" >/dev/null 2>>traced.err </dev/null
        echo "== $*" >>trace.txt
        cat trace.part >>trace.txt
    }
    : >trace.txt
    traced init
    traced demo
    traced authority add tb --name "Torbay Council"
    traced review add tb r1 --kind other --title "Review"
    traced finding add tb/r1 1 --kind recommendation --theme T --text "Confidential finding"
    traced action add tb/r1/1 --title "Confidential action" --owner "Head of Service" --due 2017-12-31
    traced action update tb/r1/1/1 --status in_progress --note "Confidential note"
    traced import bulk.csv
    traced import sheet.csv --authority tb
    traced action reassign --from "Old Owner" --to "New Owner" --reason "restructure"
    traced action transfer --to "Service plan 2017/18" --authority bulk
    traced action list --format csv
    traced action show tb/r1/1/1
    traced action history tb/r1/1/1 --format json
    traced overdue --format json
    traced due --format csv
    traced stale
    traced summary
    traced config set rag.amber_days 14
    traced export --out "$WORK/out.csv"
    traced export
    traced export --history --out "$WORK/hist.csv"
    traced --db "$WORK/hist.db" import "$WORK/hist.csv"
    # Every opening for writing or creation, every rename/link/mkdir and
    # every socket must be the database's own files or the named output.
    # A new database is built as .plan.db.safeplan-new.XXXXXX and linked to
    # plan.db; an --out file is an unnamed O_TMPFILE in its directory,
    # linked into place through /proc/self/fd; a history import keeps its
    # rows, sealed, in an unnamed O_TMPFILE beside the database (P06).
    allowed="\"($WORK/(\\.(plan|hist)\\.db\\.safeplan-new\\.[A-Za-z0-9]{6}|(plan|hist)\\.db(-wal|-shm|-journal)?|(\\.?out|hist)\\.csv[A-Za-z0-9._-]*)|$WORK/?|/dev/null|/dev/tty)\""
    grep -E 'O_CREAT|O_WRONLY|O_RDWR|O_TMPFILE|creat\(|mkdir|rename|link\(|linkat|symlink|connect\(' trace.txt \
        | grep -vE 'ENOENT|EEXIST' >writes.txt || true  # calls that failed wrote nothing
    offenders=$(sed -E 's/^[0-9]+ +//' writes.txt | grep -vE "^(open|openat)\((AT_FDCWD, )?${allowed}" \
                | grep -vE "^rename(at2?)?\((AT_FDCWD, )?\"$WORK/[^\"]*(out|hist)\\.csv[^\"]*\", (AT_FDCWD, )?\"$WORK/(out|hist)\\.csv\"" \
                | grep -vE "^link\(\"$WORK/\\.(plan|hist)\\.db\\.safeplan-new\\.[A-Za-z0-9]{6}\", \"$WORK/(plan|hist)\\.db\"" \
                | grep -vE "^linkat\(AT_FDCWD, \"/proc/self/fd/[0-9]+\", AT_FDCWD, \"$WORK/(out|hist)\\.csv[^\"]*\"" || true)
    if [ -z "$offenders" ]; then ok; else
        bad "files written outside the database: $(echo "$offenders" | head -5)"
    fi
    expect_eq "$(ls -A tmp | wc -l)" "0" "TMPDIR left empty"
    if grep -q "$WORK/tmp/" trace.txt; then
        bad "a command used TMPDIR: $(grep -E "^== |$WORK/tmp/" trace.txt | grep -B1 "$WORK/tmp/" | head -6)"
    else ok; fi
    unset TMPDIR SQLITE_TMPDIR
fi

case_ "P06 a history import keeps its rows beside the plan, sealed (strace)"
# It replays the rows in the order they were recorded, after reading the
# whole file, so it keeps them on disk, not in memory: in an unnamed file
# beside the database, each row sealed with a key only the process has.
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
    echo "skipped P06: strace is missing or not permitted (scripts/install-deps.sh)" >&2
else
    rm -f h6.db
    big_plan h6-plan.csv 3000 "Head of Service"
    "$SAFEPLAN_BIN" --db h6-src.db import h6-plan.csv >/dev/null
    "$SAFEPLAN_BIN" --db h6-src.db export --history --out h6.csv >/dev/null
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -s 400000 \
        -e trace=openat,pwrite64,write -o h6.trace "$SAFEPLAN_BIN" --db h6.db import h6.csv \
        >h6.out 2>&1
    expect_eq "$?" "0" "the import's status"
    grep -q "imported h6.csv: 3000 rows" h6.out && ok || bad "import said: $(cat h6.out)"
    fd=$(grep -E "openat\(AT_FDCWD, \"$WORK\", O_RDWR\|O_CLOEXEC\|O_TMPFILE, 0600\) = [0-9]+" h6.trace \
         | sed -E 's/.* = ([0-9]+)$/\1/' | head -1)
    if [ -z "$fd" ]; then bad "no unnamed file beside the database: $(grep O_TMPFILE h6.trace)"
    else
        grep -E "^[0-9]+ +pwrite64\($fd, " h6.trace >h6.spill || true
        # 3,000 rows of about 400 bytes: the spill is written, a buffer at a time.
        expect_eq "$( [ "$(wc -c <h6.spill)" -gt 1000000 ] && echo yes)" "yes" "rows written to the spill"
        if grep -qE "Confidential|Head of Service|Bulk Council" h6.spill; then
            bad "plan text in the spill: $(grep -oE '.{20}Confidential.{20}' h6.spill | head -2)"
        else ok; fi
    fi
    expect_eq "$(ls -A "$WORK" | grep -c safeplan-spill)" "0" "no spill file left"
fi

case_ "P04 export --out creates a private file"
run export --out "$WORK/export2.csv"
expect_status 0
expect_eq "$(stat -c %a export2.csv 2>/dev/null)" "600" "export file mode"

case_ "P05 --help says where the data lives"
run --help
expect_status 0
expect_out "--db PATH"
expect_out "SAFEPLAN_DB"
expect_out "./safeplan.db"
expect_out "readable by you only"

case_ "P04 one update costs at most two syncs, and its commit is on disk (strace)"
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
    echo "skipped P04: strace is missing or not permitted (scripts/install-deps.sh)" >&2
else
    rm -f sync.db*
    "$SAFEPLAN_BIN" --db sync.db demo >/dev/null 2>&1
    "$SAFEPLAN_BIN" --db sync.db action update 5 --note "warm" >/dev/null 2>&1
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -o sync.trace \
        -e trace=fsync,fdatasync,sync_file_range,unlink,unlinkat \
        "$SAFEPLAN_BIN" --db sync.db action update 5 --note "synced" >/dev/null 2>&1
    syncs=$(grep -cE '^[0-9]+ +(fsync|fdatasync|sync_file_range)\(' sync.trace)
    [ "$syncs" -ge 1 ] && [ "$syncs" -le 2 ] && ok || bad "expected 1-2 syncs, got $syncs"
    # The WAL is kept between commands (no unlink), and the commit is in it
    # and synced before the command returned: a copy of the files as they
    # are (a crash now) holds the update.
    if grep -qE 'unlink(at)?\(.*sync\.db-wal' sync.trace; then bad "the WAL was deleted"; else ok; fi
    cp sync.db crash.db
    cp sync.db-wal crash.db-wal
    expect_eq "$(sql crash.db "SELECT note FROM action_update ORDER BY id DESC LIMIT 1")" \
        "synced" "the update survives a crash"
fi

finish

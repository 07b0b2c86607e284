#!/usr/bin/env bash
# Reliability under attack (issue #17): no command destroys another's work,
# a file appears only when it is whole, and the holes an attack found stay
# closed. Each case reproduces the attack against the built binary.
#   R01 a failed import into a new path beside a second user's writes
#   R02 two inits racing on one new path
#   R03 import and demo into a new path, SIGKILLed at random moments
#   R04 --out to a device node, a FIFO, a socket, and -
#   R05 demo into a real plan
#   R06 an import from a slow source beside an update
#   R07 "today" is the local date, around both clock changes
#   R08 exports, packs and reports SIGKILLed leave no file behind
#   R09 formula leaders after blanks and in full-width forms, through LibreOffice
#   R10 a world-readable copy: warned on every command, reported by check
#   R11 values the schema forbids, written by hand, named by check
#   R12 a dry run beside a held write lock neither waits nor writes
#   R13 a -wal or -shm owned by someone else is named (needs root)
#   R14 control characters are shown, not obeyed, in tables and show
#   R15 reports on a tampered file count what they cannot rate
# valgrind: skip
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-07-01
KILLS=${SP_RELIABILITY_KILLS:-60}
: >"$OUT"; : >"$ERR"

# plan_csv FILE N [BAD]: N actions in export form; with BAD, the last row
# has an impossible due date so the import fails at its very end.
plan_csv() {
    awk -v n="$2" -v bad="${3:-}" 'BEGIN {
        printf "authority,authority_name,review,review_kind,review_title,finding_ref,"
        printf "finding_kind,theme,finding,action_ref,action,owner,due_on,status\r\n"
        for (i = 1; i <= n; i++)
            printf "bulk,Bulk Council,r1,other,Bulk review,%d,recommendation,Theme,Finding %d," \
                   "%d,Action %d,Head of Service,%s,in_progress\r\n", int((i - 1) / 10) + 1,
                   int((i - 1) / 10) + 1, (i - 1) % 10 + 1, i,
                   (bad != "" && i == n) ? "2017-02-30" : "2017-03-31"
    }' >"$1"
}

# Files in the working directory whose names start with a prefix.
files_like() { find . -maxdepth 1 -name "$1*" | sort | tr '\n' ' '; }

case_ "R01 a failed import into a new path never removes another user's work"
plan_csv bad.csv 30000 bad
lost=0
for i in $(seq 1 10); do
    rm -f new.db*
    "$SAFEPLAN_BIN" --db new.db import bad.csv >/dev/null 2>imp.err &
    imp=$!
    # The second user creates the same file and writes to it meanwhile.
    sleep 0.2
    "$SAFEPLAN_BIN" --db new.db init >/dev/null 2>&1
    "$SAFEPLAN_BIN" --db new.db authority add second --name "Second user's council" \
        >/dev/null 2>second.err
    wrote=$?
    wait $imp
    imp_status=$?
    [ "$imp_status" -eq 1 ] || { bad "run $i: the bad import exited $imp_status"; }
    if [ "$wrote" -eq 0 ]; then
        [ "$(sql new.db "SELECT name FROM authority WHERE code = 'second'" 2>/dev/null)" = \
          "Second user's council" ] || lost=$((lost + 1))
    else
        bad "run $i: the second user's write failed: $(cat second.err)"
    fi
done
expect_eq "$lost" "0" "second user's writes lost in 10 runs"
expect_eq "$(files_like .new.db)" "" "staging files left"
# Without a second user, a failed import leaves nothing at all.
rm -f new.db*
run --db new.db import bad.csv
expect_status 1
expect_err "bad.csv:30001:"
expect_eq "$(files_like new.db) $(files_like .new.db)" " " "files after a failed import"
run --db new.db import bad.csv --dry-run
expect_eq "$(files_like new.db) $(files_like .new.db)" " " "files after a dry run"

case_ "R02 two inits racing on one new path both succeed, or one is refused cleanly"
refused=0 broken=0
for i in $(seq 1 40); do
    rm -f race.db*
    "$SAFEPLAN_BIN" --db race.db init >i1.out 2>i1.err & p1=$!
    "$SAFEPLAN_BIN" --db race.db init >i2.out 2>i2.err & p2=$!
    wait $p1; s1=$?; wait $p2; s2=$?
    [ "$s1" -eq 0 ] && [ "$s2" -eq 0 ] || refused=$((refused + 1))
    [ "$(sql race.db 'PRAGMA integrity_check')" = ok ] &&
        [ "$(sql race.db "SELECT count(*) FROM setting WHERE key = 'rag.amber_days'")" = 1 ] || broken=$((broken + 1))
    if [ "$s1" -ne 0 ] || [ "$s2" -ne 0 ]; then
        cat i1.err i2.err >>race.errs
    fi
done
expect_eq "$broken" "0" "half-made databases in 40 races"
expect_eq "$refused" "0" "inits that failed in 40 races (errors: $(head -c 300 race.errs 2>/dev/null))"

case_ "R03 import and demo into a new path, killed at random: nothing, or the whole result"
plan_csv good.csv 20000
# ms_of ARGS...: how long a run into a new k.db takes, in milliseconds.
ms_of() {
    local t0; rm -f k.db*; t0=$(date +%s%N)
    "$SAFEPLAN_BIN" --db k.db "$@" >/dev/null 2>&1
    echo $((($(date +%s%N) - t0) / 1000000 + 1))
}
demo_ms=$(ms_of demo); import_ms=$(ms_of import good.csv)
partial=0 whole=0 none=0
for i in $(seq 1 "$KILLS"); do
    rm -f k.db*
    # Kills spread over the whole run, most of them inside it.
    if [ $((i % 2)) -eq 0 ]; then cmd="import good.csv"; want=20000; ms=$import_ms
    else cmd="demo"; want=98; ms=$demo_ms; fi
    delay=$((RANDOM % (ms + ms / 10 + 1)))
    # shellcheck disable=SC2086
    "$SAFEPLAN_BIN" --db k.db $cmd >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    if [ ! -e k.db ]; then
        none=$((none + 1))
    elif [ "$(sql k.db 'PRAGMA integrity_check')" = ok ] &&
         [ "$(sql k.db 'SELECT count(*) FROM action')" = "$want" ]; then
        whole=$((whole + 1))
    else
        partial=$((partial + 1))
    fi
done
expect_eq "$partial" "0" "partial databases after $KILLS kills ($none none, $whole whole)"
echo "R03: $KILLS kills: $none left nothing, $whole left the whole result, $partial partial" >&2
# A killed creation's staging file is removed by the next creation once
# abandoned, and reported by check meanwhile.
sp --db keep.db init
touch -d '2 minutes ago' .k.db.safeplan-new.* 2>/dev/null
left=$(files_like .k.db.safeplan-new.)
if [ -n "$left" ]; then
    sp --db k2.db init  # another name: its sweep leaves k.db's files alone
    [ -n "$(files_like .k.db.safeplan-new.)" ] && ok || bad "another database's sweep removed k.db's staging files"
    rm -f k.db*
    run --db k.db init
    expect_status 0
    expect_eq "$(files_like .k.db.safeplan-new.)" "" "abandoned staging files after the next init"
fi

case_ "R04 --out to a device, a FIFO or a socket never replaces it; - is standard output"
sp demo
if mknod nulldev c 1 3 2>/dev/null; then
    run export --out nulldev
    expect_status 0
    [ -c nulldev ] && ok || bad "the device node was replaced"
    run pack --out nulldev
    expect_status 0
    [ -c nulldev ] && ok || bad "pack replaced the device node"
else
    echo "R04: not root, so no mknod: /dev/null stands in for a device" >&2
fi
run export --out /dev/null
expect_status 0
[ -c /dev/null ] && ok || bad "/dev/null was replaced"
mkfifo pipe
cat pipe >from-pipe.csv &
reader=$!
run export --out pipe
expect_status 0
wait $reader
[ -p pipe ] && ok || bad "the FIFO was replaced"
"$SAFEPLAN_BIN" export >direct.csv
cmp -s from-pipe.csv direct.csv && ok || bad "the FIFO got other bytes than standard output"
python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' sock
run export --out sock
expect_status 1
expect_err "cannot write sock: it is a socket"
[ -S sock ] && ok || bad "the socket was replaced"
mkdir adir
run export --out adir
expect_status 1
expect_err "cannot write adir: it is a directory"
for cmd in export report pack; do
    run $cmd --out -
    expect_status 0
    [ -s "$OUT" ] && ok || bad "$cmd --out - wrote nothing to standard output"
    [ ! -e ./- ] && ok || bad "$cmd --out - made a file called -"
done
run export --out -
cmp -s "$OUT" direct.csv && ok || bad "export --out - differs from export"
run pack --out -
python3 -c 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert "xl/workbook.xml" in z.namelist()' "$OUT" \
    && ok || bad "pack --out - is not a workbook"
run report --out -
expect_out "<!DOCTYPE html>"
expect_out_not "wrote the committee report"

case_ "R05 demo refuses a real plan and changes nothing"
rm -f plan.db*
sp init
sp authority add torbay --name "Torbay Council"
sp review add torbay real --kind ofsted_inspection --title "A real inspection"
sp finding add torbay/real 1 --kind recommendation --theme Leadership --text "A real finding"
sp action add torbay/real/1 --title "A real action" --owner "Head of Service" --due 2017-12-31
before=$(fingerprint plan.db plan.db-wal)
run demo
expect_status 1
expect_err "holds a plan besides the example"
expect_no_out
expect_eq "$(fingerprint plan.db plan.db-wal)" "$before" "fingerprint after the refused demo"
expect_eq "$(sql plan.db 'SELECT count(*) FROM action')" "1" "actions after the refused demo"
SAFEPLAN_DB=$WORK/plan.db run demo
expect_status 1
rm -f demo.db*
run --db demo.db demo
expect_status 0
run --db demo.db demo
expect_status 0
expect_out "(0 actions added)"

case_ "R06 an import from a slow source does not hold the lock while it waits"
rm -f plan.db*
sp demo
cat >slow.csv <<'CSV'
Ref,Finding,Action,Lead officer,Timescale,Status
1,Streamline paperwork,Remove ICS fields,Head of Service,end of July 2017,In progress
CSV
(sleep 12; cat slow.csv) | "$SAFEPLAN_BIN" import - --authority torbay >slow.out 2>slow.err &
slow=$!
sleep 1
run action update torbay/2012-peer/5.5/1 --note "Written while a slow import waited"
expect_status 0
wait $slow
expect_eq "$?" "0" "the slow import's exit status ($(cat slow.err))"

case_ "R07 today is the local date, around both clock changes"
if command -v faketime >/dev/null; then
    rm -f plan.db*
    sp demo
    unset SAFEPLAN_TODAY
    # at UTC TIME in London, --on DATE is accepted (0) or in the future (1)
    at_london() {
        local utc=$1 on=$2 want=$3
        # faketime preloads itself; a sanitizer build must accept that.
        TZ=UTC faketime "$utc" env TZ=Europe/London \
            ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
            "$SAFEPLAN_BIN" action update \
            torbay/2012-peer/5.5/1 --note "at $utc UTC" --on "$on" >/dev/null 2>tz.err
        expect_eq "$?" "$want" "--on $on at $utc UTC in London ($(cat tz.err))"
    }
    at_london "2017-07-01 23:30:00" 2017-07-02 0   # 00:30 BST on 2 July
    at_london "2017-07-01 23:30:00" 2017-07-03 1
    at_london "2017-03-26 00:30:00" 2017-03-26 0   # GMT, before the spring change
    at_london "2017-03-26 00:30:00" 2017-03-27 1
    at_london "2017-03-26 23:30:00" 2017-03-27 0   # 00:30 BST, after it
    at_london "2017-10-28 23:30:00" 2017-10-29 0   # 00:30 BST, before the autumn change
    at_london "2017-10-29 23:30:00" 2017-10-30 1   # 23:30 GMT, after it: still the 29th
    at_london "2017-10-29 23:30:00" 2017-10-29 0
    export SAFEPLAN_TODAY=2017-07-01
else
    bad "faketime is missing (scripts/install-deps.sh installs it)"
fi

case_ "R08 exports, packs and reports killed mid-write leave no file behind"
rm -f plan.db*
plan_csv big.csv 60000
sp import big.csv
mkdir -p outdir
for i in $(seq 1 12); do
    case $((i % 3)) in
    0) args="export --out outdir/x.csv" ;;
    1) args="pack --out outdir/x.xlsx" ;;
    2) args="report --out outdir/x.html" ;;
    esac
    # shellcheck disable=SC2086
    "$SAFEPLAN_BIN" $args >/dev/null 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 9 + 1))"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    for f in outdir/*; do
        [ -e "$f" ] || continue
        case $f in
        outdir/x.csv|outdir/x.xlsx|outdir/x.html) ;;  # finished before the kill: whole
        outdir/tmp.*)  # libxlsxwriter's own part file ("tmp." and 6-10 random
                       # letters, by version), there for an instant
            [[ $args == pack* && $f =~ ^outdir/tmp\.[A-Za-z0-9]{6,10}$ ]] && ok ||
                bad "a killed '$args' left $f"
            [ "$(stat -c %a "$f")" = 600 ] && ok || bad "$f is not private"
            echo "R08: a kill during pack left libxlsxwriter's $f (0600)" >&2
            rm -f "$f" ;;
        *) bad "a killed '$args' left $f"; rm -f "$f" ;;
        esac
    done
    ok
done

case_ "R09 formula leaders after blanks and in full-width forms are guarded"
rm -f plan.db* guard.csv
sp init
sp authority add g --name "Guard"
sp review add g r --kind other --title "Guard test"
sp finding add g/r 1 --kind recommendation --theme T --text "Leaders"
n=0
while IFS= read -r leader; do
    n=$((n + 1))
    title=$(printf '%b' "$leader")
    sp action add g/r/1 --title "${title}1+1" --owner "Head of Service" --due 2017-12-31
done <<'LEADERS'
=
+
-
@
 =
  +
\xc2\xa0=
\xe2\x80\x8b=
\xef\xbb\xbf=
\xe3\x80\x80=
\xe2\x80\x83-
\xef\xbc\x9d
\xef\xbc\x8b
\xef\xbc\x8d
\xef\xbc\xa0
 \xef\xbc\x9d
LEADERS
sp export --out guard.csv
sp export --raw --out raw.csv
if command -v soffice >/dev/null; then
    # formulas_in CSV: the cells LibreOffice turns into formulas when it
    # opens the file with "evaluate formulas" on (CSV filter token 13).
    formulas_in() {
        rm -rf lo && mkdir lo
        HOME=$WORK/lo soffice --headless --norestore \
            --infilter="CSV:44,34,76,1,,1033,false,false,false,false,false,-1,true" \
            --convert-to xlsx --outdir lo "$1" >/dev/null 2>&1
        python3 - "lo/$(basename "${1%.csv}").xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(sum(len(re.findall(r"<f[ >]", z.read(n).decode())) for n in z.namelist()
          if n.startswith("xl/worksheets/")))
PY
    }
    raw=$(formulas_in raw.csv)
    [ "${raw:-0}" -gt 0 ] && ok || bad "the oracle: LibreOffice made no formula of the raw export"
    expect_eq "$(formulas_in guard.csv)" "0" "formulas LibreOffice made of the guarded export"
else
    bad "soffice is missing (scripts/install-deps.sh installs libreoffice-calc)"
fi
# The guard is reversible: the export imports back to the same titles.
sp --db back.db import guard.csv
expect_eq "$(sql back.db 'SELECT group_concat(h) FROM (SELECT hex(description) AS h FROM action ORDER BY 1)')" \
          "$(sql plan.db 'SELECT group_concat(h) FROM (SELECT hex(description) AS h FROM action ORDER BY 1)')" \
          "titles after export and import"
expect_eq "$(sql back.db 'SELECT count(*) FROM action')" "$n" "actions imported back"

case_ "R10 a world-readable copy is warned about, and check reports it"
rm -f plan.db*
sp demo
sqlite3 plan.db ".backup copy.db"
chmod 644 copy.db
run --db copy.db overdue
expect_status 0
expect_err "warning: $WORK/copy.db is readable or writable by group and others (mode 0644)"
run --db copy.db check
expect_status 1
expect_out "FAIL  files         $WORK/copy.db is readable"
run check
expect_status 0
expect_no_err
expect_out "ok    integrity"

case_ "R11 check names each value the schema forbids"
cp plan.db tampered.db
sqlite3 tampered.db "PRAGMA ignore_check_constraints = 1;
    UPDATE action SET status = 'bogus' WHERE id = 3;
    UPDATE action SET due_on = '2017-13-45' WHERE id = 4;
    UPDATE setting SET value = -5 WHERE key = 'rag.stale_days';
    UPDATE action SET start_on = '2017-02-30' WHERE id = 5;"
run --db tampered.db check
expect_status 1
expect_out "action 3 (torbay/improvement-notice/1/3) has status 'bogus', which the schema forbids"
expect_out "action 4 (torbay/improvement-notice/2/1) has due_on '2017-13-45', which the schema forbids"
expect_out "setting rag.stale_days has value '-5'"
# SQLite's date() passes 30 February through unchanged; check must not.
expect_out "has start_on '2017-02-30', which the schema forbids"
expect_err "problems found in tampered.db"

case_ "R12 a dry run beside a held write lock neither waits nor writes"
rm -f plan.db*
sp demo
cat >sheet.csv <<'CSV'
Ref,Finding,Action,Lead officer,Timescale,Status
1,Streamline paperwork,Remove ICS fields,Head of Service,end of July 2017,In progress
CSV
before=$(sqlite3 plan.db "SELECT count(*) FROM action_update")$(sqlite3 plan.db "SELECT count(*) FROM action")
# Another writer holds the write lock for 8 s (the busy timeout is 10 s): a
# dry run that needed the lock would wait until it was released.
sqlite3 plan.db "BEGIN IMMEDIATE; DELETE FROM setting WHERE 0;" ".shell sleep 8" "COMMIT;" &
holder=$!
sleep 1
run import --dry-run sheet.csv --authority torbay
# Not a timing: the dry run must have finished while the lock was held.
kill -0 $holder 2>/dev/null && held=held || held=released
expect_status 0
expect_out "1 action"
wait $holder
expect_eq "$held" "held" "the writer's lock when the dry run had finished"
expect_eq "$(sqlite3 plan.db "SELECT count(*) FROM action_update")$(sqlite3 plan.db "SELECT count(*) FROM action")" "$before" \
    "nothing written by the dry run"

case_ "R13 a -wal or -shm owned by someone else is named"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    # nobody must reach the binary and the directory: copies of both.
    chmod 711 "$WORK"
    mkdir -p shared && chmod 777 shared
    cp "$SAFEPLAN_BIN" shared/safeplan
    as_nobody() {
        setpriv --reuid=65534 --regid=65534 --clear-groups shared/safeplan "$@" \
            >"$OUT" 2>"$ERR" </dev/null
        STATUS=$?
    }
    as_nobody --db shared/plan.db demo
    for f in wal shm; do
        chown root "shared/plan.db-$f"
        as_nobody --db shared/plan.db overdue
        expect_status 1
        expect_err "shared/plan.db-$f cannot be written by you (owner root, mode 0600)"
        chown 65534 "shared/plan.db-$f"
    done
    rm -f shared/plan.db-wal shared/plan.db-shm
    chmod 755 shared
    as_nobody --db shared/plan.db overdue
    expect_status 1
    expect_err "cannot create shared/plan.db-wal: the directory shared is not writable by you"
else
    echo "R13: skipped (needs root to make files another user owns)" >&2
fi

case_ "R14 control characters are shown, not obeyed, in tables and show"
rm -f plan.db*
sp demo
title=$(printf 'Legit title\rFAKE: all complete, signed off \xe2\x80\xaeevil')
sp action add torbay/2012-peer/5.5 --title "Legit title" \
    --owner "Director of Children's Services" --due 2017-09-30
sp action update torbay/2012-peer/5.5/2 --note "$(printf 'one\nstatus   signed_off\rX')"
# What no safeplan command writes (a right-to-left override left open is
# refused), a tampered file can hold.
sqlite3 plan.db "UPDATE action SET measure = 'm' || char(27) || '[2J' || char(7),
    description = 'Legit title' || char(13) || 'FAKE: all complete, signed off ' || char(8238) || 'evil'
    WHERE ref = '2' AND finding_id = (SELECT id FROM finding WHERE ref = '5.5')"
raw_controls() { LC_ALL=C grep -c $'[\x01-\x08\x0b-\x1f\x7f]\|\xe2\x80\xae' "$1"; }
run action show torbay/2012-peer/5.5/2
expect_status 0
expect_out 'action               Legit title\rFAKE: all complete, signed off \u202eevil'
expect_out 'measure              m\x1b[2J\x07'
expect_out '      status   signed_off\rX'
expect_eq "$(raw_controls "$OUT")" 0 "raw control characters in action show"
for cmd in "action list" "overdue --as-of 2018-01-01" "action history torbay/2012-peer/5.5/2"; do
    run $cmd
    expect_status 0
    expect_eq "$(raw_controls "$OUT")" 0 "raw control characters in $cmd"
done
# In a table wide enough to hold it, the whole title is shown, escaped.
COLUMNS=400 run action list
expect_out 'Legit title\rFAKE: all complete, signed off \u202eevil'
# Machines get the text exactly as stored.
run export --out -
expect_eq "$(python3 -c 'import csv,sys; print(any(r["action"] == sys.argv[1]
    for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig", newline=""))))' \
    "$title" "$OUT")" True "the CSV keeps the title exact"
run action show torbay/2012-peer/5.5/2 --format json
expect_eq "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[2]))["rows"][0]["action"] == sys.argv[1])' \
    "$title" "$OUT")" True "the JSON keeps the title exact"
# The committee report (HTML) shows it, and closes the override it leaves open.
run report --out - --as-of 2018-01-01
expect_status 0
shown=$(grep -o 'evil' "$OUT" | wc -l)
[ "$shown" -ge 1 ] && ok || bad "the title is not in the report"
expect_eq "$(grep -o $'evil\xe2\x80\xac' "$OUT" | wc -l)" "$shown" "the override closed where shown"

case_ "R15 reports on a tampered file count what they cannot rate"
rm -f plan.db*
sp demo
sqlite3 plan.db "PRAGMA ignore_check_constraints = 1;
    UPDATE action SET status = 'bogus' WHERE id = 3;
    UPDATE action SET status = 'in_progress', due_on = '2017-13-45' WHERE id = 4;"
for by in theme owner review authority status; do
    run summary --by $by --format csv
    expect_status 0
    # Every row's colours, unrated included, add up to its total.
    expect_eq "$(python3 -c 'import csv,sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
bad = [r["group"] for r in rows if int(r["total"]) != sum(int(r[k]) for k in
       ("red", "amber", "green", "blue", "grey", "unrated"))]
print(sum(int(r["total"]) for r in rows), sum(int(r["unrated"]) for r in rows), bad)' "$OUT")" \
        "94 2 []" "summary --by $by: totals (started by 1 July), unrated, rows not adding up"
done
run summary
expect_status 0
expect_out "2 actions cannot be rated (a status or date the schema forbids)"
run action show 4
expect_status 0
expect_out "RAG as of 2017-07-01: unrated: due date '2017-13-45' is not one safeplan knows"
run action show 3
expect_status 0
expect_out "unrated: status 'bogus' is not one safeplan knows"
# A file safeplan alone wrote says nothing of the kind.
run --db demo.db summary
expect_out_not "cannot be rated"

finish

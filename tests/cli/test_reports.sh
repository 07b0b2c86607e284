#!/usr/bin/env bash
# The manager reports through the real binary: overdue, due, stale and
# summary on a small plan built here, then golden files on the example plan.
#
# Golden files (tests/golden/REPORT-DATE.{txt,csv,json}) are compared byte
# for byte. After a deliberate change to a report or to the example plan,
# regenerate them, then read the diff before committing:
#     UPDATE_GOLDEN=1 ctest --test-dir BUILD -R cli.test_reports
. "$(dirname "$0")/lib.sh"

GOLDEN=$SP_SOURCE_DIR/tests/golden
export SAFEPLAN_TODAY=2017-07-01
DB=$SAFEPLAN_DB

# ---------------------------------------------------------------------------
# A small plan (the same as the unit tests'): two authorities, three
# findings (two themes, one spelt in two cases), ten actions. On 2017-07-01:
#   1 tb/r1/1/1 red 92 days   2 tb/r1/1/2 red 1 day   3 tb/r1/2/1 red, shown
#   amber by override   4 due today   5 due in 28 days   6 stale   7 complete
#   8 transferred   9 green   10 green, no dates to judge staleness by
sp init
sp authority add tb --name "Torbay Council"
sp review add tb r1 --kind lga_peer_review --title "LGA safeguarding peer review"
sp finding add tb/r1 1 --kind recommendation --theme "Capacity and managing resources" \
    --text "Streamline paperwork"
sp finding add tb/r1 2 --kind recommendation --theme "Working together" --text "Partners"
sp authority add lc --name "Leicester City Council"
sp review add lc r1 --kind ofsted_lscb_review --title "Review of the LSCB"
sp finding add lc/r1 1 --kind recommendation --theme "capacity and MANAGING resources" \
    --text "Business unit capacity"
add() { sp action add "$1" --owner "$2" --start 2017-01-01 --due "$3" --title "$4"; }
add tb/r1/1 "Head of Service" 2017-03-31 "Remove unnecessary ICS fields"
add tb/r1/1 "LSCB Business Manager" 2017-06-30 "Audit case files, \"deep dive\""
sp action add tb/r1/2 --owner "Head of Service" --start 2016-06-01 --due 2016-12-01 \
    --title "=SUM(A1) agree partner contributions, £40,000"
add tb/r1/2 "LSCB Business Manager" 2017-07-01 "Relaunch the QA framework"
add lc/r1/1 "Head of Service" 2017-07-29 "Recruit a business manager"
add lc/r1/1 "Head of Service" 2017-07-30 "Publish the annual report"
add lc/r1/1 "LSCB Business Manager" 2017-05-01 "Review the constitution"
add lc/r1/1 "LSCB Business Manager" 2017-02-01 "Move the training offer"
add tb/r1/1 "LSCB Business Manager" 2017-12-31 "Monthly supervision"
sp action add tb/r1/1 --owner "LSCB Business Manager" --due 2017-12-31 \
    --title "Multi-line
title with a tab	and more"
sp action update 2 --status in_progress --note "started" --on 2017-06-01
sp action update 3 --rag amber --reason "partner data late" --on 2017-06-20
sp action update 5 --note "advert out" --on 2017-06-25
sp action update 7 --status in_progress --note "started" --on 2017-02-01
sp action update 7 --status complete --note "done" --on 2017-04-20
sp action update 8 --status transferred --to "the service plan" --reason "year end" \
    --on 2017-03-01
sp action update 9 --status in_progress --note "started" --on 2017-06-15
# Reports for a past day show the plan as it stood then, and an action
# exists from its start, first update or recording (created_at, the real
# clock, not SAFEPLAN_TODAY): say the plan was recorded when the work began,
# so that action 10 (no start date, no update) exists on 2017-07-01.
sql "$DB" "UPDATE action SET created_at = '2017-01-01T09:00:00Z'"

# py SCRIPT ARGS...: runs a Python check; its output goes to OUT, status to
# STATUS. The previous command's output is kept in $PREV for it to read.
PREV=$WORK/prev
py() {
    local script=$1
    shift
    cp "$OUT" "$PREV"
    python3 -c "$script" "$@" >"$OUT" 2>"$ERR"
    STATUS=$?
}

# The ids a report lists, from its CSV, comma-separated.
ids() {
    "$SAFEPLAN_BIN" "$@" --format csv | python3 -c '
import csv, sys
print(",".join(r["id"] for r in csv.DictReader(sys.stdin)))'
}

# ---------------------------------------------------------------------------
case_ "help: each report has --help, listed in safeplan --help, same as help CMD"
for cmd in overdue due stale summary; do
    run "$cmd" --help
    expect_status 0
    expect_no_err
    expect_eq "$(head -1 "$OUT" | cut -d' ' -f1-3)" "Usage: safeplan $cmd" "$cmd usage line"
    expect_out "--authority CODE"
    expect_out "--rag RAG"
    expect_out "Columns (CSV header and JSON keys, in this order)"
    cp "$OUT" "$WORK/help"
    run help "$cmd"
    if cmp -s "$OUT" "$WORK/help"; then ok; else bad "help $cmd differs from $cmd --help"; fi
    run --help
    expect_out "  $cmd "
done

case_ "overdue: open actions past due, most overdue first"
expect_eq "$(ids overdue)" "3,1,2" "overdue ids"
expect_eq "$(ids overdue --as-of 2017-07-02)" "3,1,2,4" "a day later"
expect_eq "$(ids overdue --as-of 02/07/2017)" "3,1,2,4" "UK date"
run overdue
expect_status 0
expect_no_err
expect_eq "$(head -1 "$OUT")" "days_overdue  path       owner                  rag    action" "header"
expect_out "         212  tb/r1/2/1  Head of Service        amber  =SUM(A1) agree"
expect_out "           1  tb/r1/1/2  LSCB Business Manager  red    Audit case files"
expect_eq "$(tail -1 "$OUT")" \
    "Key: red overdue · amber due soon, slipped or stale · green on track · blue done · grey closed" \
    "key line"

case_ "due: open actions due within the window, soonest first"
expect_eq "$(ids due)" "4,5" "default: rag.amber_days (28)"
expect_eq "$(ids due --within 29)" "4,5,6" "--within 29"
expect_eq "$(ids due --within 0d)" "4" "--within 0d"
expect_eq "$(ids due --within 26w)" "4,5,6" "--within 26w: to 2017-12-30"
expect_eq "$(ids due --within 27w)" "4,5,6,9,10" "--within 27w"
expect_eq "$(ids due --before 2017-07-29)" "4" "--before is exclusive"
expect_eq "$(ids due --before 2017-07-30)" "4,5" "--before"
sp config set rag.amber_days 29
expect_eq "$(ids due)" "4,5,6" "default follows the setting"
sp config set rag.amber_days 28

case_ "stale: no progress for DAYS, counted from the last progress else the start"
# Action 3's only update is a RAG override: administration, not progress
# (issue 12), so it counts from its start date and is stalest.
expect_eq "$(ids stale)" "3,1,4,6" "default 60 days"
expect_eq "$(ids stale --days 11)" "3,1,4,6,2,9" "--days 11, stalest first"
expect_eq "$(ids stale --days 12d)" "3,1,4,6,2,9" "--days 12d"
run stale --days 11 --format csv
expect_out ",2017-06-01,2017-06-01,30,"

case_ "filters narrow every report, the same way"
expect_eq "$(ids overdue --authority TB)" "3,1,2" "--authority"
expect_eq "$(ids overdue --authority lc)" "" "--authority lc"
expect_eq "$(ids overdue --review tb/r1 --finding tb/r1/1)" "1,2" "--review --finding"
expect_eq "$(ids overdue --owner 'head of service')" "3,1" "--owner by name"
expect_eq "$(ids overdue --theme 'WORKING together')" "3" "--theme any case"
expect_eq "$(ids overdue --status 'In progress')" "2" "--status"
expect_eq "$(ids overdue --rag red)" "1,2" "--rag red"
expect_eq "$(ids overdue --rag amber)" "3" "--rag amber: the override counts"
expect_eq "$(ids due --within 60 --authority lc)" "5,6" "due --authority"
expect_eq "$(ids stale --days 10 --rag green)" "9" "stale --rag"
run summary --authority tb --format csv
expect_eq "$(grep -c . "$OUT")" "3" "summary --authority: header and two themes"

case_ "empty reports print the header (or no rows) and exit 0"
run overdue --authority lc
expect_status 0
expect_no_err
expect_eq "$(head -1 "$OUT")" "days_overdue  path  owner  rag  action" "empty table header"
expect_eq "$(wc -l <"$OUT")" "2" "header and key only"
run overdue --authority lc --format csv
expect_eq "$(cat "$OUT")" "$(printf 'id,path,authority,review,finding_ref,theme,finding,action,owner,start_on,original_due_on,due_on,days_overdue,aging,rag,rag_reason,last_update_on,status\r')" "CSV header only"
run summary --authority tb --status withdrawn --format json
expect_status 0
py 'import json, sys; d = json.load(open(sys.argv[1])); assert d["rows"] == [], d; assert d["totals"]["total"] == 0; print("ok")' "$PREV"
expect_status 0

case_ "misuse exits 2 with nothing on stdout"
misuse() {
    local want=$1
    shift
    run "$@"
    expect_status 2
    expect_no_out
    expect_err "$want"
}
misuse "--as-of '2017-02-30' is not a valid date" overdue --as-of 2017-02-30
misuse "unexpected argument 'tb'" overdue tb
misuse "unknown option '--frobnicate'" summary --frobnicate
misuse "--format 'xml' is not known" due --format xml
misuse "--status 'sorted' is not known: expected one of" stale --status sorted
misuse "--rag 'purple' is not known" summary --rag purple
misuse "--owner given twice" overdue --owner a --owner b
misuse "--theme needs a value" overdue --theme ""
misuse "option '--authority' needs a value" overdue --authority
misuse "--within '2x' is not a number of days" due --within 2x
misuse "--within '3651' is not a number of days" due --within 3651
misuse "give --within or --before, not both" due --within 28 --before 2017-08-01
misuse "--before 'soon' is not a valid date" due --before soon
misuse "--days '0' is not a number of days from 1 to 3650" stale --days 0
misuse "--by 'colour' is not known: expected one of theme, owner" summary --by colour

case_ "runtime errors exit 1 with the library's message and nothing on stdout"
run overdue --owner Nobody
expect_status 1
expect_no_out
expect_eq "$(cat "$ERR")" \
    "safeplan: no owner 'Nobody'; closest: 'Head of Service', 'LSCB Business Manager'" "message"
run summary --review tb
expect_status 1
expect_no_out
expect_err "review reference 'tb' should be AUTHORITY/REVIEW"
run due --before 2017-06-01
expect_status 1
expect_no_out
expect_err "due-before date 2017-06-01 is not after the as-of date 2017-07-01"
SAFEPLAN_DB=$WORK/none.db run stale
expect_status 1
expect_no_out

case_ "action list takes the report filters, by the names people type"
expect_eq "$(ids action list --owner "lscb business manager")" "7,8,2,9,10,4" "owner, any case"
expect_eq "$(ids action list --theme TOGETHER --status not_started)" "3,4" \
    "a word of the theme, any case"
expect_eq "$(ids action list --theme "managing resources" --authority tb --rag red)" "1,2" \
    "theme words, authority and RAG shown today"
expect_eq "$(ids action list --theme "managing resources")" "5,6,7,8,1,2,9,10" \
    "both spellings of the theme"
expect_eq "$(ids action list tb --finding tb/r1/2)" "3,4" "a scope and a filter at another level"
run action list tb --authority lc
expect_status 1
expect_no_out
expect_err "scope 'tb' and --authority 'lc' both name the authority: give one"

case_ "a filter naming nothing that exists: exit 1, the value and the closest names"
for args in "action list" "overdue" "due" "stale" "summary --group-by owner" "export --out x.csv"; do
    # shellcheck disable=SC2086 # words of a command
    run $args --theme "leadrship"
    expect_status 1
    expect_no_out
    expect_eq "$(cat "$ERR")" "safeplan: no theme matches 'leadrship'; closest: \
'Capacity and managing resources', 'Working together', 'capacity and MANAGING resources'" \
        "$args: message"
done
run action list --authority tbay
expect_status 1
expect_eq "$(cat "$ERR")" "safeplan: no authority 'tbay'; closest: 'tb', 'lc'" "authority"
run overdue --review tb/r2
expect_status 1
expect_eq "$(cat "$ERR")" "safeplan: no review 'tb/r2'; closest: 'tb/r1', 'lc/r1'" "review"
run summary --owner "Head of Servise"
expect_status 1
expect_err "no owner 'Head of Servise'; closest: 'Head of Service'"
[ ! -e x.csv ] && ok || bad "export wrote a file for a filter naming nothing"

# ---------------------------------------------------------------------------
# Machine formats, read by real parsers, and the summary's reconciliation.

FORMATS_PY='
import csv, io, json, subprocess, sys
bin = sys.argv[1]
def out(*args):
    p = subprocess.run([bin, *args], capture_output=True, check=True)
    assert p.stderr == b"", p.stderr
    return p.stdout
'

case_ "CSV and JSON carry the same rows; JSON is one document with the filters"
py "$FORMATS_PY"'
cases = [["overdue"], ["due", "--within", "365"], ["stale", "--days", "1"],
         ["summary"], ["summary", "--group-by", "owner"], ["overdue", "--rag", "amber"],
         ["due", "--before", "2018-01-01", "--authority", "tb", "--status", "not_started"]]
for args in cases:
    raw = out(*args, "--format", "csv")
    assert raw.endswith(b"\r\n") and b"\r\n" in raw, args
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    doc = json.loads(out(*args, "--format", "json"))
    assert doc["report"] == args[0] and doc["as_of"] == "2017-07-01", doc
    assert list(doc["filters"]) == ["authority", "review", "finding", "owner", "theme",
                                    "status", "rag"], doc["filters"]
    assert len(doc["rows"]) == len(rows), args
    for j, c in zip(doc["rows"], rows):
        assert list(j) == list(c), (list(j), list(c))
        for k, v in j.items():
            text = "" if v is None else str(v)
            # The CSV guards formula-like cells with one leading quote.
            assert c[k] == text or c[k] == "\x27" + text, (args, k, c[k], v)
    print(args[0], len(rows))
' "$SAFEPLAN_BIN"
expect_status 0
expect_out "overdue 3"
expect_out "summary 2"
run due --before 2018-01-01 --authority tb --status not_started --format json
py 'import json,sys; d=json.load(open(sys.argv[1])); f=d["filters"]; assert f["authority"]=="tb" and f["status"]=="not_started" and f["rag"] is None, f; assert d["within_days"] is None and d["before"]=="2018-01-01", d' "$PREV"
expect_status 0
run stale --format json
py 'import json,sys; d=json.load(open(sys.argv[1])); assert d["days"]==60 and isinstance(d["rows"][0]["days_without_update"], int), d' "$PREV"
expect_status 0

case_ "CSV keeps every character: quotes, line breaks, tabs, £, and the formula guard"
run overdue --format csv
expect_out '"Audit case files, ""deep dive"""'
expect_out "'=SUM(A1) agree partner contributions, £40,000"
run due --within 365 --format json
expect_out '"Multi-line\ntitle with a tab\tand more"'

case_ "summary red = the overdue list, for every grouping and several filters"
py "$FORMATS_PY"'
# (The unit tests go through many more filters; each run here costs a
# process, and CI runs this script under valgrind.)
filters = [[], ["--authority", "tb"], ["--rag", "amber"],
           ["--owner", "Head of Service", "--status", "not_started"]]
checked = 0
for f in filters:
    listed = len(json.loads(out("overdue", *f, "--format", "json"))["rows"])
    for by in ["theme", "owner", "review", "authority", "status"]:
        doc = json.loads(out("summary", "--group-by", by, *f, "--format", "json"))
        assert doc["by"] == by
        assert doc["totals"]["red"] == listed, (f, by, doc["totals"], listed)
        for key in doc["totals"]:
            assert doc["totals"][key] == sum(r[key] for r in doc["rows"]), key
        for r in doc["rows"]:
            rag = sum(r[k] for k in ["red", "amber", "green", "blue", "grey"])
            status = sum(r[k] for k in ["not_started", "in_progress", "complete",
                                        "signed_off", "transferred", "withdrawn"])
            assert rag == status == r["total"], r
            narrowed = [a for a in f]
            if "--" + by in narrowed:
                i = narrowed.index("--" + by)
                del narrowed[i:i + 2]
            group = json.loads(out("overdue", *narrowed, "--" + by, r["group"],
                                   "--format", "json"))["rows"]
            assert r["red"] == len(group), (f, by, r, len(group))
            checked += 1
print("groups checked", checked)
' "$SAFEPLAN_BIN"
expect_status 0
expect_out "groups checked"
run summary --group-by authority --rag amber --format csv
expect_out "tb,2,1,1,0,0,0,0,1,2,0,0,0,0,0"

case_ "summary table: a total line and the key, counts right-aligned"
run summary --group-by authority
expect_status 0
expect_eq "$(sed -n 1p "$OUT")" "group  total  red  amber  green  blue  grey  overridden  not_started  in_progress" "header"
expect_eq "$(sed -n 4p "$OUT")" "total     10    3      3      2     1     1           1            6            2" "total line"
expect_out "RAG counts are computed (red = the overdue list)"

# ---------------------------------------------------------------------------
case_ "colour on a terminal only: not when piped, not with NO_COLOR"
ESC=$(printf '\033')
run overdue
expect_out_not "$ESC"
if command -v script >/dev/null; then
    script -qc "\"$SAFEPLAN_BIN\" overdue" /dev/null </dev/null >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status 0
    expect_out "${ESC}[31mred${ESC}[0m"
    expect_out "${ESC}[33mamber${ESC}[0m"
    expect_out "Key: ${ESC}[31mred${ESC}[0m overdue"
    NO_COLOR=1 script -qc "\"$SAFEPLAN_BIN\" summary" /dev/null </dev/null >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status 0
    expect_out "Key: red overdue"
    expect_out_not "$ESC"
    script -qc "\"$SAFEPLAN_BIN\" summary --format csv" /dev/null </dev/null >"$OUT" 2>"$ERR"
    expect_out_not "$ESC"
else
    echo "note: script(1) not found; colour on a terminal not tested" >&2
fi

# ---------------------------------------------------------------------------
# The example plan: golden files at two dates, and tables that fit.

EXAMPLE=$WORK/example.db
SAFEPLAN_DB=$EXAMPLE sp demo
unset SAFEPLAN_TODAY

case_ "the demo prints the overdue table with its key"
SAFEPLAN_DB=$EXAMPLE run demo
expect_status 0
expect_out "days_overdue  path"
expect_out "Key: red overdue"

case_ "golden files on the example plan (UPDATE_GOLDEN=1 regenerates them)"
golden() { # NAME ARGS...: compares the output of ARGS with tests/golden/NAME
    local name=$1
    shift
    SAFEPLAN_DB=$EXAMPLE run "$@"
    expect_status 0
    expect_no_err
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        mkdir -p "$GOLDEN"
        cp "$OUT" "$GOLDEN/$name"
        echo "wrote tests/golden/$name" >&2
    fi
    if cmp -s "$OUT" "$GOLDEN/$name"; then ok; else
        bad "differs from tests/golden/$name"
        diff -u "$GOLDEN/$name" "$OUT" | head -20 >&2
    fi
}
for date in 2017-07-01 2016-12-31; do
    for report in overdue due stale summary; do
        golden "$report-$date.txt" "$report" --as-of "$date"
        golden "$report-$date.csv" "$report" --as-of "$date" --format csv
        golden "$report-$date.json" "$report" --as-of "$date" --format json
    done
    golden "summary-by-owner-$date.txt" summary --as-of "$date" --group-by owner
done

case_ "example plan: every table fits 100 columns; summary reconciles"
SAFEPLAN_DB=$EXAMPLE py "$FORMATS_PY"'
exported = list(csv.DictReader(io.StringIO(out("export", "--raw", "--no-bom").decode("utf-8"))))
assert len(exported) == 98 and all(r["start_on"] for r in exported)
for date in ["2017-07-01", "2016-12-31", "2018-06-30"]:
    for args in [["overdue"], ["due", "--within", "90"], ["stale"], ["summary"],
                 ["summary", "--group-by", "owner"], ["summary", "--group-by", "review"]]:
        for line in out(*args, "--as-of", date).decode("utf-8").splitlines():
            assert len(line) <= 100, (args, len(line), line)
    listed = len(json.loads(out("overdue", "--as-of", date, "--format", "json"))["rows"])
    totals = json.loads(out("summary", "--as-of", date, "--format", "json"))["totals"]
    # A past day counts the plan as it stood: every example action has a
    # start date and no update before it, so the actions begun by then.
    begun = sum(1 for r in exported if r["start_on"] <= date)
    assert totals["red"] == listed and totals["total"] == begun, (date, totals, listed, begun)
    print(date, listed, totals["total"])
' "$SAFEPLAN_BIN"
expect_status 0
# 2017-07-01: the 2018 Herefordshire review's 4 actions had not begun.
expect_out "2017-07-01 9 94"
expect_out "2016-12-31 2 64"

case_ "a long table streams: rows past the first thousand keep the columns the first chose"
awk 'BEGIN {
    printf "authority,authority_name,review,review_kind,review_title,finding_ref,"
    printf "finding_kind,theme,finding,action_ref,action,owner,due_on,status\r\n"
    for (i = 1; i <= 2500; i++)
        printf "bulk,Bulk Council,r1,other,Bulk review,%d,recommendation,Theme," \
               "Finding %d,%d,Action number %d of a long list,Head of Service,2017-03-31," \
               "in_progress\r\n", int((i - 1) / 10) + 1, int((i - 1) / 10) + 1, (i - 1) % 10 + 1, i
}' >long.csv
"$SAFEPLAN_BIN" --db long.db import long.csv >/dev/null 2>&1
# (recorded today, by the real clock: judged a day after that)
SAFEPLAN_TODAY=2099-01-01 run --db long.db overdue --authority bulk
expect_status 0
py '
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
rows = [l for l in lines[1:] if l and not l.startswith("Key:")]
assert len(rows) == 2500, len(rows)
head = lines[0]
cols = [head.index(w) for w in ("path", "owner", "rag", "action")]
for n, row in enumerate(rows, 2):
    for c in cols[1:]:
        assert row[c - 2:c] == "  " and row[c] != " ", (n, c, row)
print("aligned")
' "$PREV"
expect_status 0
expect_out "aligned"

finish

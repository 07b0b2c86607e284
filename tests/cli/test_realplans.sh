#!/usr/bin/env bash
# Real council plans (issue 11), through the built binary on real database
# files: the seeds' own tables as councils keep them (Torbay's 2012
# response table, Peterborough's March 2017 progress report, Herefordshire's
# "within 3, 6, 12 months"), with the councils' headers mapped by --map;
# open-ended, recurring and written timescales kept as written; --fill-down;
# every bad cell of a row; monthly re-imports; --as-at; sign-off without
# evidence; --no-due; the upgrade of a version 4 database. Every refusal
# leaves the database byte for byte as it was.
#
# Test files: tests/data/realplans/ (typed from the seeds' tables).
. "$(dirname "$0")/lib.sh"

DATA=$SP_SOURCE_DIR/tests/data/realplans
DB=$WORK/plan.db

# refused_unchanged WHAT ARGS...: the command fails (exit 1) and the
# database file is unchanged.
refused_unchanged() {
    local what=$1 before
    shift
    before=$(fingerprint "$DB")
    run "$@"
    expect_status 1
    expect_no_out
    expect_eq "$(fingerprint "$DB")" "$before" "$what: database unchanged"
}

due_of() { sql "$DB" "SELECT coalesce(due_on, 'none') FROM action WHERE description LIKE '$1%'"; }
col_of() { sql "$DB" "SELECT coalesce($2, 'none') FROM action WHERE description LIKE '$1%'"; }

# ------------------------------------------------------------------ Torbay
export SAFEPLAN_TODAY=2012-06-20
sp init
sp authority add torbay --name "Torbay Council"
TORBAY="--authority torbay --map Improvement notice action=finding"

case_ "Torbay 2012: findings written once, no --fill-down: refused, with the hint"
refused_unchanged "no fill-down" import "$DATA/torbay_2012.csv" --authority torbay \
    --map "Improvement notice action=finding"
expect_err "torbay_2012.csv:3:1: no finding in this row, though a row above has one"
expect_err "--fill-down finding"

case_ "Torbay 2012: --fill-down with a council header"
run import "$DATA/torbay_2012.csv" --authority torbay --map "Improvement notice action=finding" \
    --fill-down "Improvement notice action"
expect_status 0
expect_out "created: 0 authorities, 1 review, 2 findings, 7 owners, 7 actions"
expect_out "new actions: 1 open-ended (no due date), 1 recurring"
expect_eq "$(sql "$DB" "SELECT count(*) FROM finding")" 2 "findings"
expect_eq "$(due_of 'Core business')" 2012-06-27 "27th June (no year: the next one)"
expect_eq "$(due_of 'Cultural change')" 2012-07-18 "17-18th July 2012 (a range: the end)"
expect_eq "$(due_of 'New simplified')" 2012-07-15 "mid July"
expect_eq "$(due_of 'Implementation')" none "Ongoing: open-ended"
expect_eq "$(due_of 'Recruitment')" 2012-11-30 "Autumn 2012: end of November"
expect_eq "$(col_of 'Continue routine' cadence)" "1 month" "Monthly: a cadence"
expect_eq "$(due_of 'Continue routine')" 2012-07-27 "Monthly: next report a month and 7 days on"
expect_eq "$(col_of 'Commissioning' status)" complete "Complete in the timescale column"
expect_eq "$(col_of 'Cultural change' timescale)" "17-18th July 2012" "timescale kept as written"
expect_eq "$(col_of 'Commissioning' timescale)" "Complete" "Complete kept as written"

case_ "Torbay 2012: action show gives the timescale as written"
ID=$(sql "$DB" "SELECT id FROM action WHERE description LIKE 'New simplified%'")
run action show "$ID"
expect_status 0
expect_out "Timescale as written: mid July"
expect_out "Due 2012-07-15 (the original due date)"
ID=$(sql "$DB" "SELECT id FROM action WHERE description LIKE 'Implementation%'")
run action show "$ID" --as-of 2012-09-10
expect_out "Open-ended: no due date"
expect_out "RAG as of 2012-09-10: green: no due date, no progress recorded"
run action update "$ID" --note "Package agreed by cabinet" --on 2012-06-20
run action show "$ID" --as-of 2012-09-10
expect_out "RAG as of 2012-09-10: amber: no due date, last progress 82 days ago"

case_ "Torbay 2012: the same sheet again changes nothing, in the same review"
UPDATES=$(sql "$DB" "SELECT count(*) FROM action_update")
run import "$DATA/torbay_2012.csv" --authority torbay --map "Improvement notice action=finding" \
    --fill-down finding
expect_status 0
expect_out "created: 0 authorities, 0 reviews, 0 findings, 0 owners, 0 actions"
expect_out "updated: 0 actions (a progress update appended to each); 7 unchanged"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action_update")" "$UPDATES" "no updates added"

case_ "Torbay 2012: a month on, the sheet changes one timescale: a revision naming the sheet"
sed 's/Autumn 2012/Winter 2012/' "$DATA/torbay_2012.csv" >torbay_july.csv
SAFEPLAN_TODAY=2012-07-20 run import torbay_july.csv --authority torbay \
    --map "Improvement notice action=finding" --fill-down finding
expect_status 0
expect_out "updated: 1 action (a progress update appended to each); 6 unchanged"
expect_eq "$(sql "$DB" "SELECT count(*) FROM review")" 1 "one review for the monthly imports"
expect_eq "$(due_of 'Recruitment')" 2013-02-28 "Winter 2012 ends with February 2013"
expect_eq "$(sql "$DB" "SELECT old_due_on || ' ' || new_due_on || ' ' || reason FROM action_update
    WHERE new_due_on = '2013-02-28'")" \
    "2012-11-30 2013-02-28 changed in the council's sheet torbay_july.csv" "revision and reason"
expect_eq "$(sql "$DB" "SELECT new_due_as_written FROM action_update
    WHERE new_due_on = '2013-02-28'")" "Winter 2012" "the revision keeps the sheet's words"
SAFEPLAN_TODAY=2012-07-20 run action show \
    "$(sql "$DB" "SELECT action_id FROM action_update WHERE new_due_on = '2013-02-28'")"
expect_out "Timescale as written: Autumn 2012; revised: Winter 2012"
expect_out "    as written: Winter 2012"
expect_eq "$(due_of 'Core business')" 2012-06-27 "an unchanged yearless date does not move"

# ----------------------------------------------------------- Herefordshire
case_ "Herefordshire 2018: 3, 6, 12 months from the start; a month later nothing moves"
export SAFEPLAN_TODAY=2018-04-10
DB=$WORK/hereford.db
sp --db "$DB" init
sp --db "$DB" authority add herefordshire --name "Herefordshire Council"
run --db "$DB" import "$DATA/herefordshire_2018.csv" --authority herefordshire \
    --map "Within=due_on,Area for improvement=finding"
expect_status 0
expect_eq "$(due_of 'Review CIN work')" 2018-07-01 "3 months from 1/4/18"
expect_eq "$(due_of 'Review guidance')" 2018-10-01 "6 months"
expect_eq "$(due_of 'Design a bespoke')" 2019-04-01 "12 months"
expect_eq "$(due_of 'Update partners')" 2018-10-10 "next 6 months, no start: from the import"
expect_eq "$(col_of 'Cycle of audits' cadence)" "1 month" "Monthly"
SAFEPLAN_TODAY=2018-05-15 run --db "$DB" import "$DATA/herefordshire_2018.csv" \
    --authority herefordshire --map "Within=due_on,Area for improvement=finding"
expect_status 0
expect_out "5 unchanged"
expect_eq "$(due_of 'Update partners')" 2018-10-10 "a re-import never moves a relative date"
expect_eq "$(sql "$DB" "SELECT count(*) FROM review")" 1 "the first import's review reused"

case_ "A relative timescale rewritten in the sheet counts from the first import"
# The first import's day is when the action was recorded (created_at, the
# clock's date), so this part runs on today's date.
unset SAFEPLAN_TODAY
DB=$WORK/hereford2.db
sp --db "$DB" init
sp --db "$DB" authority add herefordshire --name "Herefordshire Council"
run --db "$DB" import "$DATA/herefordshire_2018.csv" --authority herefordshire \
    --map "Within=due_on,Area for improvement=finding"
FIRST=$(sql "$DB" "SELECT date(created_at) FROM action WHERE description LIKE 'Update partners%'")
sed 's/Next 6 months/Next 9 months/' "$DATA/herefordshire_2018.csv" >hereford_may.csv
run --db "$DB" import hereford_may.csv --authority herefordshire \
    --map "Within=due_on,Area for improvement=finding"
expect_status 0
expect_out "updated: 1 action"
WANT=$(python3 -c "
import calendar, datetime, sys
d = datetime.date.fromisoformat(sys.argv[1]); m = d.month - 1 + 9
y, m = d.year + m // 12, m % 12 + 1
print(d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1])))" "$FIRST")
expect_eq "$(due_of 'Update partners')" "$WANT" "9 months from the first import ($FIRST)"

# ------------------------------------------------------------ Peterborough
case_ "Peterborough March 2017: --as-at the committee's date"
export SAFEPLAN_TODAY=2017-04-20
DB=$WORK/pboro.db
sp --db "$DB" init
sp --db "$DB" authority add peterborough --name "Peterborough City Council"
run --db "$DB" import "$DATA/peterborough_2017.csv" --authority peterborough --as-at 2017-03-13
expect_status 0
expect_out "flagged: 1 signed off without evidence of impact"
expect_err "peterborough_2017.csv:5:6: signed off without evidence of impact"
expect_eq "$(due_of 'Reduce agency')" 2017-03-31 "Q4 16/17"
expect_eq "$(due_of 'Deliver self-service')" 2017-03-31 "end of financial year, from the --as-at date"
expect_eq "$(due_of 'Launch the strategy')" 2016-11-30 "Autumn 2016"
expect_eq "$(due_of 'Complaints workshops')" 2017-03-31 "Excel's date-time"
expect_eq "$(due_of 'Add capacity')" none "TBC"
expect_eq "$(sql "$DB" "SELECT DISTINCT on_date FROM action_update")" 2017-03-13 "updates as at"
run --db "$DB" summary --as-of 2017-03-13 --by status --format csv
expect_out "complete,2"
expect_out "signed_off,1"
run --db "$DB" summary --as-of 2017-03-12 --by status --format csv
expect_out_not "signed_off,1"
expect_out_not "complete,2"

case_ "Peterborough: action show flags the sign-off without evidence"
ID=$(sql "$DB" "SELECT id FROM action WHERE description LIKE 'Reduce agency%'")
run --db "$DB" action show "$ID"
expect_out "Data quality: signed off without evidence of impact"

case_ "Peterborough: the HTML report and the pack carry the data-quality note"
run --db "$DB" report --as-of 2017-03-20 --out report.html
expect_status 0
grep -qF "Data quality: 1 action signed off without evidence of impact." report.html && ok || \
    bad "report.html lacks the data-quality note"
run --db "$DB" pack --as-of 2017-03-20 --out pack.xlsx
expect_status 0
expect_eq "$(python3 -c "
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
text = ''.join(z.read(n).decode() for n in z.namelist() if n.endswith('.xml'))
print(len(re.findall('Data quality: signed off without evidence of impact', text)))" pack.xlsx)" \
    1 "the pack's Summary sheet has the note"
run --db "$DB" report --as-of 2017-03-12 --out early.html
grep -qF "Data quality" early.html && bad "a note before the sign-off" || ok

case_ "Peterborough: overdue never lists open-ended actions; --no-due finds them"
run --db "$DB" overdue --as-of 2017-04-20 --format csv
expect_out_not "Add capacity"
run --db "$DB" action list --no-due --format csv
expect_out "Add capacity"
expect_out_not "Reduce agency"
run --db "$DB" stale --no-due --days 30 --as-of 2017-04-20 --format csv
expect_out "Add capacity"
expect_out_not "Reduce agency"
run --db "$DB" summary --no-due --as-of 2017-04-20 --format csv
expect_out "General,1,0,0,1,0,0,0,0,1,0"

case_ "Export, import, export: byte-identical, timescales as written included"
run --db "$DB" export --out e1.csv
expect_status 0
head -1 e1.csv | grep -q "due_as_written" && ok || bad "export lacks due_as_written"
run --db "$WORK/copy.db" import e1.csv
expect_status 0
run --db "$WORK/copy.db" export --out e2.csv
cmp -s e1.csv e2.csv && ok || bad "export after import differs"
expect_eq "$(sql "$WORK/copy.db" "SELECT cadence FROM action WHERE timescale = 'Quarterly'")" \
    "3 months" "cadence back from the timescale"

# ------------------------------------------------------------ bad cells
case_ "Every bad cell of a row, each as FILE:LINE:COLUMN"
DB=$WORK/plan.db
export SAFEPLAN_TODAY=2012-06-20
printf 'Finding,Action,Owner,Start date,Status,Timescale\nStreamline paperwork,Remove fields,Head of QA,31/02/2012,Finished-ish,Q1 2018\n' >three.csv
refused_unchanged "three bad cells" import three.csv --authority torbay
expect_err "three.csv:2:4: start date '31/02/2012' is not a valid date"
expect_err "three.csv:2:5: status 'Finished-ish' is not known"
expect_err "three.csv:2:6: timescale 'Q1 2018' is ambiguous"
expect_err "1 bad row; nothing was imported"

case_ "Ambiguous timescales are refused, naming the cell and the fix"
for ts in "Q1 2018" "Jul-12" "Bi-annually" "end of year"; do
    printf 'Finding,Action,Owner,Timescale\nF,A,O,%s\n' "$ts" >amb.csv
    refused_unchanged "$ts" import amb.csv --authority torbay
    expect_err "amb.csv:2:4: timescale '$ts' is ambiguous"
done
printf 'Finding,Action,Owner,Timescale\nF,A,O,whenever\n' >amb.csv
refused_unchanged "unknown" import amb.csv --authority torbay
expect_err "amb.csv:2:4: timescale 'whenever' is not understood: expected a date"
expect_err "Monthly"

case_ "Complete in the timescale column against the status column"
printf 'Finding,Action,Owner,Timescale,Status\nF,A,O,Complete,In progress\n' >cx.csv
refused_unchanged "complete vs status" import cx.csv --authority torbay
expect_err "cx.csv:2:4: the timescale says 'Complete' but the status is in_progress"

case_ "--fill-down naming no column; --as-at in the future"
refused_unchanged "fill-down" import "$DATA/torbay_2012.csv" --authority torbay \
    --map "Improvement notice action=finding" --fill-down Nonsense
expect_err "--fill-down: the file has no column 'Nonsense'"
refused_unchanged "as-at" import "$DATA/torbay_2012.csv" --authority torbay --as-at 2013-01-01
expect_err "--as-at 2013-01-01 is after today"

# ------------------------------------------------------------ action add
case_ "action add and update take the same forms"
sp finding add torbay/import-2012-06-20 9 --kind recommendation --theme T --text "Text"
run action add torbay/import-2012-06-20/9 --title "Seasonal" --owner O --due "Autumn 2016" \
    --start 2016-01-01
expect_out "due 2016-11-30"
run action add torbay/import-2012-06-20/9 --title "Open" --owner O
expect_out "open-ended (no due date)"
run action add torbay/import-2012-06-20/9 --title "Board report" --owner O --due Quarterly \
    --start 2012-06-01
expect_out "reports every 3 months, first report due 2012-09-08 (grace included)"
run action add torbay/import-2012-06-20/9 --title "X" --owner O --due "Jul-12"
expect_status 1
expect_err "due date 'Jul-12' is ambiguous"
run action update torbay/import-2012-06-20/9/2 --due "16th July 2012"
expect_status 0
expect_out "due date: (none) → 2012-07-16"
run action update torbay/import-2012-06-20/9/2 --due TBC --reason "not known"
expect_status 1
expect_err "names no date"

# ------------------------------------------------------------ upgrade
case_ "A version 4 database is upgraded: same rows, ids, triggers; due dates optional"
V4=$WORK/v4.db
for m in "$SP_SOURCE_DIR"/migrations/000[1-4]_*.sql; do sqlite3 "$V4" <"$m"; done
sqlite3 "$V4" "PRAGMA application_id = 1397771342; PRAGMA user_version = 4;
INSERT INTO authority (id, code, name) VALUES (7, 'torbay', 'Torbay Council');
INSERT INTO review (id, authority_id, ref, kind, title) VALUES (3, 7, 'r', 'other', 'R');
INSERT INTO finding (id, review_id, ref, kind, theme, text) VALUES (5, 3, '1', 'recommendation', 'T', 'F');
INSERT INTO owner (id, name) VALUES (2, 'O');
INSERT INTO action (id, finding_id, ref, description, owner_id, original_due_on, due_on)
    VALUES (41, 5, '1', 'Do it', 2, '2012-07-31', '2012-07-31');
INSERT INTO action_update (action_id, on_date, author, new_status) VALUES (41, '2012-06-01', 'A', 'in_progress');"
run --db "$V4" action show 41 --as-of 2012-06-20
expect_status 0
expect_eq "$(sql "$V4" "PRAGMA user_version")" "$(ls "$SP_SOURCE_DIR"/migrations/[0-9]*.sql | wc -l)" "upgraded to the current version"
expect_eq "$(sql "$V4" "SELECT status || ' ' || due_on FROM action WHERE id = 41")" \
    "in_progress 2012-07-31" "row kept"
expect_eq "$(sql "$V4" "PRAGMA foreign_key_check; PRAGMA integrity_check")" ok "integrity"
# The five triggers of versions 4 and 5 survive the rebuild of the action
# table (later migrations add their own).
expect_eq "$(sql "$V4" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN
    ('action_original_due_fixed', 'action_update_apply', 'action_update_first_due',
     'action_update_no_delete', 'action_update_no_update')")" 5 "triggers"
run --db "$V4" action update 41 --due "end of August 2012" --reason "slipped"
expect_status 0
run --db "$V4" action update 41 --note "x" --on 2012-06-02
expect_status 0
sqlite3 "$V4" "UPDATE action_update SET note = 'y' WHERE id = 1" 2>/dev/null && \
    bad "history can be rewritten after the upgrade" || ok

finish

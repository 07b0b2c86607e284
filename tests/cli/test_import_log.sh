#!/usr/bin/env bash
# A progress cell kept as a log, a dated line added at each report
# ("03/06/2024: Second audit done", newest first or last): each dated line,
# with the undated lines under it, is an entry on its own date, so the
# action's history and staleness show when the work was done. A cell whose
# first line has no date, or that names a date after the sheet's, is one
# note as before. The same sheet imported again adds only new lines; a log
# met part-way through a load into an empty plan leaves a history that
# verify accepts; a dry run changes nothing.
. "$(dirname "$0")/lib.sh"
export SAFEPLAN_TODAY=2025-10-01
DB=$SAFEPLAN_DB
entries() { # the action's notes, in history order, as "date|note" with "/" for line breaks
    sql "$DB" "SELECT u.on_date || '|' || replace(replace(u.note, char(13), ''), char(10), '/')
               FROM action_update u JOIN action a ON a.id = u.action_id
               WHERE a.ref = '$1' AND u.note IS NOT NULL ORDER BY u.id"
}
H='Ref,Recommendation,What we will do,Lead officer,Target date,Status,Progress update'
sheet() { # sheet FILE: rows of "ref|progress" from stdin, with \n for a line break
    python3 -c '
import csv, sys
out = csv.writer(open(sys.argv[1], "w", newline=""))
out.writerow(sys.argv[2].split(","))
for line in sys.stdin:
    ref, note = line.rstrip("\n").split("|", 1)
    out.writerow([ref, "Strengthen the front door", "Action " + ref, "Head of Service",
                  "31/12/2025", "In progress", note.replace("\\n", "\n")])' "$1" "$H"
}

case_ "the forms of a dated line, newest first or last"
fresh_plan
sheet forms.csv <<'ROWS'
1.1|03/09/2025: Audit of 40 files done\n12/06/2025 - Met partners
1.2|June 2025: Course commissioned\nSept 2025 – First cohort trained;\nthe second in November
1.3|[12 June 2025] Terms agreed\n\n• 3rd September 2025: Thresholds agreed
1.4|Update 01.07.2025: Audit tool agreed\n- 12-Aug-2025 Pilot begun
1.5|12/06/2025\nMet partners; a date alone on its line
1.6|15/09/2025: Second line\n15/09/2025: of the same day
ROWS
run import forms.csv --authority tb
expect_status 0
expect_out "progress history: 11 entries added from dated lines in 6 progress cells"
expect_err "forms.csv:2:7: the progress cell is a log of dated lines"
expect_eq "$(grep -c 'log of dated lines' "$ERR")" "1" "the note is given once"
expect_eq "$(entries 1.1)" "2025-06-12|Met partners
2025-09-03|Audit of 40 files done" "newest first, written in date order"
expect_eq "$(entries 1.2)" "2025-06-01|Course commissioned
2025-09-01|First cohort trained;/the second in November" "months, and a line under a dated one"
expect_eq "$(entries 1.3)" "2025-06-12|Terms agreed
2025-09-03|Thresholds agreed" "a bracket, a bullet and a written day"
expect_eq "$(entries 1.4)" "2025-07-01|Audit tool agreed
2025-08-12|Pilot begun" "Update before the date, 12-Aug-2025 after a dash"
expect_eq "$(entries 1.5)" "2025-06-12|Met partners; a date alone on its line" \
    "a date alone: the text is below it"
expect_eq "$(entries 1.6)" "2025-09-15|Second line
2025-09-15|of the same day" "two lines of one day, in the cell's order"

case_ "staleness counts from the last dated line, not the day of the import"
run stale --authority tb --days 20
expect_status 0
expect_out "                 30  tb/import-2025-10-01/1/1.2"
expect_out_not "1.6"
run stale --authority tb --days 10
expect_out "                 16  tb/import-2025-10-01/1/1.6"

case_ "cells that are not logs are one note on the sheet's date"
fresh_plan
sheet plain.csv <<'ROWS'
2.1|Work is progressing; met partners 12/06/2025
2.2|31/03/2026: target date agreed with partners\n12/06/2025: met partners
2.3|1. Met partners\n2. Agreed terms
2.4|2024/25 plan agreed by the board
2.5|10 audits completed in 2025
2.6|June 24: course booked
ROWS
run import plain.csv --authority tb
expect_status 0
expect_out_not "progress history"
expect_eq "$(grep -c 'log of dated lines' "$ERR")" "0" "no log noted"
expect_eq "$(entries 2.1)" "2025-10-01|Work is progressing; met partners 12/06/2025" "no date first"
expect_eq "$(entries 2.2)" "2025-10-01|31/03/2026: target date agreed with partners/12/06/2025: met partners" \
    "a date to come: a plan, one note"
expect_eq "$(entries 2.3)" "2025-10-01|1. Met partners/2. Agreed terms" "a numbered list"
expect_eq "$(entries 2.4)" "2025-10-01|2024/25 plan agreed by the board" "a financial year"
expect_eq "$(entries 2.5)" "2025-10-01|10 audits completed in 2025" "a number"
expect_eq "$(entries 2.6)" "2025-10-01|June 24: course booked" "a month with two digits could be a day"

case_ "a note dated by its row's Last updated cell is that update's"
fresh_plan
cat >dated.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date,Status,Progress update,Last updated
5.1,Improve supervision,Audit files,Head of Service,31/12/2025,In progress,"03/09/2025: Audit done
12/06/2025: Met partners",15/09/2025
CSV
run import dated.csv --authority tb
expect_status 0
expect_out_not "progress history"
expect_eq "$(entries 5.1)" "2025-09-15|03/09/2025: Audit done/12/06/2025: Met partners" \
    "one note, on its Last updated date"

case_ "a note written with dated lines goes through export and import unchanged"
fresh_plan
sheet plain1.csv <<'ROWS'
6.1|Started
ROWS
run import plain1.csv --authority tb
run action update tb/import-2025-10-01/1/6.1 --on 2025-10-01 \
    --note "$(printf '03/09/2025 - Audit done\n12/06/2025: Met partners')"
expect_status 0
run export --out plan.csv
expect_status 0
run import plan.csv
expect_status 0
expect_out "0 actions (a progress update appended to each); 1 unchanged"
expect_out_not "progress history"

case_ "the same sheet again adds only new lines"
fresh_plan
sheet again.csv <<'ROWS'
3.1|12/06/2025: Met partners
ROWS
run import again.csv --authority tb
expect_status 0
run import again.csv --review tb/import-2025-10-01
expect_status 0
expect_out "progress history: 0 entries added from dated lines in 1 progress cell"
sheet again.csv <<'ROWS'
3.1|03/09/2025: Audit done\n12/06/2025: Met partners
ROWS
run import again.csv --review tb/import-2025-10-01
expect_out "progress history: 1 entry added from dated lines in 1 progress cell"
expect_eq "$(entries 3.1)" "2025-06-12|Met partners
2025-09-03|Audit done" "the new line only"

case_ "a dry run counts the entries and changes nothing"
sheet dry.csv <<'ROWS'
3.2|01/09/2025: Started
ROWS
before=$(fingerprint "$DB" "$DB-wal")
run import dry.csv --review tb/import-2025-10-01 --dry-run
expect_status 0
expect_out "progress history: 1 entry would be added from dated lines in 1 progress cell"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged by the dry run"

case_ "a log part-way through a load into an empty plan: the history verifies"
fresh_plan
{ for i in 1 2 3 4 5; do echo "4.$i|Going well"; done
  echo "4.6|03/09/2025: Audit done\n12/06/2025: Met partners"
  for i in 7 8; do echo "4.$i|Fine"; done; } | sheet mixed.csv
run import mixed.csv --authority tb
expect_status 0
expect_eq "$(entries 4.6)" "2025-06-12|Met partners
2025-09-03|Audit done" "the log's entries"
expect_eq "$(entries 4.7)" "2025-10-01|Fine" "rows after it"
run verify
expect_status 0
expect_out_not "FAIL"
"$SAFEPLAN_BIN" --db "$WORK/empty.db" init >/dev/null
schema="SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY type, name"
expect_eq "$(sql "$DB" "$schema")" "$(sql "$WORK/empty.db" "$schema")" \
    "the load's triggers and indexes are all back, as made"
run action update tb/import-2025-10-01/1/4.6 --note "Report to board" --on 2025-10-01
expect_status 0
run verify
expect_status 0

case_ "the README's example prints what the README shows"
fresh_plan
sp authority add torbay --name Torbay
readme_import "**Progress kept in one cell, a dated line at a time." 2024-07-15 import \
    tests/data/import/progress_log.csv --authority torbay --by "Plan clerk"

finish

#!/usr/bin/env bash
# A due date revised in its own cell, as sheets without a column for the
# first date record slippage: "Dec 2025 (revised from Sept 2025)", "Sept
# 2025 revised to Dec 2025", "31/12/2025 (was 30/09/2025)". The earlier
# date is the action's original due date and the later its due date, as if
# the sheet had both columns: the slippage shows in the RAG rating and the
# history, and the cell is kept as written. A month with two digits after
# it ("Sept 25") is refused as ambiguous; with an apostrophe ("Sept '25")
# the digits are a year. Every refusal changes nothing.
. "$(dirname "$0")/lib.sh"
export SAFEPLAN_TODAY=2025-10-01
DB=$SAFEPLAN_DB
dates() { sql "$DB" "SELECT coalesce(original_due_on, '-') || ' ' || coalesce(due_on, '-') || ' ' || status FROM action WHERE ref = '$1'"; }
H='Ref,Recommendation,What we will do,Lead officer,Start date,Target date,Status'

case_ "the earlier date is the original, the later the due date, in every wording"
fresh_plan
cat >revised.csv <<CSV
$H
1.1,Rec 1,Act one,Lead,2025-04-01,Dec 2025 (revised from Sept 2025),In progress
1.2,Rec 1,Act two,Lead,2025-04-01,Sept 2025 revised to Dec 2025,In progress
1.3,Rec 1,Act three,Lead,2025-04-01,31/12/2025 (was 30/09/2025),In progress
1.4,Rec 1,Act four,Lead,2025-04-01,"30/09/2025
Revised date: 31/12/2025",In progress
1.5,Rec 1,Act five,Lead,2025-04-01,Sept 2025 → Dec 2025,In progress
1.6,Rec 1,Act six,Lead,2025-04-01,"Jan 2026 [originally Nov 2025]",Not started
1.7,Rec 1,Act seven,Lead,2025-04-01,Completed (was due Sept 2025),
1.8,Rec 1,Act eight,Lead,2025-04-01,Revised to Dec 2025,In progress
1.9,Rec 1,Act nine,Lead,2025-04-01,Dec 2025 (was TBC),In progress
1.10,Rec 1,Act ten,Lead,2025-04-01,"Initially 30/09/2025, now 31/12/2025",In progress
1.11,Rec 1,Act eleven,Lead,2025-04-01,Originally Sept 2025 - revised to Dec 2025,In progress
CSV
run import revised.csv --authority tb
expect_status 0
expect_eq "$(dates 1.1)" "2025-09-30 2025-12-31 in_progress" "(revised from ...)"
expect_eq "$(dates 1.2)" "2025-09-30 2025-12-31 in_progress" "... revised to ..."
expect_eq "$(dates 1.3)" "2025-09-30 2025-12-31 in_progress" "(was ...)"
expect_eq "$(dates 1.4)" "2025-09-30 2025-12-31 in_progress" "two lines, the second the revised date"
expect_eq "$(dates 1.5)" "2025-09-30 2025-12-31 in_progress" "an arrow"
expect_eq "$(dates 1.6)" "2025-11-30 2026-01-31 not_started" "[originally ...]"
expect_eq "$(dates 1.7)" "2025-09-30 2025-09-30 complete" "complete, and when it was due"
expect_eq "$(dates 1.8)" "2025-12-31 2025-12-31 in_progress" "revised, not saying from what"
expect_eq "$(dates 1.9)" "2025-12-31 2025-12-31 in_progress" "revised from no date"
expect_eq "$(dates 1.10)" "2025-09-30 2025-12-31 in_progress" "initially ..., now ..."
expect_eq "$(dates 1.11)" "2025-09-30 2025-12-31 in_progress" "originally ... revised to ..."
expect_eq "$(sql "$DB" "SELECT timescale FROM action WHERE ref = '1.1'")" \
    "Dec 2025 (revised from Sept 2025)" "the cell is kept as written"

case_ "a revised date shows as slipped, and rates amber; an unrevised one does not"
run action show tb/import-2025-10-01/1/1.1
expect_status 0
expect_out "RAG as of 2025-10-01: amber: due date revised from 2025-09-30 to 2025-12-31"
expect_out "Due 2025-12-31, originally 2025-09-30 (slipped 92 days)"
run action show tb/import-2025-10-01/1/1.8
expect_status 0
expect_out_not "originally"

case_ "the same sheet again changes nothing"
before=$(sql "$DB" "SELECT count(*) FROM action_update")
run import revised.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT count(*) FROM action_update")" "$before" "no new entries"

case_ "a later sheet revising a date appends the revision"
cat >later.csv <<CSV
$H
1.8,Rec 1,Act eight,Lead,2025-04-01,Dec 2025 revised to March 2026,In progress
CSV
run import later.csv --authority tb
expect_status 0
expect_eq "$(dates 1.8)" "2025-12-31 2026-03-31 in_progress" "due moved, the original kept"
expect_eq "$(sql "$DB" "SELECT u.old_due_on || ' ' || u.new_due_on FROM action_update u
    JOIN action a ON a.id = u.action_id WHERE a.ref = '1.8' AND u.new_due_on IS NOT NULL")" \
    "2025-12-31 2026-03-31" "the revision is an entry in the history"

case_ "the cell's earlier date must agree with an original due date column"
fresh_plan
cat >both.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Original target date,Target date
1.1,Rec 1,Act one,Lead,30/09/2025,Dec 2025 (revised from Sept 2025)
CSV
run import both.csv --authority tb
expect_status 0
expect_eq "$(dates 1.1)" "2025-09-30 2025-12-31 not_started" "the two agree"
fresh_plan
cat >clash.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Original target date,Target date
1.1,Rec 1,Act one,Lead,31/07/2025,Dec 2025 (revised from Sept 2025)
CSV
refused "clash.csv:2:6: timescale 'Dec 2025 (revised from Sept 2025)' says the date was revised from 2025-09-30, but the original due date is 2025-07-31 ('31/07/2025')" \
    import clash.csv --authority tb

case_ "a revision whose dates cannot be read is refused at its cell"
cat >bad.csv <<CSV
$H
1.1,Rec 1,Act one,Lead,2025-04-01,Dec 2025 (revised from whenever),In progress
CSV
refused "bad.csv:2:6: timescale 'Dec 2025 (revised from whenever)' is not understood" \
    import bad.csv --authority tb

case_ "'Sept 25' is refused as ambiguous; \"Sept '25\" is September 2025"
cat >short.csv <<CSV
$H
1.1,Rec 1,Act one,Lead,2025-04-01,Sept 25,In progress
CSV
refused "short.csv:2:6: timescale 'Sept 25' is ambiguous: a month and two digits ('Sept 25') may be September 2025 or 25 September" \
    import short.csv --authority tb
cat >apostrophe.csv <<CSV
$H
1.1,Rec 1,Act one,Lead,2025-04-01,Sept '25,In progress
1.2,Rec 1,Act two,Lead,2025-04-01,end of Jan ’26,In progress
CSV
run import apostrophe.csv --authority tb
expect_status 0
expect_eq "$(dates 1.1)" "2025-09-30 2025-09-30 in_progress" "Sept '25"
expect_eq "$(dates 1.2)" "2026-01-31 2026-01-31 in_progress" "end of Jan ’26"

finish

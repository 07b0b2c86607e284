#!/usr/bin/env bash
# Cells as councils' sheets write them. References as sheets number their
# rows ("Rec 1", "1(a)", "#2", "(ii)", "2 - 3"), tidied to ones a path
# holds; an owner cell of several lines, one owner named by them all; a
# completion date, the day of the status change, an entry of its own
# before a later update (a last update or a completion after the sheet's
# date is refused); a start written as a
# period ("Q1 2025/26"), its first day; headers decorated
# ("Lead Officer(s):"), of alternatives ("Outcome / Success criteria") or
# in other words ("Key actions", "Current status").
# Statuses: their own words for each status
# ("Not yet due", "Partially met", "Met", "Cancelled", "On hold"), a
# percentage done, a RAG colour before the status ("Blue - complete"),
# words after it ("Completed - evidence to follow", "Achieved (Sept
# 2025)"), and "Business as usual" as where an action was transferred. A
# reading that is not quite what the cell says is noted once. A cell with
# a "not" after its first words, or no status in it, is refused; every
# refusal changes nothing.
. "$(dirname "$0")/lib.sh"
export SAFEPLAN_TODAY=2025-10-01
DB=$SAFEPLAN_DB
status_of() { sql "$DB" "SELECT status || '|' || coalesce(transferred_to, '') FROM action WHERE ref = '$1'"; }
H='Ref,Recommendation,What we will do,Lead officer,Target date,Status'

case_ "a council's words for each status"
fresh_plan
cat >words.csv <<CSV
$H
1.1,Rec 1,Act,Lead,31/12/2025,Not yet due
1.2,Rec 1,Act,Lead,31/12/2025,Planned
1.3,Rec 1,Act,Lead,31/12/2025,Partially met
1.4,Rec 1,Act,Lead,31/12/2025,Not met
1.5,Rec 1,Act,Lead,31/12/2025,In train
1.6,Rec 1,Act,Lead,31/12/2025,Overdue
1.7,Rec 1,Act,Lead,31/12/2025,Met
1.8,Rec 1,Act,Lead,31/12/2025,Embedded
1.9,Rec 1,Act,Lead,31/12/2025,Awaiting sign-off
1.10,Rec 1,Act,Lead,31/12/2025,Cancelled
1.11,Rec 1,Act,Lead,31/12/2025,No longer required
1.12,Rec 1,Act,Lead,31/12/2025,Business as usual
1.13,Rec 1,Act,Lead,31/12/2025,BAU
1.14,Rec 1,Act,Lead,31/12/2025,On target
1.15,Rec 1,Act,Lead,31/12/2025,Active
1.16,Rec 1,Act,Lead,31/12/2025,WIP
1.17,Rec 1,Act,Lead,31/12/2025,Good progress
1.18,Rec 1,Act,Lead,31/12/2025,Limited progress
1.19,Rec 1,Act,Lead,31/12/2025,Sustained
1.20,Rec 1,Act,Lead,31/12/2025,Live
CSV
run import words.csv --authority tb
expect_status 0
expect_eq "$(status_of 1.1)" "not_started|" "Not yet due"
expect_eq "$(status_of 1.2)" "not_started|" "Planned"
expect_eq "$(status_of 1.3)" "in_progress|" "Partially met"
expect_eq "$(status_of 1.4)" "in_progress|" "Not met (still open: its dates rate it)"
expect_eq "$(status_of 1.5)" "in_progress|" "In train"
expect_eq "$(status_of 1.6)" "in_progress|" "Overdue (its dates say how late)"
expect_eq "$(status_of 1.7)" "complete|" "Met"
expect_eq "$(status_of 1.8)" "complete|" "Embedded"
expect_eq "$(status_of 1.9)" "complete|" "Awaiting sign-off (sign-off is a second person's act)"
expect_eq "$(status_of 1.10)" "withdrawn|" "Cancelled"
expect_eq "$(status_of 1.11)" "withdrawn|" "No longer required"
expect_eq "$(status_of 1.12)" "transferred|Business as usual" "Business as usual"
expect_eq "$(status_of 1.13)" "transferred|BAU" "BAU"
for r in 1.14 1.15 1.16 1.17 1.18 1.20; do
    expect_eq "$(status_of $r)" "in_progress|" "an open action's word (row of $r)"
done
expect_eq "$(status_of 1.19)" "complete|" "Sustained"
expect_no_err
case_ "deferred work is in progress, said once, as paused work is"
fresh_plan
printf '%s\n' "$H" "1.1,Rec 1,Act,Lead,31/12/2025,Deferred" "1.2,Rec 1,Act,Lead,31/12/2025,Postponed" >deferred.csv
run import deferred.csv --authority tb
expect_status 0
expect_err "deferred.csv:2:6: 'Deferred' is recorded as in progress (safeplan has no status for paused work"
expect_eq "$(status_of 1.2)" "in_progress|" "Postponed"

case_ "more of councils' words: not begun, under way, done, stalled, merged"
fresh_plan
cat >more.csv <<CSV
$H
3.1,Rec 3,Act,Lead,31/12/2025,Yet to start
3.2,Rec 3,Act,Lead,31/12/2025,Scheduled
3.3,Rec 3,Act,Lead,31/12/2025,In hand
3.4,Rec 3,Act,Lead,31/12/2025,In development
3.5,Rec 3,Act,Lead,31/12/2025,Partially implemented
3.6,Rec 3,Act,Lead,31/12/2025,Substantially complete
3.7,Rec 3,Act,Lead,31/12/2025,Off target
3.8,Rec 3,Act,Lead,31/12/2025,Finished
3.9,Rec 3,Act,Lead,31/12/2025,Fully implemented
3.10,Rec 3,Act,Lead,31/12/2025,Proposed for closure
3.11,Rec 3,Act,Lead,31/12/2025,Pending sign off
3.12,Rec 3,Act,Lead,31/12/2025,Stalled
3.13,Rec 3,Act,Lead,31/12/2025,Merged
3.14,Rec 3,Act,Lead,31/12/2025,Not on track
3.15,Rec 3,Act,Lead,31/12/2025,Significant progress
3.16,Rec 3,Act,Lead,31/12/2025,Part complete
3.17,Rec 3,Act,Lead,31/12/2025,Partly completed
3.18,Rec 3,Act,Lead,31/12/2025,Ready for sign-off
3.19,Rec 3,Act,Lead,31/12/2025,Awaiting closure
CSV
run import more.csv --authority tb
expect_status 0
for r in 3.1 3.2; do expect_eq "$(status_of $r)" "not_started|" "not begun (row of $r)"; done
for r in 3.3 3.4 3.5 3.6 3.7 3.12 3.14 3.15 3.16 3.17; do
    expect_eq "$(status_of $r)" "in_progress|" "open (row of $r)"
done
for r in 3.8 3.9 3.10 3.11 3.18 3.19; do
    expect_eq "$(status_of $r)" "complete|" "done, not signed off (row of $r)"
done
expect_eq "$(status_of 3.13)" "withdrawn|" "Merged"
expect_err "more.csv:13:6: 'Stalled' is recorded as in progress (safeplan has no status for paused work"
expect_err "more.csv:14:6: 'Merged' is recorded as withdrawn (safeplan has no status for an action replaced by another or merged into it"

case_ "open, not done: in progress, said once"
fresh_plan
cat >open.csv <<CSV
$H
4.1,Rec 4,Act,Lead,31/12/2025,Open
4.2,Rec 4,Act,Lead,31/12/2025,Incomplete
4.3,Rec 4,Act,Lead,31/12/2025,Not complete
4.4,Rec 4,Act,Lead,31/12/2025,Outstanding
4.5,Rec 4,Act,Lead,31/12/2025,Closed
CSV
run import open.csv --authority tb
expect_status 0
for r in 4.1 4.2 4.3 4.4; do expect_eq "$(status_of $r)" "in_progress|" "open (row of $r)"; done
expect_eq "$(status_of 4.5)" "complete|" "Closed"
expect_err "open.csv:2:6: 'Open' is recorded as in progress (the sheet says the work is not done, not whether it began"
expect_eq "$(grep -c 'is not done, not whether it began' "$ERR")" "1" "said once"

case_ "a percentage done"
fresh_plan
cat >percent.csv <<CSV
$H
2.1,Rec 2,Act,Lead,31/12/2025,0%
2.2,Rec 2,Act,Lead,31/12/2025,50% complete
2.3,Rec 2,Act,Lead,31/12/2025,100%
CSV
run import percent.csv --authority tb
expect_status 0
expect_eq "$(status_of 2.1)" "not_started|" "0%"
expect_eq "$(status_of 2.2)" "in_progress|" "50% complete"
expect_eq "$(status_of 2.3)" "complete|" "100%"

case_ "paused work is in progress, said once"
fresh_plan
cat >hold.csv <<CSV
$H
3.1,Rec 3,Act,Lead,31/12/2025,On hold
3.2,Rec 3,Act,Lead,31/12/2025,Paused
CSV
run import hold.csv --authority tb
expect_status 0
expect_eq "$(status_of 3.1)" "in_progress|" "On hold"
expect_eq "$(status_of 3.2)" "in_progress|" "Paused"
expect_err "hold.csv:2:6: 'On hold' is recorded as in progress (safeplan has no status for paused work: its dates make it amber or red), here and on every such row"
expect_eq "$(grep -c 'is recorded as in progress' "$ERR")" "1" "the note is given once"

case_ "a RAG colour before the status: the status, and a note"
fresh_plan
cat >colour.csv <<CSV
$H
4.1,Rec 4,Act,Lead,31/12/2025,Blue - complete
4.2,Rec 4,Act,Lead,31/12/2025,Green: on track
4.3,Rec 4,Act,Lead,31/12/2025,Red – delayed
CSV
run import colour.csv --authority tb
expect_status 0
expect_eq "$(status_of 4.1)" "complete|" "Blue - complete"
expect_eq "$(status_of 4.2)" "in_progress|" "Green: on track"
expect_eq "$(status_of 4.3)" "in_progress|" "Red – delayed"
expect_err "colour.csv:2:6: status 'Blue - complete' is read as complete, after its RAG colour, which is not imported"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action WHERE rag_override IS NOT NULL")" "0" "no colour kept"

case_ "words after the status: its first words, and a note naming the rest"
fresh_plan
cat >after.csv <<CSV
$H
5.1,Rec 5,Act,Lead,31/12/2025,Completed - evidence to follow
5.2,Rec 5,Act,Lead,31/12/2025,In progress (70%)
5.3,Rec 5,Act,Lead,31/12/2025,Achieved (Sept 2025)
5.4,Rec 5,Act,Lead,31/12/2025,Complete – June 2025
CSV
run import after.csv --authority tb
expect_status 0
expect_eq "$(status_of 5.1)" "complete|" "Completed - evidence to follow"
expect_eq "$(status_of 5.2)" "in_progress|" "In progress (70%)"
expect_eq "$(status_of 5.3)" "complete|" "Achieved (Sept 2025)"
expect_eq "$(status_of 5.4)" "complete|" "Complete – June 2025"
expect_err "after.csv:2:6: status 'Completed - evidence to follow' is read as complete from its first words; the rest ('evidence to follow') is not imported, here and on every row so written"

case_ "words after a status of work done that say only part of it is: in progress, said once"
fresh_plan
cat >partly.csv <<CSV
$H
5.5,Rec 5,Act,Lead,31/12/2025,Complete (partially)
5.6,Rec 5,Act,Lead,31/12/2025,Achieved in part
5.7,Rec 5,Act,Lead,31/12/2025,Completed - mostly
5.8,Rec 5,Act,Lead,31/12/2025,Completed as part of the MASH review
CSV
run import partly.csv --authority tb
expect_status 0
for r in 5.5 5.6 5.7; do expect_eq "$(status_of $r)" "in_progress|" "part done (row of $r)"; done
expect_eq "$(status_of 5.8)" "complete|" "'as part of' says what it was part of, not how much"
expect_err "partly.csv:2:6: status 'Complete (partially)' is read as in progress: its words say only part of the work is done ('(partially)'), here and on every row so written"
expect_eq "$(grep -c 'only part of the work is done' "$ERR")" "1" "said once"

case_ "a 'not' that denies only the sign-off, evidence or closure leaves the work done"
fresh_plan
printf '%s\n' "$H" "5.9,Rec 5,Act,Lead,31/12/2025,Complete - not signed off" \
    "5.10,Rec 5,Act,Lead,31/12/2025,Completed but not yet evidenced" \
    "5.11,Rec 5,Act,Lead,31/12/2025,Complete - no further action" >notsigned.csv
run import notsigned.csv --authority tb
expect_status 0
for r in 5.9 5.10 5.11; do expect_eq "$(status_of $r)" "complete|" "done, not signed off (row of $r)"; done

case_ "a 'not' after the first words, a word run together, or no status: refused"
fresh_plan
for cell in "Closed - not achieved" "Finished-ish" "Complete? no"; do
    printf '%s\n6.1,Rec 6,Act,Lead,31/12/2025,"%s"\n' "$H" "$cell" >bad.csv
    refused "bad.csv:2:6: status '$cell' is not known: expected one of not_started, in_progress, complete, signed_off, transferred, withdrawn, or a council's word for one (Not yet due, On track" \
        import bad.csv --authority tb
done

case_ "a status that could mean two things is refused, naming both"
printf '%s\n' "$H" "6.2,Rec 6,Act,Lead,31/12/2025,Pending" "6.3,Rec 6,Act,Lead,31/12/2025,Yes" \
    "6.4,Rec 6,Act,Lead,31/12/2025,Awaiting evidence" "6.5,Rec 6,Act,Lead,31/12/2025,No progress" \
    >two.csv
refused "two.csv:2:6: status 'Pending' could mean two things, pending its start (not started) or its sign-off (complete): expected the status it stands for, one of not_started, in_progress, complete" \
    import two.csv --authority tb
expect_err "two.csv:3:6: status 'Yes' could mean two things, done (complete) or under way (in progress)"
expect_err "two.csv:4:6: status 'Awaiting evidence' could mean two things"
expect_err "two.csv:5:6: status 'No progress' could mean two things, not begun (not started), or begun and stalled (in progress)"

case_ "a move into business as usual in other words; largely complete is in progress"
fresh_plan
printf '%s\n' "$H" "6.6,Rec 6,Act,Lead,31/12/2025,Moved to BAU" \
    "6.7,Rec 6,Act,Lead,31/12/2025,Moved - business as usual" \
    "6.8,Rec 6,Act,Lead,31/12/2025,Largely complete" >moved.csv
run import moved.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '=' || status || '|' || coalesce(transferred_to, ''), ' ')
    FROM (SELECT * FROM action ORDER BY id)")" \
    "6.6=transferred|BAU 6.7=transferred|business as usual 6.8=in_progress|" \
    "moved to BAU is a transfer there (each was refused as not known)"

case_ "references as sheets number their rows: tidied, and said once"
fresh_plan
cat >refs.csv <<CSV
Rec No.,Recommendation,Action No.,What we will do,Lead officer,Target date
Rec 1,Rec one,1(a),Act,Lead,31/12/2025
Rec 1,Rec one,1(b),Act,Lead,31/12/2025
#2,Rec two,(ii),Act,Lead,31/12/2025
#2,Rec two,2 - 3,Act,Lead,31/12/2025
CSV
run import refs.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(path, ' ') FROM (SELECT f.ref || '/' || a.ref AS path
    FROM action a JOIN finding f ON f.id = a.finding_id ORDER BY a.id)")" \
    "1/1a 1/1b 2/ii 2/2-3" "the references a path holds"
expect_err "refs.csv:2:1: reference 'Rec 1' is stored as '1' (a reference is letters, digits, '.', '_' or '-': a label before it, '#', brackets and spaces are left out), here and on every such row"
expect_eq "$(grep -c 'is stored as' "$ERR")" "1" "the note is given once"
run action show tb/import-2025-10-01/1/1a
expect_status 0
expect_out "Act"
run import refs.csv --authority tb
expect_status 0
expect_out "0 actions (a progress update appended to each); 4 unchanged" # the same actions
expect_eq "$(sql "$DB" "SELECT count(*) FROM action")" "4" "no action made twice"

case_ "a reference that cannot be tidied is refused at its cell"
cat >slash.csv <<CSV
Rec No.,Recommendation,Action No.,What we will do,Lead officer,Target date
1,Rec one,1/2,Act,Lead,31/12/2025
CSV
refused "slash.csv:2:3: action reference '1/2' is not valid: expected 1 to 40 letters, digits, '.', '_' or '-'" \
    import slash.csv --authority tb

case_ "an owner's empty cell says so, and how to carry one owner down"
cat >noowner.csv <<CSV
$H
1.1,Rec 1,Act one,Head of Service,31/12/2025,In progress
1.2,Rec 1,Act two,,31/12/2025,In progress
CSV
refused "noowner.csv:3:4: no owner: the 'Lead officer' cell is empty: expected the accountable officer or team; if one owner is written once for the rows under it (merged cells), import with --fill-down owner to carry it down" \
    import noowner.csv --authority tb
run import noowner.csv --authority tb --fill-down owner
expect_status 0
expect_eq "$(sql "$DB" "SELECT o.name FROM action a JOIN owner o ON o.id = a.owner_id
    WHERE a.ref = '1.2'")" "Head of Service" "the owner above, carried down"
printf '%s\n' "Recommendation,Action,Timescale" "Rec 9,Act nine,31/12/2025" >nocolumn.csv
refused "nocolumn.csv:2: no owner: the sheet has no column that names the owner (such as Owner, Lead, Lead officer or Responsible officer): expected one with each action's accountable officer or team (add it, or name a column of yours with --map 'HEADER=owner')" \
    import nocolumn.csv --authority tb

case_ "a reference met again that is a decimal says how Excel makes 1.10 into 1.1"
cat >tenth.csv <<CSV
Rec No.,Recommendation,Action No.,What we will do,Lead officer,Target date
1,Rec one,1.1,Act one,Lead,31/12/2025
1,Rec one,1.2,Act two,Lead,31/12/2025
1,Rec one,1.1,Act ten,Lead,31/12/2025
1,Rec one,A,Act eleven,Lead,31/12/2025
1,Rec one,A,Act twelve,Lead,31/12/2025
CSV
refused "tenth.csv:4:3: Action No. '1.1' is also in row 2, under the same finding" \
    import tenth.csv --authority tb
expect_err "if the row is a copy, delete it; if the column holds numbers, Excel keeps 1.10 as 1.1: format it as Text and type the references again"
expect_eq "$(grep -c 'Excel keeps' "$ERR")" "1" "the hint on the decimal reference only"

case_ "a date that is a day only month first says so, in every date column and in --due"
fresh_plan
cat >us.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Start date,Target date,Last updated
1,Rec one,Act,Lead,01/02/2025,12/31/2025,05/03/2025
2,Rec one,Act,Lead,09/15/2025,31/12/2025,10/20/2025
CSV
US="read month first (MM/DD/YYYY, the US order) it is a day: write it day first or as YYYY-MM-DD"
refused "us.csv:2:6: due date '12/31/2025' is not a real day: expected a valid date (YYYY-MM-DD or DD/MM/YYYY); $US" \
    import us.csv --authority tb
expect_err "us.csv:3:5: start date '09/15/2025' is not a valid date: expected YYYY-MM-DD or DD/MM/YYYY; $US"
expect_err "us.csv:3:7: last update date '10/20/2025' is not a valid date"
expect_eq "$(grep -c 'US order' "$ERR")" "3" "the hint on each cell that is a day only month first"
run import us.csv --authority tb --dry-run
expect_err_not "01/02/2025' is not"
printf '%s\n' "$H" "1.1,Rec 1,Act,Lead,31/12/2025,In progress" >one.csv
run import one.csv --authority tb
expect_status 0
refused "due date '12/31/2026' is not a date as written: expected a day (DD/MM/YYYY or YYYY-MM-DD); $US" \
    action update 1 --due 12/31/2026 --reason "moved"
run action update 1 --due 31/13/2026 --reason "moved"
expect_status 1
expect_err_not "US order"

case_ "a date saved by Excel as its count of days says which day it is, in every date column"
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Start date,Target date,Last updated" \
    "1,Rec one,Act,Lead,45901,46112,45930" >serial.csv
XL="the cell was saved as a number, so give the column a date format in Excel and save again"
refused "serial.csv:2:5: start date '45901' is not a date: expected a day (2025-09-01, 01/09/2025, 1st September 2025) or a period, read as its first day (September 2025, Q1 2025/26, Autumn 2025, 2025); it is how Excel counts the day 2025-09-01: $XL" \
    import serial.csv --authority tb
expect_err "serial.csv:2:6: timescale '46112' is not a date as written: expected a day (DD/MM/YYYY or YYYY-MM-DD); it is how Excel counts the day 2026-03-31: $XL"
expect_err "serial.csv:2:7: last update date '45930' is not a valid date: expected YYYY-MM-DD or DD/MM/YYYY; it is how Excel counts the day 2025-09-30"

case_ "an owner cell of several lines is one owner, said once"
fresh_plan
printf '%s\n%s\n%s\n' "$H" '7.1,Rec 7,Act,"Director of Children'"'"'s Services
Head of Service ",31/12/2025,In progress' '7.2,Rec 7,Act,"DCS

PSW",31/12/2025,In progress' >owners.csv
run import owners.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT o.name FROM action a JOIN owner o ON o.id = a.owner_id WHERE a.ref = '7.1'")" \
    "Director of Children's Services / Head of Service" "two lines"
expect_eq "$(sql "$DB" "SELECT o.name FROM action a JOIN owner o ON o.id = a.owner_id WHERE a.ref = '7.2'")" \
    "DCS / PSW" "a blank line between"
expect_err "owners.csv:2:4: an owner cell of several lines is one owner named by them all ('Director of Children's Services / Head of Service'), here and on every such row"
expect_eq "$(grep -c 'several lines' "$ERR")" "1" "the note is given once"
printf '%s\n%s\n' "$H" '7.3,Rec 7,Act,"Lead
",31/12/2025,In progress' >stray.csv
run import stray.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT o.name FROM action a JOIN owner o ON o.id = a.owner_id WHERE a.ref = '7.3'")" \
    "Lead" "one line and a stray line break: the line"
expect_no_err

case_ "an owner cell that labels its lead: the lead is the owner, said once"
fresh_plan
printf '%s\n%s\n%s\n%s\n%s\n' "$H" '7.4,Rec 7,Act,"Lead: Head of Service
Support: Team managers",31/12/2025,In progress' \
    '7.5,Rec 7,Act,Support - QA team; Lead officer - Principal Social Worker,31/12/2025,In progress' \
    '7.6,Rec 7,Act,Leadership team,31/12/2025,In progress' \
    '7.7,Rec 7,Act,Lead-in team,31/12/2025,In progress' >leads.csv
run import leads.csv --authority tb
expect_status 0
owner_of() { sql "$DB" "SELECT o.name FROM action a JOIN owner o ON o.id = a.owner_id WHERE a.ref = '$1'"; }
expect_eq "$(owner_of 7.4)" "Head of Service" "Lead: on the first line"
expect_eq "$(owner_of 7.5)" "Principal Social Worker" "Lead officer - after a ';'"
expect_eq "$(owner_of 7.6)" "Leadership team" "a word that starts with lead is no label"
expect_eq "$(owner_of 7.7)" "Lead-in team" "nor is a hyphen within a word"
expect_err "leads.csv:2:4: owner cell 'Lead: Head of Service / Support: Team managers' names its lead: 'Head of Service' is the owner"
expect_eq "$(grep -c 'names its lead' "$ERR")" "1" "the note is given once"

case_ "a completion date dates the status change; a blank status with one is complete"
fresh_plan
cat >done.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Target date,Status,Date completed
8.1,Rec 8,Act,Lead,31/12/2025,Complete,12/06/2025
8.2,Rec 8,Act,Lead,31/12/2025,,14/07/2025
8.3,Rec 8,Act,Lead,31/12/2025,Withdrawn,01/09/2025
CSV
run import done.csv --authority tb
expect_status 0
change() { sql "$DB" "SELECT u.on_date || ' ' || u.old_status || ' ' || u.new_status FROM action_update u
    JOIN action a ON a.id = u.action_id WHERE a.ref = '$1'"; }
expect_eq "$(change 8.1)" "2025-06-12 not_started complete" "completed on its day"
expect_eq "$(change 8.2)" "2025-07-14 not_started complete" "a blank status: complete"
expect_eq "$(change 8.3)" "2025-09-01 not_started withdrawn" "closed: withdrawn on its day"

case_ "a completion before the last update: the completion on its day, the progress on the update's"
fresh_plan
cat >both.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Target date,Status,Date completed,Last updated,Progress
9.1,Rec 9,Act,Lead,30/06/2025,Complete,12/06/2025,01/09/2025,Reported to the board
9.2,Rec 9,Act,Lead,30/06/2025,Complete,12/06/2025,01/09/2025,
9.3,Rec 9,Act,Lead,30/06/2025,Complete,01/09/2025,12/06/2025,Audit done
9.4,Rec 9,Act,Lead,30/06/2025,Complete,12/06/2025,12/06/2025,Audit done
CSV
run import both.csv --authority tb
expect_status 0
entries() { sql "$DB" "SELECT u.on_date || ' ' || coalesce(u.new_status, '-') || ' ' || coalesce(u.note, '-')
    FROM action_update u JOIN action a ON a.id = u.action_id WHERE a.ref = '$1' ORDER BY u.id" | tr '\n' '|'; }
expect_eq "$(entries 9.1)" "2025-06-12 complete -|2025-09-01 - Reported to the board|" \
    "the completion, then the progress"
expect_eq "$(entries 9.2)" "2025-06-12 complete -|" "nothing more to say: the completion alone"
expect_eq "$(entries 9.3)" "2025-09-01 complete Audit done|" "completed after the update: one entry, on completion"
expect_eq "$(entries 9.4)" "2025-06-12 complete Audit done|" "one day: one entry"
run summary --as-of 2025-07-01 --group-by status --format csv
expect_status 0
expect_out "complete,3,0,0,0,3,"  # 9.1, 9.2 and 9.4 done by then; 9.3 (1 September) not yet
run action show 1
expect_out " on 2025-06-12, "
before=$(fingerprint)
run import both.csv --authority tb
expect_out "0 actions (a progress update appended to each); 4 unchanged"
expect_eq "$(fingerprint)" "$before" "the same sheet again changes nothing"

case_ "an action in progress, completed before the sheet's last update: two entries, or refused if it moved later"
fresh_plan
printf '%s\n' "$H,Last updated,Progress" '9.5,Rec 9,Act,Lead,30/06/2025,In progress,01/05/2025,Begun' \
    '9.6,Rec 9,Act,Lead,30/06/2025,Not started,01/05/2025,Planned' >april.csv
run import april.csv --authority tb --as-at 2025-05-01
expect_status 0
printf '%s\n' "$H,Date completed,Last updated,Progress" \
    '9.5,Rec 9,Act,Lead,30/06/2025,Complete,12/06/2025,01/09/2025,Reported to the board' \
    '9.6,Rec 9,Act,Lead,30/06/2025,In progress,,01/07/2025,Begun' >july.csv
run import july.csv --authority tb
expect_status 0
expect_eq "$(entries 9.5)" "2025-05-01 in_progress Begun|2025-06-12 complete -|2025-09-01 - Reported to the board|" \
    "an existing action: the completion on its day, then the progress"
printf '%s\n' "$H,Date completed,Last updated,Progress" \
    '9.6,Rec 9,Act,Lead,30/06/2025,Complete,12/06/2025,01/09/2025,Done' >sept.csv
refused "sept.csv:2:7: completion date 2025-06-12 is before 2025-07-01, when action" import sept.csv --authority tb

case_ "a completion date beside an open status, or after the sheet's date, is refused"
fresh_plan
cat >open.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Target date,Status,Date completed
8.1,Rec 8,Act,Lead,31/12/2025,In progress,12/06/2025
CSV
refused "open.csv:2:7: completion date 2025-06-12, but the status is in_progress: expected the two to agree" \
    import open.csv --authority tb
cat >later.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Target date,Status,Date completed
8.1,Rec 8,Act,Lead,31/12/2025,Complete,12/10/2025
CSV
refused "later.csv:2:7: completion date 2025-10-12 is after today (2025-10-01): expected a date on or before the date the sheet speaks for" \
    import later.csv --authority tb

case_ "a last update date after the sheet's date is refused"
cat >future.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Target date,Status,Last updated,Progress
8.1,Rec 8,Act,Lead,31/12/2025,In progress,12/06/2027,Going well
CSV
refused "future.csv:2:7: last update date 2027-06-12 is after today (2025-10-01): expected a date on or before the date the sheet speaks for" \
    import future.csv --authority tb
refused "future.csv:2:7: last update date 2027-06-12 is after the sheet's date (2025-09-30)" \
    import future.csv --authority tb --as-at 2025-09-30

case_ "a start written as a period is its first day; a timescale from a period too"
fresh_plan
cat >starts.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Start date,Target date
10.1,Rec 10,Act,Lead,Q1 2025/26,31/12/2025
10.2,Rec 10,Act,Lead,Autumn 2025,31/12/2025
10.3,Rec 10,Act,Lead,2025,31/12/2025
10.4,Rec 10,Act,Lead,Sept 2025,31/12/2025
10.5,Rec 10,Act,Lead,,From Winter 2025
CSV
run import starts.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(start_on, ' ') FROM (SELECT start_on FROM action ORDER BY id)")" \
    "2025-04-01 2025-09-01 2025-01-01 2025-09-01 2025-12-01" "each period's first day"
cat >nostart.csv <<CSV
Ref,Recommendation,What we will do,Lead officer,Start date,Target date
10.9,Rec 10,Act,Lead,Ongoing,31/12/2025
CSV
refused "nostart.csv:2:5: start date 'Ongoing' is not a date: expected a day (2025-09-01, 01/09/2025, 1st September 2025) or a period, read as its first day" \
    import nostart.csv --authority tb

case_ "headers as councils write them: decorated, alternatives, other words"
fresh_plan
cat >heads.csv <<CSV
Action No.,Ofsted Recommendation,Key Action(s),Lead Officer(s):,Target Date for Completion,Current Status,Update on progress,Outcome / Success criteria,RAG / Status
9.1,Rec 9,Act,Lead,31/12/2025,In progress,Going well,Fewer re-referrals,Green
CSV
run import heads.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT f.text || '|' || a.description || '|' || o.name || '|' || a.due_on || '|' || a.status || '|' || a.measure
    FROM action a JOIN finding f ON f.id = a.finding_id JOIN owner o ON o.id = a.owner_id")" \
    "Rec 9|Act|Lead|2025-12-31|in_progress|Fewer re-referrals" "each column in its field"
expect_eq "$(sql "$DB" "SELECT note FROM action_update")" "Going well" "the progress"
expect_err 'column 9 "RAG / Status" was not imported' # two fields named: neither is guessed


case_ "a financial half, a day with a two-digit year, the school year's end; a year's middle refused"
fresh_plan
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date" \
    "4.1,Rec 4,Act,Lead,H1 2026/27" "4.2,Rec 4,Act,Lead,31 Mar 26" \
    "4.3,Rec 4,Act,Lead,End of academic year" "4.4,Rec 4,Act,Lead,Q3/Q4 2025/26" \
    "4.5,Rec 4,Act,Lead,Monthly from January 2026" >halves.csv
run import halves.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '=' || due_on, ' ') FROM (SELECT * FROM action ORDER BY id)")" \
    "4.1=2026-09-30 4.2=2026-03-31 4.3=2026-08-31 4.4=2026-03-31 4.5=2026-02-08" \
    "each read as its last day; the cadence's first report a month (and the grace) after its start"
expect_eq "$(sql "$DB" "SELECT start_on || '|' || cadence FROM action WHERE ref = '4.5'")" \
    "2026-01-01|1 month" "the cadence starts when it says"
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date" \
    "5.1,Rec 5,Act,Lead,Mid 2026" >mid.csv
refused "mid.csv:2:5: timescale 'Mid 2026' is ambiguous: 'mid', 'early' or 'start' of a year, a quarter or a season names no month" \
    import mid.csv --authority tb

case_ "a timescale that says when the work was done: complete, on that day; one ahead is a deadline"
fresh_plan
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date,Status" \
    "6.1,Rec 6,Act,Lead,Complete (July 2025)," "6.2,Rec 6,Act,Lead,Achieved - 3/9/2025,Complete" \
    "6.3,Rec 6,Act,Lead,Completed March 2026,In progress" >done.csv
run import done.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(a.ref || '=' || a.status || '|' || coalesce(a.due_on, 'open') || '|' ||
    coalesce((SELECT max(u.on_date) FROM action_update u WHERE u.action_id = a.id AND u.new_status = 'complete'), '-'), ' ')
    FROM (SELECT * FROM action ORDER BY id) a")" \
    "6.1=complete|open|2025-07-31 6.2=complete|open|2025-09-03 6.3=in_progress|2026-03-31|-" \
    "done on the day written; the day ahead the due date"
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date,Status" \
    "7.1,Rec 7,Act,Lead,Completed July 2025,In progress" >disagree.csv
refused "disagree.csv:2:5: the timescale says 'Completed July 2025' but the status is in_progress" \
    import disagree.csv --authority tb

case_ "a status that says when the work was done: complete on that day; a day ahead left out, noted"
fresh_plan
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date,Status" \
    "9.1,Rec 9,Act,Lead,31/03/2026,Completed 12/10/2025" "9.2,Rec 9,Act,Lead,31/03/2026,Closed 01.10.25" \
    "9.3,Rec 9,Act,Lead,31/03/2026,Complete (Oct 2025)" "9.4,Rec 9,Act,Lead,31/03/2026,Completed 30/11/2025" >sdone.csv
SAFEPLAN_TODAY=2025-11-15 run import sdone.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(a.ref || '=' || a.status || '|' ||
    coalesce((SELECT max(u.on_date) FROM action_update u WHERE u.action_id = a.id AND u.new_status = 'complete'), '-'), ' ')
    FROM (SELECT * FROM action ORDER BY id) a")" \
    "9.1=complete|2025-10-12 9.2=complete|2025-10-01 9.3=complete|2025-10-31 9.4=complete|-" \
    "done on the day the status gives; a day after today is not a completion"
expect_err "sdone.csv:5:6: status 'Completed 30/11/2025' is read as complete from its first words; the rest ('30/11/2025') is not imported"
expect_err_not "sdone.csv:2:6"

case_ "feasts: Christmas is 25 December, Easter its Sunday; 'In place' is done; a range from a month"
fresh_plan
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date" \
    "8.1,Rec 8,Act,Lead,By Christmas 2025" "8.2,Rec 8,Act,Lead,Before Easter 2026" \
    "8.3,Rec 8,Act,Lead,Easter" "8.4,Rec 8,Act,Lead,In place" \
    "8.5,Rec 8,Act,Lead,From April to June 2026" >feasts.csv
SAFEPLAN_TODAY=2025-11-15 run import feasts.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '=' || coalesce(due_on, 'open') || '|' || status, ' ')
    FROM (SELECT * FROM action ORDER BY id)")" \
    "8.1=2025-12-25|not_started 8.2=2026-04-04|not_started 8.3=2026-04-05|not_started 8.4=open|complete 8.5=2026-06-30|not_started" \
    "Easter with no year is the next on or after the day of the import"
expect_eq "$(sql "$DB" "SELECT start_on FROM action WHERE ref = '8.5'")" "2026-04-01" \
    "a range from one month to another starts with the first"

case_ "ranges between two periods, a start with 'onwards', and dates still to be confirmed"
fresh_plan
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date" \
    "7.1,Rec 7,Act,Lead,Between April and June 2026" "7.2,Rec 7,Act,Lead,From Q1 to Q2 2026/27" \
    "7.3,Rec 7,Act,Lead,From September 2026 onwards" "7.4,Rec 7,Act,Lead,TBC - March 2026" \
    "7.5,Rec 7,Act,Lead,March 2026?" "7.6,Rec 7,Act,Lead,31/03/2026 (provisional)" >tbc.csv
SAFEPLAN_TODAY=2025-11-15 run import tbc.csv --authority tb
expect_status 0
expect_eq "$(grep -c '^[^:]*: [a-z]*: tbc.csv:[2-9]' "$ERR")" "0" "no row is noted or refused"
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '=' || coalesce(start_on, '-') || '..' ||
                               coalesce(due_on, 'open') || '|' || timescale, ' / ')
    FROM (SELECT * FROM action ORDER BY id)")" \
    "7.1=2026-04-01..2026-06-30|Between April and June 2026 / 7.2=2026-04-01..2026-09-30|From Q1 to Q2 2026/27 / 7.3=2026-09-01..open|From September 2026 onwards / 7.4=-..2026-03-31|TBC - March 2026 / 7.5=-..2026-03-31|March 2026? / 7.6=-..2026-03-31|31/03/2026 (provisional)" \
    "each read as a person would, each kept as written"
case_ "an owner naming no one yet (TBC, -) is an owner of its words, noted once; 'Date TBC' due cells"
fresh_plan
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date" \
    "6.1,Rec 6,Act,Head of Service,TBC March 2026" "6.2,Rec 6,Act,TBC,March 2026" \
    "6.3,Rec 6,Act,-,Target date: TBC" "6.4,Rec 6,Act,To be confirmed.,Date: 31/03/2026" \
    >tbc_owner.csv
SAFEPLAN_TODAY=2025-11-15 run import tbc_owner.csv --authority tb
expect_status 0
expect_err "note: tbc_owner.csv:3:4: owner 'TBC' names no one yet: imported as an owner of that name, which 'safeplan owner list' shows with its actions; once the owner is known, 'safeplan action reassign --from OLD --to NEW --reason TEXT' moves them, here and on every such row"
expect_eq "$(grep -c "names no one yet" "$ERR")" 1 "said once"
expect_err_not "tbc_owner.csv:2:4"
expect_eq "$(sql "$DB" "SELECT group_concat(x.ref || '=' || o.name || '|' || coalesce(x.due_on, 'open'), ' / ')
    FROM (SELECT * FROM action ORDER BY id) x JOIN owner o ON o.id = x.owner_id")" \
    "6.1=Head of Service|2026-03-31 / 6.2=TBC|2026-03-31 / 6.3=-|open / 6.4=To be confirmed.|2026-03-31" \
    "each owner as written; TBC before a date is that date; a label before TBC, or a date"

finish

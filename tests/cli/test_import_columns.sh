#!/usr/bin/env bash
# Columns that say two things at once, as councils head them: a RAG
# column in place of a status ("Status (RAG)", "RAG status"), where Blue
# is work done, so a row with no status and a blue RAG is complete; and an
# owner column that names the owner's kind too ("Responsible officer /
# Team"), read as the owner; a plain "Ref" beside "Action No.", the
# finding's reference; a timescale with a remark after it, the timescale.
# Headers some councils write where a sheet may have another column for
# the field ("SRO", "Deliverables", "Timeframe"): read as the field when no
# other column names it, else not imported, as before.
. "$(dirname "$0")/lib.sh"
export SAFEPLAN_TODAY=2025-10-01
DB=$SAFEPLAN_DB
status_of() { sql "$DB" "SELECT status FROM action WHERE ref = '$1'"; }
# finding|action|owner|due|status|measure of the plan's one action
read_as() {
    sql "$DB" "SELECT f.text || '|' || a.description || '|' || o.name || '|' || a.due_on || '|' ||
        a.status || '|' || a.measure FROM action a JOIN finding f ON f.id = a.finding_id
        JOIN owner o ON o.id = a.owner_id"
}
owner_of() { sql "$DB" "SELECT o.name FROM action a JOIN owner o ON o.id = a.owner_id WHERE a.ref = '$1'"; }

case_ "a RAG column and no status: blue is complete, the other colours rate from the dates"
fresh_plan
cat >rag.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date,Status (RAG)
1.1,Improve supervision,Audit supervision files,Head of Service,31/12/2025,Green
1.2,Improve supervision,Train team managers,Head of Service,30/06/2025,Blue
1.3,Improve supervision,Refresh the policy,Head of Service,30/06/2025,B
1.4,Improve supervision,Report to the board,Head of Service,30/06/2025,Red
CSV
run import rag.csv --authority tb
expect_status 0
expect_eq "$(status_of 1.1)" "not_started" "Green: as the dates say"
expect_eq "$(status_of 1.2)" "complete" "Blue"
expect_eq "$(status_of 1.3)" "complete" "B"
expect_eq "$(status_of 1.4)" "not_started" "Red: as the dates say"
expect_err "rag.csv:3:6: RAG 'Blue' is read as complete: the row gives no status, and blue marks work done"
expect_eq "$(grep -c 'is read as complete' "$ERR")" "1" "noted once"
expect_out "RAG: column 6 not imported"
expect_err "rag.csv:1: no column gives the actions' status (such as Status, or % complete): each action is imported as not started, unless its row shows where it stands (a blue RAG, a status's words in the RAG column, 'Complete' as its timescale); to import where each stands, add a Status column (Not started, In progress, Complete)"
expect_eq "$(grep -c "no column gives the actions' status" "$ERR")" "1" "said once"
run import rag.csv --review tb/import-2025-10-01
expect_status 0
expect_out "4 unchanged"

case_ "a RAG cell in a status's words, where the row gives no status, is that status"
fresh_plan
cat >ragwords.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date,RAG
1.1,Improve supervision,Audit supervision files,Head of Service,31/12/2025,Complete
1.2,Improve supervision,Train team managers,Head of Service,30/06/2025,On track
1.3,Improve supervision,Refresh the policy,Head of Service,30/06/2025,Blue - complete
1.4,Improve supervision,Report to the board,Head of Service,30/06/2025,Green
CSV
run import ragwords.csv --authority tb
expect_status 0
expect_eq "$(status_of 1.1)|$(status_of 1.2)|$(status_of 1.3)|$(status_of 1.4)" \
    "complete|in_progress|complete|not_started" "the words as a status; a colour as the dates say"
expect_err "ragwords.csv:2:6: RAG 'Complete' is a status's words, read as complete: the row gives no status"
expect_eq "$(grep -c "is a status's words" "$ERR")" "1" "noted once"

case_ "a status, where the row gives one, is the status"
fresh_plan
cat >both.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date,Status,RAG status
1.1,Improve supervision,Audit supervision files,Head of Service,31/12/2025,In progress,Blue
1.2,Improve supervision,Train team managers,Head of Service,30/06/2025,,Blue
CSV
run import both.csv --authority tb --keep-rag
expect_status 0
expect_eq "$(status_of 1.1)" "in_progress" "the status column wins"
expect_eq "$(status_of 1.2)" "complete" "a blank status and a blue RAG"
expect_err_not "no column gives the actions' status"

case_ "a rating between two (a five-point scale): kept as the worse, said once; as a status, RAG"
fresh_plan
cat >five.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date,RAG
1.1,Improve supervision,Audit supervision files,Head of Service,31/12/2025,Amber/Green
1.2,Improve supervision,Train team managers,Head of Service,30/06/2025,Red - Amber
1.3,Improve supervision,Report to the board,Head of Service,30/06/2025,G/B
1.4,Improve supervision,Refresh the policy,Head of Service,30/06/2025,Green
CSV
run import five.csv --authority tb --keep-rag
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '=' || rag_override || '|' || status, ' ')
    FROM (SELECT * FROM action ORDER BY id)")" \
    "1.1=amber|not_started 1.2=red|not_started 1.3=green|not_started 1.4=green|not_started" \
    "the worse of two; green and blue is not yet done"
expect_err "five.csv:2:6: RAG 'Amber/Green' is kept as amber, the worse of its two ratings (safeplan's RAG is one colour), here and on every such row"
expect_eq "$(grep -c 'the worse of its two' "$ERR")" "1" "said once"
fresh_plan
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date,Status" \
    "1.1,Improve supervision,Audit supervision files,Head of Service,31/12/2025,Amber/Green" >st.csv
refused "st.csv:2:6: status 'Amber/Green' looks like a RAG rating, not a status" import st.csv --authority tb

case_ "--keep-rag: a colour with words after it is the colour; N/A or Not rated is none (each was refused)"
fresh_plan
cat >words.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date,Status,RAG
1.1,Improve supervision,Audit supervision files,Head of Service,31/12/2025,In progress,Green (on track)
1.2,Improve supervision,Train team managers,Head of Service,30/06/2025,In progress,Amber - at risk
1.3,Improve supervision,Report to the board,Head of Service,30/06/2025,In progress,Red*
1.4,Improve supervision,Refresh the policy,Head of Service,30/06/2025,Not started,N/A
1.5,Improve supervision,Brief staff,Head of Service,30/06/2025,Not started,Not rated
CSV
run import words.csv --authority tb --keep-rag
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '=' || coalesce(rag_override, '-'), ' ')
    FROM (SELECT * FROM action ORDER BY id)")" \
    "1.1=green 1.2=amber 1.3=red 1.4=- 1.5=-" "the colour each begins with; no rating"
expect_err "words.csv:2:7: RAG 'Green (on track)' is kept as green: the words after the colour are not imported (keep them in the progress column), here and on every such row"
expect_eq "$(grep -c 'the words after the colour' "$ERR")" "1" "said once"
fresh_plan
printf '%s\n' "Ref,Recommendation,What we will do,Lead officer,Target date,RAG" \
    "1.1,Improve supervision,Audit supervision files,Head of Service,31/12/2025,Purple" >purple.csv
refused "purple.csv:2:6: RAG 'Purple' is not known" import purple.csv --authority tb --keep-rag

case_ "the owner and the kind of owner, in one header"
fresh_plan
cat >owner.csv <<'CSV'
Ref,Recommendation,What we will do,Responsible Officer / Team,Target date,Team / Service
1.1,Improve supervision,Audit supervision files,Quality Assurance Team,31/12/2025,Children's Social Care
CSV
run import owner.csv --authority tb
expect_status 0
expect_eq "$(owner_of 1.1)" "Quality Assurance Team" "Responsible Officer / Team is the owner"
expect_err 'column 6 "Team / Service" was not imported'
cat >two.csv <<'CSV'
Ref,Recommendation,What we will do,RAG / Status,Lead officer,Target date
1.1,Improve supervision,Audit supervision files,Green,Head of Service,31/12/2025
CSV
run import two.csv --authority tb --dry-run
expect_status 0
expect_err 'column 4 "RAG / Status" was not imported'

case_ "a plain Ref beside the action's number is the finding's reference"
fresh_plan
cat >refs.csv <<'CSV'
Ref,Recommendation,Action No.,Action,Lead officer,Target date
1,Improve the quality of supervision,1.1,Audit supervision files,Head of Service,31/12/2025
1,Improve the quality of supervision,1.2,Train team managers,Head of Service,31/12/2025
2,Strengthen the front door,2.1,Review MASH thresholds,Head of Service,31/12/2025
CSV
run import refs.csv --authority tb
expect_status 0
expect_err "column 1 'Ref' was read as finding_ref and column 3 'Action No.' as action_ref"
expect_eq "$(sql "$DB" "SELECT group_concat(f.ref || '/' || a.ref, ' ') FROM action a
                        JOIN finding f ON f.id = a.finding_id ORDER BY a.id")" \
    "1/1.1 1/1.2 2/2.1" "findings 1 and 2, their actions numbered"
cat >named.csv <<'CSV'
Rec No.,Ref,Action No.,Action,Lead officer,Target date
1,A,1.1,Audit supervision files,Head of Service,31/12/2025
CSV
refused "header 'Action No.' means action_ref, as does column 2's 'Ref'" \
    import named.csv --authority tb

case_ "a timescale with a remark after it: the timescale, the cell kept as written"
fresh_plan
cat >remark.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Start date,Target date
1.1,Improve supervision,Audit supervision files,Head of Service,01/04/2025,30/09/2025 (6 month review)
1.2,Improve supervision,Train team managers,Head of Service,01/04/2025,March 2026 - subject to funding
1.3,Improve supervision,Refresh the policy,Head of Service,01/04/2025,Ongoing (reviewed by the board)
1.4,Improve supervision,Report to the board,Head of Service,01/04/2025,"Dec 2025, if recruitment allows"
CSV
run import remark.csv --authority tb
expect_status 0
expect_err "remark.csv:2:6: timescale '30/09/2025 (6 month review)' is read as '30/09/2025'; the words after it are a remark"
expect_eq "$(grep -c 'are a remark' "$ERR")" "1" "noted once"
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '=' || coalesce(due_on, 'open') || '|' || timescale, ' / ')
                        FROM (SELECT * FROM action ORDER BY id)")" \
    "1.1=2025-09-30|30/09/2025 (6 month review) / 1.2=2026-03-31|March 2026 - subject to funding / 1.3=open|Ongoing (reviewed by the board) / 1.4=2025-12-31|Dec 2025, if recruitment allows" \
    "each timescale read, each cell kept as written"
cat >two.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date
1.1,Improve supervision,Audit supervision files,Head of Service,TBC - Autumn 2025
CSV
run import two.csv --authority tb
expect_status 0
expect_err_not "not understood"
expect_eq "$(sql "$DB" "SELECT due_on FROM action WHERE ref = '1.1'")" "2025-11-30" \
    "a date to be confirmed is the date: 1.1 moves to the end of Autumn 2025"
cat >phases.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date
1.1,Improve supervision,Audit supervision files,Head of Service,"Jan 2026 (phase 1), Mar 2026 (phase 2)"
1.2,Improve supervision,Train team managers,Head of Service,March 2026 - phase 2 by 30/06/2026
1.3,Improve supervision,Refresh the policy,Head of Service,Target: 31/03/2026
CSV
refused "phases.csv:2:5: timescale 'Jan 2026 (phase 1), Mar 2026 (phase 2)' gives a date and another after it: expected the one the action is due by (write the other in its progress note, or make two actions)" \
    import phases.csv --authority tb
expect_err "phases.csv:3:5: timescale 'March 2026 - phase 2 by 30/06/2026' gives a date and another after it"
expect_err_not "phases.csv:4"

case_ "second choices of header: the field where no other column names it"
fresh_plan
printf '%s\n' "Objective,Deliverables,SRO,Timeframe,Completion status,KPI,Narrative" \
    "Know the front door,Audit contacts,Head of MASH,31/03/2026,In progress,90% in 24h,Started" \
    >second.csv
run import second.csv --authority tb
expect_status 0; expect_out "1 action"; expect_err_not "was not imported"
expect_eq "$(read_as)" \
    "Know the front door|Audit contacts|Head of MASH|2026-03-31|in_progress|90% in 24h" \
    "each column read as its field"
expect_eq "$(sql "$DB" "SELECT note FROM action_update WHERE note IS NOT NULL")" "Started" \
    "Narrative is the progress note"
case_ "... and beside the column that names the field, not imported, as before"
fresh_plan
printf '%s\n' "Recommendation,Action,Lead officer,SRO,Target date,Deliverables" \
    "Know the front door,Audit contacts,Head of MASH,Director,31/03/2026,Report" >both.csv
run import both.csv --authority tb
expect_status 0; expect_out "1 action"
expect_err "column 4 \"SRO\" was not imported: it names the owner, as column 3 does, which was read (to read this one instead, --map 'SRO=owner' and map column 3's header to ignore)"
expect_err 'column 6 "Deliverables" was not imported: it names the action, as column 2 does'
run import both.csv --authority tb --dry-run --map 'SRO=owner,Lead officer=ignore'
expect_status 0; expect_out "would create: 0 authorities, 0 reviews, 0 findings, 1 owner, 0 actions"
expect_out "would update: 1 action" # the SRO, Director, is its owner now
expect_eq "$(owner_of 1)" "Head of MASH" "the Lead officer column is the owner"

case_ "a header with words in brackets that explain it"
fresh_plan
cat >gloss.csv <<'CSV'
Recommendation,Action (what we will do),Lead officer (name and role),Target date (dd/mm/yyyy),Status [not started / in progress / complete],Progress update (include evidence),How will we know? (impact),Evidence [link]
Improve supervision,Audit supervision files,Head of Service,31/03/2026,In progress,Drafted,80% good,Audit v2
CSV
run import gloss.csv --authority tb
expect_status 0; expect_out "1 action"; expect_err_not "was not imported"
expect_eq "$(read_as)" \
    "Improve supervision|Audit supervision files|Head of Service|2026-03-31|in_progress|80% good" \
    "each column read by its name, the words about it passed over"
expect_eq "$(sql "$DB" "SELECT note || '|' || evidence FROM action_update WHERE note IS NOT NULL")" \
    "Drafted|Audit v2" "the progress and its evidence"

case_ "... a revised date, revised target, new date: the date now due, the plain one the original"
for h in "Revised date" "Revised target" "New date" "Revised completion date"; do
    fresh_plan
    printf '%s\n' "Finding,Action,Lead,Target date,$h" "Supervision,Audit files,Head of Service,30/09/2025,31/12/2025" >rev.csv
    run import rev.csv --authority tb
    expect_status 0; expect_err_not "was not imported"
    expect_eq "$(sql "$DB" "SELECT original_due_on || '|' || due_on FROM action")" "2025-09-30|2025-12-31" "$h"
done

case_ "... Rec is the finding's reference: a row with it and no text takes that finding"
fresh_plan
printf '%s\n' "Rec,Recommendation,Action,Lead,Timescale" \
    "R1,The Board should strengthen its oversight,Develop a dashboard,Business Manager,Q4 2017/18" \
    "R1,,Share data,Public Protection lead,31st March 2018" >rec.csv
run import rec.csv --authority tb
expect_status 0; expect_out "1 finding, 2 owners, 2 actions"; expect_err_not "was not imported"

case_ "... with no revision on a row, the plain date is the timescale as written: recurring, a range, open"
fresh_plan
cat >norev.csv <<'CSV'
Ref,Finding,Action,Lead,Target date,Revised date
1,Supervision,Audit files monthly,Head of Service,Monthly from October 2025,
2,Supervision,Set up a panel,Head of Service,From October to December 2025,
3,Supervision,Embed the offer,Head of Service,Ongoing,
4,Supervision,Train managers,Head of Service,31/12/2025,31/03/2026
5,Supervision,Brief partners,Head of Service,Sometime,
CSV
refused "norev.csv:6:5: timescale 'Sometime' is not understood" import norev.csv --authority tb
sed -i '$d' norev.csv
run import norev.csv --authority tb
expect_status 0; expect_err_not "no due date in this row"
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '=' || coalesce(start_on, '-') || '|' || coalesce(due_on, 'open') || '|' ||
    coalesce(cadence, '-') || '|' || coalesce(original_due_on, '-'), ' ') FROM (SELECT * FROM action ORDER BY id)")" \
    "1=2025-10-01|2025-11-08|1 month|2025-11-08 2=2025-10-01|2025-12-31|-|2025-12-31 3=-|open|-|- 4=-|2026-03-31|-|2025-12-31" \
    "each read as a timescale; a revision as before"

case_ "... a qualifier after the name is read before it; a date is not a gloss"
fresh_plan
cat >later.csv <<'CSV'
Finding,Action,Lead,Target date,Target date (revised),Lead (partner agency),Progress (June),Timescale (Q3 2025/26),Action plan - actions
Supervision,Audit files,Head of Service,31/03/2026,30/06/2026,Designated Nurse,Started,x,y
CSV
run import later.csv --authority tb
expect_status 0; expect_out "1 action"
expect_err "column 5 'Target date (revised)' was read as due_on and column 4 'Target date' as original_due_on"
expect_err "column 6 \"Lead (partner agency)\" was not imported: it names the owner, as column 3 does, which was read"
expect_err "column 7 \"Progress (June)\" was not imported: it names progress, but not a date"
expect_err "column 8 \"Timescale (Q3 2025/26)\" was not imported: no field has that name"
expect_err "column 9 \"Action plan - actions\" was not imported: no field has that name"
expect_eq "$(sql "$DB" "SELECT o.name || '|' || a.original_due_on || '|' || a.due_on FROM action a
    JOIN owner o ON o.id = a.owner_id")" "Head of Service|2026-03-31|2026-06-30" \
    "the revised date is due, the plain one the original"

case_ "more of councils' headers: each read as its field"
fresh_plan
cat >more.csv <<'CSV'
Reference number,Ofsted area for improvement,Strategic priority,Actions we will take,Lead Officer/s,Date started,Date to be completed by,Outcome measures,Notes,What difference has it made?,Date of last update,BRAG
1.1,Improve supervision,Practice,Audit supervision files,Head of Service,01/09/2025,31/03/2026,80% good,Drafted,Fewer drift cases,15/09/2025,Green
CSV
run import more.csv --authority tb
expect_status 0; expect_out "1 action"; expect_err_not "was not imported"
expect_eq "$(read_as)" "Improve supervision|Audit supervision files|Head of Service|2026-03-31|not_started|80% good" \
    "finding, action, owner, due date, measure (no status column: not started)"
expect_eq "$(sql "$DB" "SELECT a.ref || '|' || f.theme || '|' || a.start_on FROM action a
    JOIN finding f ON f.id = a.finding_id")" "1.1|Practice|2025-09-01" "reference, theme, start"
expect_eq "$(sql "$DB" "SELECT note || '|' || evidence || '|' || on_date FROM action_update
    WHERE note IS NOT NULL")" "Drafted|Fewer drift cases|2025-09-15" "the progress, its evidence and date"
printf '%s\n' "Recommendation,Action,Lead officer,Strategic lead,Target date,Progress update,Notes" \
    "Improve supervision,Audit files,Head of Service,Director,31/03/2026,Started,See board" >beside.csv
run import beside.csv --authority tb --dry-run
expect_status 0
expect_err 'column 4 "Strategic lead" was not imported: it names the owner, as column 3 does'
expect_err 'column 7 "Notes" was not imported: it names the last_update_note, as column 6 does'

case_ "... and more: weaknesses and concerns, steps to be taken, who is assigned, when it will be done"
fresh_plan
cat >weak.csv <<'CSV'
#,Identified weakness,Steps to be taken,Assigned to,When will it be done?,Position statement,Impact to date
1,Supervision is not regular,Audit supervision files,Head of Service,31/03/2026,Drafted,Fewer drift cases
CSV
run import weak.csv --authority tb
expect_status 0; expect_out "1 action"; expect_err_not "was not imported"
expect_eq "$(sql "$DB" "SELECT f.text || '|' || a.description || '|' || o.name || '|' || a.due_on
    FROM action a JOIN finding f ON f.id = a.finding_id JOIN owner o ON o.id = a.owner_id")" \
    "Supervision is not regular|Audit supervision files|Head of Service|2026-03-31" \
    "finding, action, owner, due date"
expect_eq "$(sql "$DB" "SELECT a.ref || '|' || u.note || '|' || u.evidence FROM action a
    JOIN action_update u ON u.action_id = a.id WHERE u.note IS NOT NULL")" "1|Drafted|Fewer drift cases" \
    "the reference, the position and the impact"
printf '%s\n' "Ref,Inspection finding,Our response,Person responsible,Deadline" \
    "1,Supervision is not regular,Audit files,Head of Service,31/03/2026" >response.csv
run import response.csv --authority tb --dry-run
expect_status 0; expect_out "would create"; expect_err_not "was not imported"

case_ "... areas of development, lines of enquiry, when it will be completed, milestones, outcome/impact, progress notes"
fresh_plan
cat >dev.csv <<'CSV'
Area of Development,Actions Required,Lead Person,When will it be completed,Outcome/Impact,Progress Notes
Supervision is not regular,Audit supervision files,Head of Service,31/03/2026,Fewer drift cases,Drafted
CSV
run import dev.csv --authority tb
expect_status 0; expect_out "1 action"; expect_err_not "was not imported"
expect_eq "$(sql "$DB" "SELECT f.text || '|' || a.due_on || '|' || a.measure || '|' || u.note FROM action a
    JOIN finding f ON f.id = a.finding_id JOIN action_update u ON u.action_id = a.id")" \
    "Supervision is not regular|2026-03-31|Fewer drift cases|Drafted" "finding, due date, measure, progress"
printf '%s\n' "Key line of enquiry,Action,Lead,Milestone date,Outcome / Impact" \
    "Supervision is not regular,Audit files,Head of Service,31/03/2026,Fewer drift cases" >kloe.csv
run import kloe.csv --authority tb --dry-run
expect_status 0; expect_out "would create"; expect_err_not "was not imported"
case_ "a share of the work done: on the update, and the status where the row gives none"
fresh_plan
cat >share.csv <<'CSV'
Ref,Recommendation,Action,Lead officer,Target date,% complete
1.1,Improve supervision,Audit files,Head of Service,31/03/2026,0%
1.2,Improve supervision,Train managers,Head of Service,31/03/2026,50
1.3,Improve supervision,Revise policy,Head of Service,31/03/2026,0.75
1.4,Improve supervision,Report to board,Head of Service,31/03/2026,100%
1.5,Improve supervision,Review quarterly,Head of Service,31/03/2026,
CSV
run import share.csv --authority tb
expect_status 0; expect_out "5 actions"
expect_err "share.csv:2:6: '0%' done is read as not started: the row gives no status (none done is not started, all of it complete, any other share in progress), here and on every such row"
expect_eq "$(grep -c "done is read as" "$ERR")" "1" "the reading, said once"
share_of() {
    sql "$DB" "SELECT a.ref || '|' || a.status || '|' || coalesce((SELECT percent FROM action_update
        WHERE action_id = a.id ORDER BY id DESC LIMIT 1), '-') FROM action a ORDER BY a.id"
}
expect_eq "$(share_of | tr '\n' ' ')" \
    "1.1|not_started|0 1.2|in_progress|50 1.3|in_progress|75 1.4|complete|100 1.5|not_started|- " \
    "each action's status and share done"
run import share.csv --authority tb
expect_status 0; expect_out "5 unchanged"
sed 's/Train managers,Head of Service,31\/03\/2026,50/Train managers,Head of Service,31\/03\/2026,60%/' share.csv >share2.csv
run import share2.csv --authority tb
expect_status 0; expect_out "1 action (a progress update appended to each); 4 unchanged"
expect_eq "$(sql "$DB" "SELECT group_concat(percent, ' ') FROM (SELECT percent FROM action_update u
    JOIN action a ON a.id = u.action_id WHERE a.ref = '1.2' ORDER BY u.id)")" "50 60" \
    "a new share is a new entry; the old one stays"

case_ "... beside a status, the status stands and the share is recorded"
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Status,Percentage complete" \
    "1.1,Improve supervision,Audit files,Head of Service,31/03/2026,In progress,100" >both.csv
run import both.csv --authority tb
expect_status 0; expect_err_not "done is read as"
expect_eq "$(share_of)" "1.1|in_progress|100" "the status as given, the share recorded"

case_ "... a share that is none: refused at its cell, nothing imported"
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,% complete" \
    "1.1,Improve supervision,Audit files,Head of Service,31/03/2026,150%" \
    "1.2,Improve supervision,Train managers,Head of Service,31/03/2026,about half" \
    "1.3,Improve supervision,Revise policy,Head of Service,31/03/2026,0x1A" \
    "1.4,Improve supervision,Revise policy,Head of Service,31/03/2026,50-60%" \
    "1.5,Improve supervision,Revise policy,Head of Service,31/03/2026,In progress" >badshare.csv
refused "badshare.csv:2:6: per cent complete '150%' is not a share of the work: expected 0 to 100, with or without %" \
    import badshare.csv --authority tb
expect_err "badshare.csv:3:6: per cent complete 'about half' is not a share of the work"
expect_err "badshare.csv:4:6: per cent complete '0x1A' is not a share of the work"
expect_err "badshare.csv:5:6: per cent complete '50-60%' is not a share of the work"
expect_err "badshare.csv:6:6: per cent complete 'In progress' is not a share of the work: expected 0 to 100, with or without %, or Complete or Not started"

case_ "... shares written other ways: a whole part, a bare fraction, trailing zeros"
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Progress %" \
    "1.1,Improve supervision,Audit files,Head of Service,31/03/2026,99.6%" \
    "1.2,Improve supervision,Train managers,Head of Service,31/03/2026,.5" \
    "1.3,Improve supervision,Revise policy,Head of Service,31/03/2026,100.00" \
    "1.4,Improve supervision,Report to board,Head of Service,31/03/2026,N/A" >ways.csv
run import ways.csv --authority tb
expect_status 0
expect_eq "$(share_of | tr '\n' ' ')" \
    "1.1|in_progress|99 1.2|in_progress|50 1.3|complete|100 1.4|not_started|- " \
    "99.6% is not all of it; .5 is half; 100.00 is all; N/A is none"
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Progress %" \
    "1.1,Improve supervision,Audit files,Head of Service,31/03/2026,100.5" >over.csv
refused "over.csv:2:6: per cent complete '100.5' is not a share of the work" import over.csv --authority tb

case_ "... shares with words: a guess, a remark after it, per cent in words, Complete and Not started"
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,% complete" \
    "1.1,Improve supervision,Audit files,Head of Service,31/03/2026,75% (awaiting audit)" \
    "1.2,Improve supervision,Train managers,Head of Service,31/03/2026,c. 50%" \
    "1.3,Improve supervision,Revise policy,Head of Service,31/03/2026,approx 0.3" \
    "1.4,Improve supervision,Report to board,Head of Service,31/03/2026,80 per cent - on track" \
    "1.5,Improve supervision,Brief staff,Head of Service,31/03/2026,Complete" \
    "1.6,Improve supervision,Audit again,Head of Service,31/03/2026,Not started" \
    "1.7,Improve supervision,Brief managers,Head of Service,31/03/2026,50% complete" \
    "1.8,Improve supervision,Brief partners,Head of Service,31/03/2026,100% done" >words.csv
run import words.csv --authority tb
expect_status 0
expect_eq "$(share_of | tr '\n' ' ')" \
    "1.1|in_progress|75 1.2|in_progress|50 1.3|in_progress|30 1.4|in_progress|80 1.5|complete|100 1.6|not_started|0 1.7|in_progress|50 1.8|complete|100 " \
    "the share each gives"
expect_err "words.csv:2:6: '75% (awaiting audit)' is read as a share of 75%: the other words are not imported (keep them in the progress column), here and on every such row"
expect_eq "$(grep -c 'is read as a share of' "$ERR")" "1" "said once"

case_ "... a space before the % sign is the share; TBC or Unknown is none (each was refused)"
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,% complete" \
    "1.1,Improve supervision,Audit files,Head of Service,31/03/2026,25 %" \
    "1.2,Improve supervision,Train managers,Head of Service,31/03/2026,100 %" \
    "1.3,Improve supervision,Revise policy,Head of Service,31/03/2026,TBC" \
    "1.4,Improve supervision,Report to board,Head of Service,31/03/2026,Unknown" >spaced.csv
run import spaced.csv --authority tb
expect_status 0
expect_eq "$(share_of | tr '\n' ' ')" \
    "1.1|in_progress|25 1.2|complete|100 1.3|not_started|- 1.4|not_started|- " \
    "25 % is 25; TBC gives no share"

case_ "a due date headed Estimated, Forecast, Agreed or Current completion: read where no other column gives one"
for h in "Estimated completion date" "Forecast completion" "Agreed completion date" "Current target date"; do
    fresh_plan
    printf '%s\n' "Ref,Recommendation,Action,Lead officer,$h" \
        "1.1,Improve supervision,Audit files,Head of Service,31/03/2026" >est.csv
    run import est.csv --authority tb
    expect_status 0
    expect_eq "$(sql "$DB" "SELECT coalesce(due_on, 'open') FROM action")" "2026-03-31" \
        "'$h' is the due date (it was not imported: every action open-ended)"
done
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Forecast completion date" \
    "1.1,Improve supervision,Audit files,Head of Service,31/03/2026,30/06/2026" >both.csv
run import both.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT due_on FROM action")" "2026-03-31" "beside a Target date, the target"
expect_err "column 6 \"Forecast completion date\" was not imported: it names the due_on, as column 5 does"

case_ "a sheet with no column of due dates says so at its first new action, and only then"
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Date agreed with the board" \
    "1.1,Improve supervision,Audit files,Head of Service,31/03/2026" \
    "1.2,Improve supervision,Train managers,Head of Service,30/06/2026" >nodue.csv
run import nodue.csv --authority tb
expect_status 0
expect_err "nodue.csv:2: no column gives the actions' due dates (such as Target date, Timescale or Deadline): each new action is imported open-ended, with no due date, and is never overdue; to read a column of dates under a header of the council's own, --map 'HEADER=due_on'"
expect_eq "$(grep -c "no column gives the actions' due dates" "$ERR")" "1" "said once"
printf '%s\n' "Ref,Recommendation,Action,Status" "1.1,Improve supervision,Audit files,In progress" \
    >statusonly.csv
run import statusonly.csv --authority tb
expect_status 0
expect_err_not "due dates"
finish

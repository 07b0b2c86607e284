#!/usr/bin/env bash
# A header over two rows, as councils' sheets merge a heading over the
# columns it names ("Responsibility" over "Lead" and "Support",
# "Timescale" over "Start" and "End", "Action" over "No." and
# "Description"): the second row's names are read with the first's, in a
# CSV as Excel saves one and in a workbook with its cells merged; a row
# under the header that could be data (a digit, a sentence, an action) is
# read as data, as before; a row that is neither is refused, as before,
# and changes nothing. A template's guidance under the header ("What will
# we do?", "(who)") is passed over, with a note, and so is a row that
# describes each column in words ("Date to be completed by", "Timescale").
. "$(dirname "$0")/lib.sh"
TOOLS=$SP_SOURCE_DIR/tests/tools
export SAFEPLAN_TODAY=2025-10-01
DB=$SAFEPLAN_DB
field() { sql "$DB" "SELECT $1 FROM action a JOIN owner o ON o.id = a.owner_id WHERE a.ref = '$2'"; }

# Rows from the seeds' tables (Torbay's recommendations), officers by role.
cat >two.csv <<'CSV'
Ref,Recommendation,Action,Responsibility,,Timescale,
,,,Lead,Support,Start,End
1.1,Improve the quality of supervision,Audit supervision records monthly,Head of Service,Team managers,01/04/2025,30/09/2025
1.2,Improve the quality of supervision,Train managers in reflective supervision,Principal Social Worker,Workforce team,Q1 2025/26,Dec 2025
CSV

case_ "a CSV whose header is two rows: the second names the merged columns"
fresh_plan
run import two.csv --authority tb
expect_status 0
expect_out "created: 0 authorities, 1 review, 1 finding, 2 owners, 2 actions"
expect_err "two.csv:2: row 2 is read with row 1 as the header: it names the columns under row 1's merged cells"
expect_err "column 5 \"Responsibility Support\" was not imported"
expect_eq "$(field "o.name || '|' || a.start_on || '|' || a.due_on" 1.1)" \
    "Head of Service|2025-04-01|2025-09-30" "Lead is the owner; Start and End the dates"
expect_eq "$(field "o.name || '|' || a.start_on || '|' || a.due_on" 1.2)" \
    "Principal Social Worker|2025-04-01|2025-12-31" "timescales as written"
expect_eq "$(sql "$DB" "SELECT count(*) FROM owner WHERE name LIKE '%team%'")" "0" \
    "the Support column named no owner"

case_ "the same sheet again finds the same actions"
run import two.csv --review tb/import-2025-10-01
expect_status 0
expect_out "2 unchanged"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action")" "2" "no action made twice"

case_ "a column the second row names can be mapped like any other"
fresh_plan
run import two.csv --authority tb --map "Responsibility Support=ignore"
expect_status 0
expect_eq "$(grep -c 'Support' "$ERR")" "0" "the mapped column is not noted"

case_ "Action over No. and Description; Timescale over Original and Revised"
fresh_plan
cat >act.csv <<'CSV'
Recommendation,Action,,Owner,Timescale,
,No.,Description,,Original,Revised
Strengthen the front door,A,Review MASH thresholds with partners,Head of Service,Sept 2025,Dec 2025
CSV
run import act.csv --authority tb
expect_status 0
expect_eq "$(field "a.ref || '|' || a.description || '|' || a.original_due_on || '|' || a.due_on" A)" \
    "A|Review MASH thresholds with partners|2025-09-30|2025-12-31" \
    "the ref, the action, the original and revised dates"

case_ "a title above a header of two rows"
fresh_plan
{ echo "Torbay Children's Services Improvement Plan,,,,,,"; echo ",,,,,,"; cat two.csv; } >titled.csv
run import titled.csv --authority tb
expect_status 0
expect_err "row 4 is read with row 3 as the header"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action")" "2" "both actions"
run import titled.csv --authority tb --header-row 3 --dry-run
expect_status 0
expect_err "row 4 is read with row 3 as the header"

case_ "a workbook whose heading cells are merged over two columns"
python3 - "$TOOLS" "$WORK" <<'PY' || { echo "crafting workbooks failed" >&2; exit 1; }
import sys
sys.path.insert(0, sys.argv[1])
from craft_xlsx import workbook, sheet, inline
rows = [["Ref", "Recommendation", "Action", "Responsibility", None, "Timescale", None],
        [None, None, None, "Lead", "Support", "Start", "End"],
        ["1.1", "Improve the quality of supervision", "Audit supervision records monthly",
         "Head of Service", "Team managers", "01/04/2025", "30/09/2025"]]
xml = "".join(f'<row r="{n}">' + "".join(inline(f"{chr(65 + i)}{n}", c) for i, c in enumerate(r) if c)
              + "</row>" for n, r in enumerate(rows, 1))
workbook(f"{sys.argv[2]}/merged.xlsx", [("Action plan", sheet(xml,
    '<mergeCells count="5"><mergeCell ref="D1:E1"/><mergeCell ref="F1:G1"/>'
    '<mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/><mergeCell ref="C1:C2"/></mergeCells>'))])
PY
fresh_plan
run import "$WORK/merged.xlsx" --authority tb
expect_status 0
expect_err "row 2 is read with row 1 as the header"
expect_eq "$(field "o.name || '|' || a.start_on || '|' || a.due_on" 1.1)" \
    "Head of Service|2025-04-01|2025-09-30" "the merged heading's columns"

case_ "a row under the header that holds data is read as data"
fresh_plan
cat >data.csv <<'CSV'
Ref,Recommendation,Action,Owner,,Due
1.1,Improve supervision,Audit supervision,Head of Service,Team managers,30/09/2025
CSV
run import data.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT count(*) FROM action")" "1" "the row is an action"
expect_eq "$(grep -c 'read with row' "$ERR")" "0" "no second header row"

case_ "a row with no action that is not names is refused, as before"
fresh_plan
cat >bad.csv <<'CSV'
Ref,Recommendation,Action,Owner,,Due
,,,Head of Service,Updated 3 times in 2025,
1.1,Improve supervision,Audit supervision,Head of Service,,30/09/2025
CSV
refused "bad.csv: 1 bad row; nothing was imported" import bad.csv --authority tb
expect_err "bad.csv:2:"

case_ "a template's guidance under the header is passed over, with a note"
fresh_plan
cat >guide.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date
(number),(what Ofsted said),What will we do?,Who is responsible?,By when?
1.1,Improve supervision,Audit supervision files,Head of Service,30/09/2025
CSV
run import guide.csv --authority tb
expect_status 0
expect_err "guide.csv:2: row 2 is a template's guidance under the header (every cell a question or in brackets) and was not imported"
expect_eq "$(sql "$DB" "SELECT count(*) || '|' || group_concat(description) FROM action")" \
    "1|Audit supervision files" "only the action"
{ head -2 two.csv; echo ",,(the action),,(who else),(from),(by)"; tail -n +3 two.csv; } >guide2.csv
run import guide2.csv --authority tb --dry-run
expect_status 0
expect_err "row 3 is a template's guidance under the header"
expect_out "would create: 0 authorities, 0 reviews, 1 finding, 1 owner, 2 actions"
cat >notguide.csv <<'CSV'
Ref,Recommendation,What we will do,Lead officer,Target date
1.1,Improve supervision,(Audit supervision files),(Head of Service),By when?
CSV
refused "notguide.csv:2:5: timescale 'By when?' is not understood" import notguide.csv --authority tb

case_ "a row describing each column under the header is passed over, with a note"
fresh_plan
cat >desc.csv <<'CSV'
Ref,Recommendation,Action,Lead officer,Target date,Status
,What Ofsted said,What we will do,Lead officer,Date to be completed by,Not started / In progress / Complete
1.1,Improve supervision,Audit supervision files,Head of Service,30/09/2025,In progress
,,Train managers,Principal Social Worker,31/12/2025,Not started
CSV
run import desc.csv --authority tb --fill-down finding
expect_status 0; expect_out "imported desc.csv: 2 rows"
expect_err "desc.csv:2: row 2 describes the columns under the header (it names columns, and has words and no digit where dates belong) and was not imported"
expect_eq "$(sql "$DB" "SELECT group_concat(a.description || '/' || f.text, '|') FROM action a
    JOIN finding f ON f.id = a.finding_id")" \
    "Audit supervision files/Improve supervision|Train managers/Improve supervision" \
    "the description's words are neither an action nor carried down"
# Nor is a finding taken from it for the action under it.
{ head -2 desc.csv; echo "1.1,,Audit supervision files,Head of Service,30/09/2025,In progress"; } >d3.csv
refused "d3.csv:3: no finding: expected a finding reference or text" \
    import d3.csv --authority tb --fill-down finding
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Timescale,Status" \
    ",The recommendation,Actions to address it,Lead,Timescale,RAG status" \
    "1.1,Improve supervision,Audit supervision files,Head of Service,Q3 2025/26,In progress" >desc2.csv
run import desc2.csv --authority tb
expect_status 0; expect_out "1 action"; expect_err "row 2 describes the columns"
# An action's row with no digit and its date in words is refused at its
# cell, as before, with a note for the row that describes columns in other
# words; a row with a digit is refused with no note.
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Status" \
    ",Improve supervision,Audit supervision files,Head of Service,When the system is live,In progress" >words.csv
refused "words.csv:2:5: timescale 'When the system is live' is not understood" import words.csv --authority tb
expect_err "words.csv:2: row 2 has words and no digit where dates belong: if it describes the columns rather than being an action, delete it"
# One column named ("Progress") and a date cell that speaks of a date.
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Status" \
    ",What Ofsted said,What we will do,Officer responsible,When it will be done,Progress" \
    "1.2,Improve supervision,Train managers,Head of Service,31/12/2025,Not started" >other.csv
run import other.csv --authority tb
expect_status 0; expect_out "1 action"; expect_err "other.csv:2: row 2 describes the columns"
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Status" \
    ",What Ofsted said,What we will do in 2025,Lead,Date to be completed by,Status" >digit.csv
refused "digit.csv:2:5: timescale 'Date to be completed by' is not understood" \
    import digit.csv --authority tb
expect_err_not "no digit"
# Only the first row under the header is asked.
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Status" \
    "1.1,Improve supervision,Audit supervision files,Head of Service,30/09/2025,In progress" \
    ",What Ofsted said,What we will do,Lead,Date to be completed by,Status" >late.csv
refused "late.csv:3:5: timescale 'Date to be completed by' is not understood" \
    import late.csv --authority tb

case_ "reporting rounds dated in the second row, under a progress heading merged over them"
fresh_plan
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Progress update,," \
    ",,,,,June 2025,30/09/2025,Dec 2025" \
    "1.1,Improve supervision,Audit supervision files,Head of Service,31/03/2026,Started,Half done,Done" \
    "1.2,Improve supervision,Train managers,Head of Service,31/03/2026,,Started," >rounds.csv
SAFEPLAN_TODAY=2026-01-15 run import rounds.csv --authority tb
expect_status 0
expect_err "rounds.csv:2: row 2 is read with row 1 as the header"
expect_err "column 6 'Progress update June 2025' is progress dated 2025-06-01"
expect_out "progress history: 4 entries added from 3 dated columns"
expect_eq "$(sql "$DB" "SELECT group_concat(a.ref || '@' || u.on_date || '=' || u.note, ' ') FROM
    (SELECT * FROM action_update ORDER BY action_id, on_date) u JOIN action a ON a.id = u.action_id")" \
    "1.1@2025-06-01=Started 1.1@2025-09-30=Half done 1.1@2025-12-01=Done 1.2@2025-09-30=Started" \
    "each round on its date; none is the undated progress"
# Dates under a heading that is not progress stay data, as before.
printf '%s\n' "Ref,Recommendation,Action,Lead officer,Target date,Evidence," \
    ",,,,,June 2025,Sept 2025" >notes.csv
refused "notes.csv:2: no finding" import notes.csv --authority tb

case_ "a header of two rows and nothing under it"
fresh_plan
head -2 two.csv >empty.csv
run import empty.csv --authority tb
expect_status 0
expect_err "row 2 is read with row 1 as the header"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action")" "0" "no action"

finish

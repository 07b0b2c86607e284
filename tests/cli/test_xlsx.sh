#!/usr/bin/env bash
# Importing Excel workbooks: written by libxlsxwriter (tests/tools/make_xlsx.c),
# by LibreOffice (soffice --convert-to xlsx, at test time) and by hand with
# Python's zipfile (tests/tools/craft_xlsx.py: the 1904 date system, inline
# strings, namespace prefixes, and the broken and hostile workbooks). Every
# bad workbook gets a clear message, exit 1, and leaves the database
# byte-for-byte as it was.
. "$(dirname "$0")/lib.sh"
TOOLS=$SP_SOURCE_DIR/tests/tools
MAKE_XLSX=${SP_BUILD_DIR:-$SP_SOURCE_DIR/build}/tests/make_xlsx
# fresh NAME: a new database with the authority, for the cases that follow.
fresh() {
    export SAFEPLAN_DB=$WORK/$1.db
    DB=$SAFEPLAN_DB
    sp init
    sp authority add tb --name Torbay
}
fresh plan
python3 "$TOOLS/craft_xlsx.py" "$WORK/wb" || { echo "craft_xlsx.py failed" >&2; exit 1; }
"$MAKE_XLSX" "$WORK/wb/plan.xlsx" || { echo "make_xlsx failed" >&2; exit 1; }

# field REF COLUMN: a column of the export for action REF.
field() {
    "$SAFEPLAN_BIN" export | python3 -c "
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r['action_ref'] == sys.argv[1]:
        sys.stdout.write(r[sys.argv[2]])" "$1" "$2"
}

# ---------------------------------------------------------------- libxlsxwriter
case_ "libxlsxwriter: the first sheet is a cover: passed over for the plan's, in a note"
before=$(fingerprint)
run import wb/plan.xlsx --authority tb --dry-run
expect_status 0; expect_out "would create: 0 authorities, 1 review, 2 findings, 4 owners, 4 actions"
expect_err "note: read sheet 'Action plan' of the workbook's 2 ('Cover', 'Action plan'); choose another with --sheet NAME"
expect_err "plan.xlsx:'Action plan': sheet 'Cover' passed over: no row in its first 20 names the columns (to read it, name it with --sheet)"
expect_eq "$(fingerprint)" "$before" "a dry run changes nothing"

case_ "libxlsxwriter: with --header-row (or --sheet) the first sheet is read as it is"
refused "note: read sheet 'Cover' of the workbook's 2 ('Cover', 'Action plan'); choose another with --sheet NAME" \
    import wb/plan.xlsx --authority tb --header-row 1
expect_err "plan.xlsx:Cover row 1: no column names the action"
refused "plan.xlsx:Cover row 1: no column names the action" import wb/plan.xlsx --authority tb --sheet Cover

case_ "libxlsxwriter: the plan sheet, named in any case"
run import wb/plan.xlsx --authority tb --sheet "action plan"
expect_status 0; expect_out "imported wb/plan.xlsx: 4 rows"
expect_out "2 findings, 4 owners, 4 actions"
expect_eq "$(field 1 start_on)" "2012-07-16" "a date cell (dd/mm/yyyy)"
expect_eq "$(field 1 due_on)" "2013-03-31" "a date cell (d mmmm yyyy)"
expect_eq "$(field 2 start_on)" "2012-09-01" "a date-time cell"
expect_eq "$(field 2 due_on)" "2013-03-01" "a timescale counted from a date cell"
expect_eq "$(field 1 action_ref)" "1" "a number cell is an integer, not 1.0"
expect_eq "$(field 1 measure)" "95%" "a percentage as shown"
expect_eq "$(field 2 measure)" "0.3" "0.1+0.2 as Excel shows it"
expect_eq "$(field 3 measure)" "1234567" "a large integer"
expect_eq "$(field 4 measure)" "3.0000001" "a real 3.0000001 is kept"
expect_eq "$(field 2 action)" "Report progress to the Improvement Board each quarter" "rich text runs joined"
expect_eq "$(field 3 finding)" "Challenge and pace of action, for example recruitment and retention" \
    "a merged finding reaches the third row it spans"
expect_eq "$(field 3 theme)" "Vision, Strategy and Leadership" "a merged theme"
expect_eq "$(field 4 finding)" "Demonstrate consistent involvement and challenge of all agencies" \
    "after an empty row"
expect_eq "$(field 1 last_update_note)" "Strategy drafted; to Cabinet in September" \
    "a column after an empty one (J after H)"
expect_eq "$(field 3 status)" "complete" "status"

case_ "libxlsxwriter: the same workbook again changes nothing"
run import wb/plan.xlsx --review "tb/$(sql "$DB" "SELECT ref FROM review LIMIT 1")" --sheet "Action plan"
expect_status 0; expect_out "4 unchanged"

# ---------------------------------------------------------------- 1904, by hand
case_ "the 1904 date system, prefixes, inline and shared strings, escapes"
fresh mac
run import wb/mac1904.xlsx --authority tb
expect_status 0; expect_out "2 rows"
expect_eq "$(field 1 due_on)" "2018-03-31" "a 1904 serial (41728)"
expect_eq "$(field 1 start_on)" "2017-04-03" "a 1904 serial (41366)"
expect_eq "$(field 2 start_on)" "2017-04-03" "a 1904 date-time at noon"
expect_eq "$(field 1 theme)" "Vision, Strategy and Leadership" "rich shared string"
expect_eq "$(field 2 theme)" "Vision, Strategy and Leadership" "merged down to a row without references"
expect_eq "$(field 1 finding)" "Challenge and pace of action" "phonetic run left out"
expect_eq "$(field 1 action)" $'Agree the recruitment plan\r\nwith HR' "_x000D_ is a CR"
expect_eq "$(field 1 owner)" "Director of Children's Services" "inline string"
expect_eq "$(field 1 status)" "in_progress" "a formula's cached string"
expect_eq "$(field 2 owner)" "Lead Member for Children" "cells without references"

# ---------------------------------------------------------------- LibreOffice
case_ "LibreOffice: a council's CSV converted to xlsx by soffice"
fresh lo
cat >lo.csv <<'EOF'
Ref,Theme,Area for improvement,Action being taken,Responsible officer,Start date,Deadline,Status
11,Service Delivery,Achieving a better balance between assessment and intervention,"Review CIN cases, with partners",Head of Service,16/07/2012,31/03/2013,In progress
12,Service Delivery,Achieving a better balance between assessment and intervention,Direct audit capacity to CIN plans,Principal Social Worker,2012-09-01,6 months,Not started
13,Managing Resources,Ask the 'so what' question,Report impact to the board,LSCB Business Manager,01/10/2012,28/02/2013,Maybe
EOF
if ! command -v soffice >/dev/null; then
    bad "soffice is not installed (scripts/install-deps.sh installs libreoffice-calc)"
else
    # en-GB (2057) so that 16/07/2012 is read as a day-first date.
    soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo-profile" \
        --infilter="CSV:44,34,76,1,,2057" --convert-to xlsx --outdir "$WORK" lo.csv \
        >/dev/null 2>&1
    [ -s lo.xlsx ] && ok || bad "soffice wrote no lo.xlsx"
    # The third row says "Maybe": refused at its cell, nothing imported.
    refused "lo.xlsx:lo!H4: status 'Maybe' is not known" import lo.xlsx --authority tb
    sed -i 's/,Maybe$/,Complete/' lo.csv
    rm -f lo.xlsx
    soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo-profile" \
        --infilter="CSV:44,34,76,1,,2057" --convert-to xlsx --outdir "$WORK" lo.csv \
        >/dev/null 2>&1
    run import lo.xlsx --authority tb
    expect_status 0; expect_out "3 rows"
    expect_eq "$(field 11 start_on)" "2012-07-16" "LibreOffice date cell"
    expect_eq "$(field 11 due_on)" "2013-03-31" "LibreOffice date cell"
    expect_eq "$(field 12 start_on)" "2012-09-01" "LibreOffice ISO date cell"
    expect_eq "$(field 12 due_on)" "2013-03-01" "timescale text"
    expect_eq "$(field 11 action)" "Review CIN cases, with partners" "text with a comma"
    expect_eq "$(field 13 status)" "complete" "status"
fi

# ---------------------------------------------------------------- bad workbooks
# The bad-input catalogue's workbook rows (docs/bad-input.md, X01-X12).
case_ "X01 a CSV file named .xlsx (not a zip)"
refused "notzip.xlsx: the file is not an Excel workbook: an .xlsx is a zip file" \
    import wb/notzip.xlsx --authority tb
case_ "X02 a password-protected workbook (an OLE compound file)"
refused "protected.xlsx: the file is a password-protected workbook or an old .xls" \
    import wb/protected.xlsx --authority tb
case_ "X03 an old .xls"
refused "old.xls: the file is a password-protected workbook or an old .xls" \
    import wb/old.xls --authority tb
case_ "X04 a zip bomb"
refused "bomb.xlsx: xl/worksheets/sheet1.xml unpacks to more than 100 times its packed size" \
    import wb/bomb.xlsx --authority tb
case_ "X05 a sheet of 1,048,576 rows"
refused "rows.xlsx: sheet 'Sheet1' has more than 100000 rows holding values" \
    import wb/rows.xlsx --authority tb
case_ "X06 a DTD in a part"
refused "dtd.xlsx: xl/worksheets/sheet1.xml declares a DTD" import wb/dtd.xlsx --authority tb
case_ "X07 a damaged cell"
refused "badsst.xlsx:Sheet1!C7: the cell refers to shared string '99', which the workbook does not have" \
    import wb/badsst.xlsx --authority tb
case_ "X08 an OpenDocument spreadsheet"
refused "plan.ods: a zip file with no xl/workbook.xml: an OpenDocument file (.ods)" \
    import wb/plan.ods --authority tb
case_ "X09 a sheet name that is not there"
refused "plan.xlsx: the workbook has no sheet named 'Plan': its sheets are 'Cover', 'Action plan'" \
    import wb/plan.xlsx --authority tb --sheet Plan
case_ "X10 by content, not by name: a workbook named .csv, a workbook on stdin"
# By content, not by name: a workbook named .csv is still a workbook, and a
# workbook on standard input too.
cp wb/badsst.xlsx renamed.csv
refused "renamed.csv:Sheet1!C7: the cell refers to shared string" import renamed.csv --authority tb
before=$(fingerprint "$DB" "$DB-wal")
"$SAFEPLAN_BIN" import - --authority tb <wb/bomb.xlsx >"$OUT" 2>"$ERR"; STATUS=$?
expect_status 1; expect_err "stdin: xl/worksheets/sheet1.xml unpacks to more than"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged after stdin"
# A bad workbook imported into a new database leaves no file behind.
run --db new.db import wb/protected.xlsx --authority tb
expect_status 1
[ ! -e new.db ] && ok || bad "new.db was left behind"

case_ "a workbook piped, not a file: read whole, the same plan"
fresh piped
cat wb/plan.xlsx | "$SAFEPLAN_BIN" import - --authority tb --sheet "action plan" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0; expect_out "imported stdin: 4 rows"
# The same plan, but for the review the import made, named after its source.
expect_eq "$("$SAFEPLAN_BIN" export --raw)" \
    "$("$SAFEPLAN_BIN" --db plan.db export --raw | sed 's/from plan\.xlsx on/from stdin on/')" \
    "the export of the piped workbook"

case_ "long, different texts past the reader's memory: the same plan as the CSV"
# long.xlsx holds about 6 MiB of shared strings, most of them sealed in the
# reader's spill beside the plan; long.csv is the same rows.
fresh long-csv
sp import wb/long.csv --authority tb
fresh long-xlsx
run import wb/long.xlsx --authority tb
expect_status 0; expect_out "imported wb/long.xlsx: 3000 rows"
expect_eq "$("$SAFEPLAN_BIN" export --raw | cksum)" \
    "$("$SAFEPLAN_BIN" --db long-csv.db export --raw | sed 's/from long\.csv on/from long.xlsx on/' |
       cksum)" "the export of the workbook"
expect_eq "$("$SAFEPLAN_BIN" export --raw | grep -c '(cohort [0-9]*) & <review>')" 3000 \
    "every action's own text"
ls -A "$WORK" | grep -q spill && bad "a spill was left in the plan's directory" || ok

case_ "X11 more different texts than Excel has rows"
refused "manysst.xlsx: the workbook has more than 1048576 different texts (shared strings): expected a workbook of a plan" \
    import wb/manysst.xlsx --authority tb

case_ "X12 a workbook over 64 MiB, in a file or piped"
# A zip's signature, then 65 MiB of nothing (a sparse file): refused by its
# size in a file, after 64 MiB from a pipe, the database unchanged.
{ printf 'PK\003\004'; } >huge.xlsx
truncate -s 65M huge.xlsx
refused "huge.xlsx: the workbook is larger than 64 MiB: expected a workbook of a plan" \
    import huge.xlsx --authority tb
before=$(fingerprint "$DB" "$DB-wal")
cat huge.xlsx | "$SAFEPLAN_BIN" import - --authority tb >"$OUT" 2>"$ERR"; STATUS=$?
expect_status 1; expect_no_out
expect_err "stdin: the workbook is larger than 64 MiB: expected a workbook of a plan"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged after the piped one"

case_ "a workbook on standard input part-way through a file, or piped"
# Another workbook first: read from the file's start, the two are no zip.
# (long.xlsx, as one that fills more than the first read.)
fresh offset
cat wb/hidden.xlsx wb/long.xlsx >prefixed.bin
(dd bs="$(wc -c <wb/hidden.xlsx)" count=1 of=/dev/null 2>/dev/null
 "$SAFEPLAN_BIN" import - --authority tb) <prefixed.bin >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0; expect_out "imported stdin: 3000 rows"
expect_eq "$("$SAFEPLAN_BIN" export --raw | cksum)" \
    "$("$SAFEPLAN_BIN" --db long-xlsx.db export --raw | sed 's/from long\.xlsx on/from stdin on/' |
       cksum)" "the export of the workbook after the offset"
# Piped, it is read whole (a pipe cannot be read out of order).
fresh piped-long
cat wb/long.xlsx | "$SAFEPLAN_BIN" import - --authority tb >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0; expect_out "imported stdin: 3000 rows"
expect_eq "$("$SAFEPLAN_BIN" export --raw | cksum)" \
    "$("$SAFEPLAN_BIN" --db long-xlsx.db export --raw | sed 's/from long\.xlsx on/from stdin on/' |
       cksum)" "the export of the piped workbook"

case_ "a hidden first sheet is passed over, as the reader does"
fresh hidden
run import wb/hidden.xlsx --authority tb
expect_status 0; expect_out "imported wb/hidden.xlsx: 2 rows"
expect_err "note: read sheet 'Plan' of the workbook's 2 ('(hidden) lookups', 'Plan')"

# ---------------------------------------------------------------- hidden
# What Excel hides is not imported: the clerk reads the visible sheet. A
# hidden "Target date" beside the visible one is the superseded date; a
# hidden row is an action struck out. Each is named in a note. Rows a
# filter hides are only out of view: they are imported.
python3 - "$TOOLS" "$WORK/wb" <<'PY' || { echo "crafting hidden workbooks failed" >&2; exit 1; }
import sys
sys.path.insert(0, sys.argv[1])
from craft_xlsx import workbook, sheet, rows
d = sys.argv[2]
def save(name, table, cols="", after="", hidden_rows=()):
    xml = sheet(rows(table), after).replace("<sheetData>", cols + "<sheetData>")
    for n in hidden_rows:
        xml = xml.replace(f'<row r="{n}">', f'<row r="{n}" hidden="1">')
    workbook(f"{d}/{name}", [("Plan", xml)])
H = ["Ref", "Recommendation", "Action", "Lead officer", "Target date", "Due", "Status"]
# Column E, the first target date, hidden; F the date now meant.
save("hidden_col.xlsx", [H, ["1", "Rec 1", "Audit", "Head of QA", "31/03/2017", "31/03/2018",
                             "In progress"]],
     cols='<cols><col min="5" max="5" width="0" hidden="1" customWidth="1"/></cols>')
# A hidden column C of the same header as the visible D.
save("hidden_dup.xlsx", [["Ref", "Recommendation", "Action", "Action", "Lead officer", "Status"],
                         ["1", "Rec 1", "Old wording", "New wording", "Head of QA", "In progress"]],
     cols='<cols><col min="3" max="3" hidden="true"/></cols>')
plan = [H[:5] + ["Status"],
        ["1", "Rec 1", "Audit", "Head of QA", "31/03/2018", "In progress"],
        ["2", "Rec 1", "Struck out", "Head of QA", "31/03/2018", "Not started"],
        ["3", "Rec 1", "Report", "Head of QA", "31/03/2018", "Not started"],
        ["4", "Rec 1", "Struck out too", "Head of QA", "31/03/2018", "Not started"]]
save("hidden_rows.xlsx", plan, hidden_rows=(3, 5))
save("filtered.xlsx", plan, after='<autoFilter ref="A1:F5"/>', hidden_rows=(3, 5))
# A recommendation merged down from a hidden row over visible ones.
save("hidden_merge.xlsx", [plan[0], plan[1], plan[2][:1] + [None] + plan[2][2:],
                           plan[3][:1] + [None] + plan[3][2:]],
     after='<mergeCells count="1"><mergeCell ref="B2:B4"/></mergeCells>', hidden_rows=(2,))
# The header row hidden (to tidy a printout), and a hidden action below it;
# then a hidden title above a hidden header.
save("hidden_header.xlsx", plan, hidden_rows=(1, 3))
save("hidden_title.xlsx", [["Improvement plan"]] + plan, hidden_rows=(1, 2, 4))
PY
case_ "a hidden column is not imported, and a note names it"
fresh hidden_col
run import wb/hidden_col.xlsx --authority tb
expect_status 0; expect_out "1 action"
expect_err 'note: wb/hidden_col.xlsx:Plan: column E "Target date" is hidden and was not imported'
expect_eq "$(field 1 due_on)" "2018-03-31" "the due date from the visible column"

case_ "a hidden column of the same header as a visible one does not clash"
fresh hidden_dup
run import wb/hidden_dup.xlsx --authority tb
expect_status 0; expect_out "1 action"
expect_err 'column C "Action" is hidden and was not imported'
expect_eq "$(field 1 action)" "New wording" "the visible column's text"

case_ "hidden rows are not imported, and a note names them"
fresh hidden_rows
run import wb/hidden_rows.xlsx --authority tb
expect_status 0; expect_out "imported wb/hidden_rows.xlsx: 2 rows"
expect_err "note: wb/hidden_rows.xlsx:Plan: rows 3, 5 are hidden and were not imported"
expect_eq "$(sql "$DB" "SELECT group_concat(description, '|') FROM (SELECT * FROM action ORDER BY ref)")" \
    "Audit|Report" "the visible rows"

case_ "a value merged down from a hidden row still reaches the visible rows"
fresh hidden_merge
run import wb/hidden_merge.xlsx --authority tb
expect_status 0; expect_out "imported wb/hidden_merge.xlsx: 2 rows"
expect_err "row 2 is hidden and was not imported"
expect_eq "$(sql "$DB" "SELECT group_concat(DISTINCT f.text) FROM action a JOIN finding f ON f.id = a.finding_id")" \
    "Rec 1" "the merged recommendation"

case_ "a hidden header row is still the header; hidden rows below it are passed over"
fresh hidden_header
run import wb/hidden_header.xlsx --authority tb
expect_status 0; expect_out "imported wb/hidden_header.xlsx: 3 rows"
expect_err "note: wb/hidden_header.xlsx:Plan row 1: the header row is hidden: read as the header all the same"
expect_err "note: wb/hidden_header.xlsx:Plan: row 3 is hidden and was not imported"
expect_eq "$(sql "$DB" "SELECT group_concat(description, '|') FROM (SELECT * FROM action ORDER BY ref)")" \
    "Audit|Report|Struck out too" "the visible rows"

case_ "a hidden title above a hidden header: the header is found below it"
fresh hidden_title
run import wb/hidden_title.xlsx --authority tb
expect_status 0; expect_out "imported wb/hidden_title.xlsx: 3 rows"
expect_err "row 1 is above the header (row 2) and was not imported"
expect_err "row 4 is hidden and was not imported"

case_ "rows a filter hides are imported"
fresh filtered
run import wb/filtered.xlsx --authority tb
expect_status 0; expect_out "imported wb/filtered.xlsx: 4 rows"
expect_err_not "hidden"

# ---------------------------------------------------------------- sheets
# Councils' workbooks put a contents page, a RAG key or lookups before the
# plan: the plan's sheet is the first visible one with a header in its
# first 20 rows, and rows above that header, merges and hidden columns
# reach the importer as from a first sheet. The plan goes on over the
# visible sheets after it whose header names the action and its owner or
# due date (a sheet to a theme, a sheet of completed actions), each read
# afresh; a summary after it is named in a note, not read.
python3 - "$TOOLS" "$WORK/wb" <<'PY' || { echo "crafting sheeted workbooks failed" >&2; exit 1; }
import sys
sys.path.insert(0, sys.argv[1])
from craft_xlsx import workbook, sheet, rows
d = sys.argv[2]
contents = sheet(rows([["Children's services improvement plan"], ["Contents"],
                       ["1. Key"], ["2. Plan"], ["3. Completed actions"]]))
key = sheet(rows([["RAG key"], ["Red", "Overdue"], ["Amber", "At risk"], ["Green", "On track"]]))
lookups = sheet(rows([["Action", "Lead officer", "Status"], ["Audit", "Head of QA", "Open"]]))
plan = sheet(rows([["Improvement plan", None, None, None, None, None, "As at 30/09/2025"],
                   [],
                   ["Ref", "Recommendation", "Action", "Old owner", "Lead officer", "Target date",
                    "Status"],
                   ["1", "Improve supervision", "Audit supervision", "Team manager",
                    "Head of QA", "31/03/2026", "In progress"],
                   ["2", None, "Train managers", "Team manager", "Head of Service",
                    "30/06/2026", "Not started"]]),
             '<mergeCells count="1"><mergeCell ref="B4:B5"/></mergeCells>').replace(
    "<sheetData>", '<cols><col min="4" max="4" hidden="1"/></cols><sheetData>')
done = sheet(rows([["Completed actions"], [],
                   ["Ref", "Recommendation", "Action", "Lead officer", "Status",
                    "Progress update - June 2025"],
                   ["9", "Old", "Done long ago", "Head of QA", "Complete", "Audit signed off"]]))
summary = sheet(rows([["Theme", "Actions", "RAG"], ["Supervision", "2", "Amber"]]))
workbook(f"{d}/sheeted.xlsx", [("Contents", contents), ("(hidden) lookups", lookups),
                               ("Key", key), ("Plan", plan), ("Completed actions", done),
                               ("Summary", summary)])
workbook(f"{d}/noplan.xlsx", [("Notes", key), ("Contents", contents)])
# A plan kept a sheet to a theme, as some councils keep it.
head = ["Ref", "Recommendation", "Action", "Lead officer", "Target date", "Status"]
lead = sheet(rows([head, ["1", "Leaders know the front door", "Audit contacts", "Head of MASH",
                          "31/03/2026", "In progress"],
                   ["2", "Leaders know the front door", "Report to the board", "Director",
                    "30/04/2026", "Not started"]]))
practice = sheet(rows([["Theme 2: practice"], head,
                       ["1", "Plans are specific", "Train on plans", "Principal social worker",
                        "30/06/2026", "Not started"]]))
workbook(f"{d}/themes.xlsx", [("Leadership", lead), ("Practice", practice)])
bad = sheet(rows([head, ["1", "Plans are specific", "Train on plans", "Principal social worker",
                         "31/02/2026", "Not started"]]))
workbook(f"{d}/themes_bad.xlsx", [("Leadership", lead), ("Practice", bad)])
again = sheet(rows([head, ["1", "Leaders know the front door", "Audit contacts",
                           "Head of MASH", "31/03/2026", "Complete"]]))
workbook(f"{d}/copies.xlsx", [("June", lead), ("September", again)])
twice = sheet(rows([["Ref", "Recommendation", "Action", "Lead officer", "Owner", "Status"],
                    ["9", "Old", "Done long ago", "Head of QA", "Head of QA", "Complete"]]))
workbook(f"{d}/twice.xlsx", [("Leadership", lead), ("Completed", twice), ("Practice", practice)])
workbook(f"{d}/many.xlsx", [(f"Theme {n:02d} of the improvement plan",
                             sheet(rows([head, [str(n), f"Finding {n}", f"Action {n}",
                                                "Head of QA", "31/03/2026", "Not started"]])))
                            for n in range(1, 41)])
PY
case_ "the plan's sheet after a contents page and a key, and the sheet of completed actions after it"
fresh sheeted
run import wb/sheeted.xlsx --authority tb
expect_status 0; expect_out "imported wb/sheeted.xlsx: 3 rows"
expect_err "note: read sheets 'Plan', 'Completed actions' of the workbook's 6 ('Contents', '(hidden) lookups', 'Key', 'Plan', 'Completed actions', 'Summary'): the plan goes on over them"
expect_err "wb/sheeted.xlsx:Plan: sheets 'Contents', 'Key' passed over: no row in their first 20 names the columns"
expect_err "wb/sheeted.xlsx:Plan: rows 1-2 are above the header (row 3) and were not imported"
expect_err 'wb/sheeted.xlsx:Plan: column D "Old owner" is hidden and was not imported'
expect_err "wb/sheeted.xlsx:'Completed actions': rows 1-2 are above the header (row 3)"
expect_eq "$(field 2 finding)" "Improve supervision" "a merged cell of the sheet found reaches its rows"
expect_eq "$(field 2 owner)" "Head of Service" "the visible owner column"
expect_eq "$(sql "$DB" "SELECT status FROM action WHERE description = 'Done long ago'")" \
    "complete" "the completed actions' sheet is read as more of the plan"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action_update u JOIN action a ON a.id = u.action_id
    WHERE a.description = 'Done long ago' AND u.note = 'Audit signed off'
    AND u.on_date = '2025-06-01'")" "1" \
    "a later sheet's dated column is an entry of its round (the bulk load ended for it)"
expect_err "wb/sheeted.xlsx:'Completed actions' row 3: column 6 'Progress update - June 2025' is progress dated 2025-06-01"
expect_err "sheet 'Summary' also has a row that names columns, but not the owner or the due date that a plan's rows have, and was not imported"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action WHERE description IN ('Audit', 'Supervision')")" \
    "0" "neither the hidden lookups nor the summary is read"
run import wb/sheeted.xlsx --authority tb --sheet "Completed actions"
expect_status 0; expect_out "1 unchanged"; expect_err_not "read sheets"; expect_err_not "Summary"

case_ "a plan kept a sheet to a theme: every sheet read, in one import"
fresh themes
run import wb/themes.xlsx --authority tb
expect_status 0; expect_out "imported wb/themes.xlsx: 3 rows"
expect_out "3 actions"
expect_err "read sheets 'Leadership', 'Practice' of the workbook's 2"
expect_err "wb/themes.xlsx:Practice: row 1 is above the header (row 2) and was not imported"
expect_eq "$(sql "$DB" "SELECT group_concat(description, '|') FROM (SELECT description FROM action ORDER BY id)")" \
    "Audit contacts|Report to the board|Train on plans" "each sheet's actions, in order"
run import wb/themes.xlsx --authority tb
expect_status 0; expect_out "3 unchanged"

case_ "a bad cell on a later sheet: named by its sheet, and nothing from any sheet is imported"
fresh themes_bad
refused "wb/themes_bad.xlsx:Practice!E2: " import wb/themes_bad.xlsx --authority tb
expect_err "31/02/2026"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action")" "0" "the first sheet's rows are not kept"

case_ "a later sheet whose header cannot be used: not read, said why, and the others imported"
fresh twice
run import wb/twice.xlsx --authority tb
expect_status 0; expect_out "3 actions"
expect_err "wb/twice.xlsx:Completed!E1: sheet 'Completed' was not read, though its header names the action and its owner or due date: header 'Owner' means owner, as does column 4's 'Lead officer'"
expect_err "read sheets 'Leadership', 'Practice' of the workbook's 3"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action WHERE description = 'Done long ago'")" "0" \
    "nothing from the sheet left"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action WHERE description = 'Train on plans'")" "1" \
    "the sheet after it is read"

case_ "a plan over 40 sheets: every one read, and the note of them cut short"
fresh many
run import wb/many.xlsx --authority tb
expect_status 0; expect_out "40 actions"
expect_err "read sheets 'Theme 01 of the improvement plan', 'Theme 02 of the improvement plan',"
expect_eq "$(grep -c "Theme 40 of the improvement plan', 'Theme" "$ERR")" "0" "the list stops"
expect_eq "$(grep "read sheets" "$ERR" | grep -c ", \.\.\. of the workbook's 40 ")" "1" "cut with ..."

case_ "sheets that are copies of the plan at two dates: refused, naming both rows"
fresh copies
refused "wb/copies.xlsx:September!A2: Ref '1' is also in row 2 of sheet 'June', under the same finding" \
    import wb/copies.xlsx --authority tb
expect_err "if the sheets are copies of the plan at different dates, import the latest alone with --sheet"
run import wb/copies.xlsx --authority tb --sheet September
expect_status 0; expect_out "1 action"

case_ "a workbook with no header in any sheet: the first sheet is refused, as it reads"
fresh noplan
refused "wb/noplan.xlsx:Notes row 1: no column names the action" import wb/noplan.xlsx --authority tb
expect_err_not "passed over"

case_ "--sheet and --help"
run import --help
expect_status 0; expect_out "--sheet NAME"; expect_out "--encoding"
finish

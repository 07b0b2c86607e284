#!/usr/bin/env bash
# Rows the importer must refuse rather than guess at (the import audit):
# two rows of one file that would be one action (a Ref merged or filled
# down, 1.1 and 1.10 typed as numbers), Excel error values and formulas
# saved without their value; and voided objects, which a re-import after
# `undo` never matches. Every refusal leaves the database as it was.
. "$(dirname "$0")/lib.sh"
DATA=$SP_SOURCE_DIR/tests/data/import
TOOLS=$SP_SOURCE_DIR/tests/tools
export SAFEPLAN_TODAY=2018-06-01
DB=$WORK/plan.db
fresh() {
    rm -f "$DB" "$DB-wal" "$DB-shm"
    sp init
    sp authority add tb --name Torbay
}
actions() { sql "$DB" "SELECT count(*) FROM action WHERE voided = 0"; }

# Workbooks written by hand (tests/tools/craft_xlsx.py's writer).
python3 - "$TOOLS" "$WORK" <<'PY' || { echo "crafting workbooks failed" >&2; exit 1; }
import sys
sys.path.insert(0, sys.argv[1])
from craft_xlsx import workbook, sheet, inline
d = sys.argv[2]
H = ["Ref", "Recommendation", "What we will do", "Lead officer", "Target date", "Status"]
def row(n, cells):
    out = []
    for i, c in enumerate(cells):
        ref = f"{chr(65 + i)}{n}"
        if c is None:
            continue
        out.append(c(ref) if callable(c) else inline(ref, c))
    return f'<row r="{n}">{"".join(out)}</row>'
def num(v, s=0, f=""):
    return lambda ref: f'<c r="{ref}" s="{s}">{f}<v>{v}</v></c>'
def err(v):
    return lambda ref: f'<c r="{ref}" t="e"><v>{v}</v></c>'
def nocache(f):
    return lambda ref: f'<c r="{ref}"><f>{f}</f></c>'
def save(name, rows, merges=""):
    xml = "".join(row(i + 1, r) for i, r in enumerate([H] + rows))
    workbook(f"{d}/{name}", [("Action plan", sheet(xml, merges))])
# A Ref and its recommendation merged down over three actions.
save("merged_ref.xlsx", [
    ["1", "Rec 1: one plan", "Agree terms of reference", "Director", "end of March 2018", "In progress"],
    [None, None, "Publish the plan", "Head of Service", "30/09/2017", "Not started"],
    [None, None, "Report to Scrutiny", "Business Manager", "31/12/2017", "Not started"],
    ["2", "Rec 2: one front door", "Open the MASH", "Business Manager", "30/06/2017", "Complete"]],
    '<mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="B2:B4"/></mergeCells>')
# 1.1 and 1.10 typed as numbers: both read 1.1.
save("numref.xlsx", [
    [num("1.1"), "Rec 1", "Act one", "Lead", "31/03/2018", "Not started"],
    [num("1.1"), "Rec 1", "Act ten", "Lead", "31/03/2018", "Not started"]])
# Error values in imported cells, and one in a column nobody imports.
save("errors.xlsx", [
    ["1.1", "Rec 1", err("#VALUE!"), err("#REF!"), "31/03/2018", "In progress"]])
# An error merged down over two rows: an error in each.
save("error_merged.xlsx", [
    ["1.1", "Rec 1", "Act one", err("#REF!"), "31/03/2018", "In progress"],
    ["1.2", "Rec 1", "Act two", None, "31/03/2018", "In progress"]],
    '<mergeCells count="1"><mergeCell ref="D2:D3"/></mergeCells>')
save("error_unread.xlsx", [
    ["1.1", "Rec 1", "Act one", "Lead", "31/03/2018", "In progress", err("#N/A")]])
# Target dates shown as months: built-in mmm-yy (17), mmmm yyyy, mm/yyyy.
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
months = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}"><numFmts count="2">'
          '<numFmt numFmtId="164" formatCode="mmmm yyyy"/><numFmt numFmtId="165" formatCode="mm/yyyy"/>'
          '</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4">'
          '<xf numFmtId="0"/><xf numFmtId="17"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>')
xml = "".join(row(i + 1, r) for i, r in enumerate([H,
    ["1.1", "Rec 1", "Act one", "Lead", num(43160, 1), "Not started"],
    ["1.2", "Rec 1", "Act two", "Lead", num(43160, 2), "Not started"],
    ["1.3", "Rec 1", "Act three", "Lead", num(43160, 3), "Not started"]]))
workbook(f"{d}/months.xlsx", [("Action plan", sheet(xml))], styles=months)
# A start date shown as a month (mmm-yy): the month's first day, as before.
xml = "".join(row(i + 1, r) for i, r in enumerate([H + ["Start date"],
    ["1.1", "Rec 1", "Act one", "Lead", "30/09/2018", "In progress", num(43160, 1)]]))
workbook(f"{d}/month_start.xlsx", [("Action plan", sheet(xml))], styles=months)
# Refs typed as numbers in cells formatted 0.00 (built-in 2) and 0.0: read
# as shown (1.10, 1.2), not as General would print the number (1.1).
fixed = months.replace('<xf numFmtId="17"/>', '<xf numFmtId="2"/>').replace(
    'formatCode="mmmm yyyy"', 'formatCode="0.0"')
xml = "".join(row(i + 1, r) for i, r in enumerate([H,
    [num("1.1", 1), "Rec 1", "Act ten", "Lead", "31/03/2018", "Not started"],
    [num("1.2", 2), "Rec 1", "Act two", "Lead", "31/03/2018", "Not started"]]))
workbook(f"{d}/numref_shown.xlsx", [("Action plan", sheet(xml))], styles=fixed)
# A target date that is a formula saved without its value.
save("nocache.xlsx", [
    ["1.1", "Rec 1", "Act one", "Lead", nocache("EDATE(F1,3)"), "Not started"]])
# A title merged across the sheet, a date and a RAG key, and an empty row
# above the header (row 4); the second with a date that is no day in row 6.
def titled(name, due):
    top = [["Children's Services Improvement Plan"],
           ["Updated March 2018", None, None, None, "Key:", "Green = on track"], []]
    rows = [["1.1", "Rec 1", "Act one", "Lead", "31/03/2018", "Not started"],
            ["1.2", "Rec 1", "Act two", "Lead", due, "In progress"]]
    xml = "".join(row(i + 1, r) for i, r in enumerate(top + [H] + rows))
    workbook(f"{d}/{name}", [("Action plan", sheet(
        xml, '<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>'))])
titled("titled.xlsx", "30/06/2018")
titled("titled_bad.xlsx", "31/02/2018")
# Refs Excel turned into dates as they were typed: 1.2 shown as a date
# (built-in 14, and a custom d-mmm), and one formatted as a number after
# (General: the day number 43132, 2018-02-01); a Ref that is a plain number
# stays a Ref. Then target dates of Excel's days 59, 60 (29/02/1900, which
# never was) and 61.
dates = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}"><numFmts count="1">'
         '<numFmt numFmtId="164" formatCode="d\\-mmm"/></numFmts>'
         '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3">'
         '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>')
def dated(name, rows):
    xml = "".join(row(i + 1, r) for i, r in enumerate([H] + rows))
    workbook(f"{d}/{name}", [("Action plan", sheet(xml))], styles=dates)
dated("ref_date.xlsx", [
    [num(43132, 1), "Rec 1", "Act one", "Lead", "31/03/2018", "Not started"],
    [num(43133, 2), "Rec 1", "Act two", "Lead", "31/03/2018", "Not started"],
    [num(43134), "Rec 1", "Act three", "Lead", "31/03/2018", "Not started"],
    [num(7), "Rec 1", "Act four", "Lead", "31/03/2018", "Not started"]])
dated("due_1900.xlsx", [
    ["1", "Rec 1", "Act one", "Lead", num(59, 1), "Not started"],
    ["2", "Rec 1", "Act two", "Lead", num(60, 1), "Not started"],
    ["3", "Rec 1", "Act three", "Lead", num(61, 1), "Not started"],
    ["4", "Rec 1", "Act four", "Lead", num(43190, 1), "Not started"]])
PY

# ---------------------------------------------------------------- D1
fresh
case_ "two rows with one Ref: refused, naming both rows and the way out"
refused "same_ref.csv:3:1: Ref '1.1' is also in row 2, under the same finding" \
    import "$DATA/same_ref.csv" --authority tb
expect_err "Each row must have its own Ref"
expect_err "leave Ref empty on the rows below to have them numbered"
expect_err "1 bad row; nothing was imported"

case_ "a Ref merged down over three actions: both lower rows refused"
refused "merged_ref.xlsx:'Action plan'!A3: Ref '1' is also in row 2" \
    import "$WORK/merged_ref.xlsx" --authority tb
expect_err "merged_ref.xlsx:'Action plan'!A4: Ref '1' is also in row 2"
expect_err "unmerge it"

case_ "1.1 and 1.10 typed as numbers: the collision is refused"
refused "numref.xlsx:'Action plan'!A3: Ref '1.1' is also in row 2" \
    import "$WORK/numref.xlsx" --authority tb

case_ "a Ref typed as a number is read as its format shows it"
run import "$WORK/numref_shown.xlsx" --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(ref, ' ') FROM (SELECT ref FROM action ORDER BY id)")" \
    "1.10 1.2" "refs as shown"
fresh

case_ "two identical rows without a Ref: refused, not merged"
refused "same_text.csv:3:2: the same action as row 2" import "$DATA/same_text.csv" --authority tb

case_ "the advice works: empty Refs below are numbered"
run import "$DATA/refs_numbered.csv" --authority tb
expect_status 0
expect_out "3 actions"
expect_eq "$(sql "$DB" "SELECT group_concat(ref, ' ') FROM (SELECT ref FROM action ORDER BY id)")" \
    "1 2 3" "refs"
case_ "... and the same file again changes nothing"
run import "$DATA/refs_numbered.csv" --authority tb
expect_status 0
expect_out "3 unchanged"

# ---------------------------------------------------------------- D2
fresh
export SAFEPLAN_USER=Clerk
case_ "undo of an import, then the file again: its plan is made afresh"
sp import "$DATA/council_excel.csv" --authority tb --as-at 2017-07-01
sp undo
run import "$DATA/council_excel.csv" --authority tb --as-at 2017-07-01
expect_status 0
expect_out "created: 0 authorities, 1 review, 2 findings, 0 owners, 4 actions"
expect_eq "$(actions)" 4 "live actions"
expect_eq "$(sql "$DB" "SELECT group_concat(ref) FROM review WHERE voided = 0")" \
    "import-2018-06-01-2" "a new review beside the voided one"
case_ "... and again: the new review is the one matched"
run import "$DATA/council_excel.csv" --authority tb --as-at 2017-07-01
expect_status 0
expect_out "4 unchanged"
run verify
expect_status 0

case_ "a voided action's Ref: refused, naming it and how to go on"
fresh
sp import "$DATA/council_excel.csv" --authority tb
sp action void 1 --reason "entered twice"
refused "council_excel.csv:2:1: action '1.1' was voided" import "$DATA/council_excel.csv" --authority tb
expect_err "safeplan undo CHANGE"
expect_err "leave Ref empty to have one numbered"

case_ "an export whose reviews were voided by undo: refused, naming the review"
fresh
sp import "$DATA/council_excel.csv" --authority tb
sp export --out "$WORK/plan.csv"
sp undo
refused "review 'import-2018-06-01' was voided" import "$WORK/plan.csv"

# ---------------------------------------------------------------- D4, D5
fresh
case_ "Excel error values in imported cells: refused at each cell"
refused "errors.xlsx:'Action plan'!C2: the cell (column 'What we will do') holds the Excel error #VALUE!: fix the formula or type the value" \
    import "$WORK/errors.xlsx" --authority tb
expect_err "errors.xlsx:'Action plan'!D2: the cell (column 'Lead officer') holds the Excel error #REF!"
expect_err "1 bad row"

case_ "an error merged down over two rows: refused in each"
refused "error_merged.xlsx:'Action plan'!D3: the cell (column 'Lead officer') holds the Excel error #REF!" \
    import "$WORK/error_merged.xlsx" --authority tb
expect_err "error_merged.xlsx:'Action plan'!D2: the cell"

case_ "an error in a column nobody imports is no matter"
run import "$WORK/error_unread.xlsx" --authority tb
expect_status 0
expect_out "1 action"

case_ "an error value saved into a CSV by Excel"
fresh
printf 'Ref,Recommendation,What we will do,Lead officer,Target date\r\n1.1,Rec,Act,#N/A,31/03/2018\r\n' >err.csv
refused "err.csv:2:4: the cell (column 'Lead officer') holds the Excel error #N/A, as Excel saved it in the CSV" \
    import err.csv --authority tb

case_ "... but in a CSV's free text (a progress note) the word is kept as written"
printf 'Ref,Recommendation,What we will do,Lead officer,Target date,Progress update\r\n1.1,Rec,Act,Lead,31/03/2018,#N/A\r\n' >note.csv
run import note.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT note FROM action_update")" "#N/A" "the note"
fresh

case_ "a formula with no value saved: refused, not an open-ended action"
refused "nocache.xlsx:'Action plan'!E2: the cell (column 'Target date') has a formula Excel has not calculated" \
    import "$WORK/nocache.xlsx" --authority tb
expect_err "open the file in Excel or LibreOffice and save it again"

# ---------------------------------------------------------------- D3
fresh
case_ "a date shown as a month (Mar-18, March 2018, 03/2018): its last day"
run import "$WORK/months.xlsx" --authority tb --as-at 2018-01-10
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(due_on || ' ' || timescale, ', ') FROM (SELECT * FROM action ORDER BY ref)")" \
    "2018-03-31 March 2018, 2018-03-31 March 2018, 2018-03-31 March 2018" "due dates, kept as shown"
case_ "a start date shown as a month: its first day (only a due date is read as the month's end)"
fresh
run import "$WORK/month_start.xlsx" --authority tb --as-at 2018-01-10
expect_status 0
expect_eq "$(sql "$DB" "SELECT start_on FROM action")" "2018-03-01" "start"

# ---------------------------------------------------------------- D6
fresh
case_ "ASAP is due at once, as Immediately is: never open-ended"
printf 'Ref,Recommendation,What we will do,Lead officer,Start date,Target date\r\n1.1,Rec,Act,Lead,01/09/2017,ASAP\r\n1.2,Rec,Act 2,Lead,01/09/2017,As soon as possible\r\n1.3,Rec,Act 3,Lead,01/09/2017,Immediately\r\n' >asap.csv
run import asap.csv --authority tb --as-at 2017-10-01
expect_status 0
expect_out_not "open-ended"
expect_eq "$(sql "$DB" "SELECT group_concat(coalesce(due_on, 'none') || ' ' || timescale, ', ') FROM (SELECT * FROM action ORDER BY ref)")" \
    "2017-09-01 ASAP, 2017-09-01 As soon as possible, 2017-09-01 Immediately" "due dates, kept as written"

# ---------------------------------------------------------------- D8
fresh
case_ "--sheet with a CSV file: a misuse, not ignored"
before=$(fingerprint "$DB" "$DB-wal")
run import "$DATA/council_excel.csv" --authority tb --sheet Plan
expect_status 2
expect_err "--sheet 'Plan' names a workbook's sheet, but the file is text (CSV)"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"

case_ "--encoding with a workbook: a misuse, not ignored"
run import "$WORK/error_unread.xlsx" --authority tb --encoding windows-1252
expect_status 2
expect_err "--encoding names a text file's encoding, but the file is an Excel workbook"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"

case_ "a date outside the years a plan keeps is said to be so, not 'not a real day'"
printf 'Ref,Recommendation,What we will do,Lead officer,Target date\r\n1.1,Rec,Act,Lead,9999-12-31\r\n1.2,Rec,Act 2,Lead,1/1/0018\r\n1.3,Rec,Act 3,Lead,31/02/2018\r\n' >years.csv
refused "years.csv:2:5: due date '9999-12-31' is outside the years a plan keeps (1900 to 2999)" \
    import years.csv --authority tb
expect_err "years.csv:3:5: due date '1/1/0018' is outside the years a plan keeps"
expect_err "years.csv:4:5: due date '31/02/2018' is not a real day"

# ---------------------------------------------------------------- the header below a title
# Councils' sheets put a title, a date, a blank row or a RAG key above the
# header: the header is the first row (of the first 20) that names the
# action and another column; the rows above it are named in a note.
H='Ref,Recommendation,What we will do,Lead officer,Target date,Status'
expect_err_not() { if grep -qF -- "$1" "$ERR"; then bad "stderr has '$1'"; else ok; fi; }
fresh
case_ "a title and a blank row above the header (CSV): read from the header"
printf 'Improvement plan - March 2018,,,,,\r\n,,,,,\r\n%s\r\n1.1,Rec 1,Act one,Lead,31/03/2018,Not started\r\n1.2,Rec 1,Act two,Lead,30/06/2018,In progress\r\n' "$H" >titled.csv
run import titled.csv --authority tb
expect_status 0
expect_out "2 actions"
expect_err "note: titled.csv: rows 1-2 are above the header (row 3) and were not imported"
expect_err_not "was not imported: no field has that name"
expect_eq "$(sql "$DB" "SELECT group_concat(ref || ' ' || description, ', ') FROM (SELECT * FROM action ORDER BY ref)")" \
    "1.1 Act one, 1.2 Act two" "the rows below the header, and only they"

case_ "... a bad row below it is named at the file's own line"
fresh
printf 'Improvement plan\r\n"Updated\r\nMarch 2018"\r\n,,,,,\r\n%s\r\n1.1,Rec 1,Act one,Lead,31/03/2018,Not started\r\n1.2,Rec 1,Act two,Lead,31/02/2018,Not started\r\n' "$H" >titled_bad.csv
refused "titled_bad.csv:7:5: due date '31/02/2018' is not a real day" import titled_bad.csv --authority tb
expect_err "note: titled_bad.csv: rows 1-4 are above the header (row 5)"

case_ "blank rows alone above the header"
printf ',,,,,\r\n,,,,,\r\n%s\r\n1.1,Rec 1,Act one,Lead,31/03/2018,Not started\r\n' "$H" >blank_top.csv
run import blank_top.csv --authority tb
expect_status 0
expect_out "1 action"
expect_err "rows 1-2 are above the header (row 3)"

case_ "a title above the header of a workbook (merged across, with a RAG key)"
fresh
run import "$WORK/titled.xlsx" --authority tb
expect_status 0
expect_out "2 actions"
expect_err "titled.xlsx:'Action plan': rows 1-3 are above the header (row 4) and were not imported"
expect_err_not "was not imported: no field has that name"
case_ "... and a bad cell below it named as Excel names it"
fresh
refused "titled_bad.xlsx:'Action plan'!E6: due date '31/02/2018' is not a real day" \
    import "$WORK/titled_bad.xlsx" --authority tb

# The bound: the header may be row 20, not row 21.
title_rows() { for i in $(seq 1 "$1"); do printf 'Note %s about the plan,,,,,\r\n' "$i"; done; }
case_ "the header on row 20: found"
fresh
{ title_rows 19; printf '%s\r\n1.1,Rec 1,Act one,Lead,31/03/2018,Not started\r\n' "$H"; } >row20.csv
run import row20.csv --authority tb
expect_status 0
expect_err "rows 1-19 are above the header (row 20)"
case_ "no header in the first 20 rows: refused at row 1, saying so; nothing changed"
{ title_rows 20; printf '%s\r\n1.2,Rec 1,Act two,Lead,31/03/2018,Not started\r\n' "$H"; } >row21.csv
refused "row21.csv:1: no column names the action: expected a header such as Action" \
    import row21.csv --authority tb
expect_err "nor does any row below it in the first 20 name the columns"
expect_err "row21.csv: the header cannot be used; nothing was imported"
expect_err_not "are above the header (row"
expect_err_not "was not imported: no field has that name"
case_ "... --header-row names it"
run import row21.csv --authority tb --header-row 21
expect_status 0
expect_out "1 action"
expect_err "rows 1-20 are above the header (row 21)"
expect_eq "$(sql "$DB" "SELECT ref FROM action WHERE ref = '1.2'")" "1.2" "the row below it"
case_ "--header-row past the file's end: refused, nothing changed"
refused "row21.csv: --header-row 40: the file ends above row 40" \
    import row21.csv --authority tb --header-row 40
case_ "--header-row that is no row number: a misuse"
before=$(fingerprint "$DB" "$DB-wal")
for n in 0 -1 3x ''; do
    run import row21.csv --authority tb --header-row "$n"
    expect_status 2
    expect_err "--header-row '$n' is not a row number"
done
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"
case_ "... nor in a short file"
printf 'Improvement plan\r\nNothing yet\r\n' >nohdr.csv
refused "nohdr.csv:1: no column names the action" import nohdr.csv --authority tb
expect_err "nor does any row below it in the first 20 name the columns"
case_ "a header with a fault on row 1 is still the header (the fault is its own)"
printf 'Ref,What we will do,Status\r\n1.1,Act,Complete\r\n' >nofinding.csv
refused "nofinding.csv:1: no column names the finding" import nofinding.csv --authority tb
expect_err_not "nor does any row"

case_ "no finding column: each finding on a row of its own, its reference and text, above its actions"
fresh
cat >rowfind.csv <<'CSV'
Ref,What we will do,Lead officer,Target date,Status
1,Improve the quality of supervision,,,
1.1,Audit supervision files,Head of Service,31/03/2026,In progress
1.2,Train managers,Principal Social Worker,30/06/2026,
,Strengthen the response to children missing education,,,
2a,Establish a panel,Head of Inclusion,31/12/2025,Complete
Key: actions are rated each month,,,,
CSV
run import rowfind.csv --authority tb
expect_status 0; expect_out "2 findings, 3 owners, 3 actions"
expect_eq "$(sql "$DB" "SELECT group_concat(f.ref || ':' || f.text || '=' || a.ref, ' / ') FROM
    (SELECT * FROM action ORDER BY id) a JOIN finding f ON f.id = a.finding_id")" \
    "1:Improve the quality of supervision=1.1 / 1:Improve the quality of supervision=1.2 / 2:Strengthen the response to children missing education=2a" \
    "each action under the finding's row above it"
expect_err "rowfind.csv:2:2: 'Improve the quality of supervision' is a finding on a row of its own (the sheet has no finding column)"
expect_eq "$(grep -c 'is a finding on a row of its own' "$ERR")" "1" "said once"
run import rowfind.csv --authority tb
expect_status 0; expect_out "3 unchanged"
# A long finding quoted in the note is cut where a character begins: the note stays UTF-8.
long="a$(printf 'é%.0s' $(seq 1 40))"
printf '%s\r\n' "Ref,What we will do,Lead officer,Target date" "1,$long,," "1.1,Audit files,Head of Service,31/03/2026" >utf8find.csv
run import utf8find.csv --authority tb --dry-run
expect_status 0
expect_eq "$(python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8"); print("ok")' <"$ERR" 2>&1)" "ok" \
    "the note is UTF-8"
# An action above any finding, and a finding's row no action takes, are refused.
printf '%s\r\n' "Ref,What we will do,Lead officer,Target date" "1.1,Audit files,Head of Service,31/03/2026" \
    "2,Strengthen the response,," "3,Improve supervision,," "3.1,Train managers,Head of Service,30/06/2026" >orphan.csv
refused "orphan.csv:2: no finding for this action: no column names the finding" import orphan.csv --authority tb
expect_err "orphan.csv:3:2: the row gives the finding 'Strengthen the response' (a reference and text alone) but no action below it takes it"

# ---------------------------------------------------------------- separators
fresh
case_ "semicolon-separated (Excel where the decimal mark is a comma), commas in the text"
printf 'Improvement plan;;;;;\r\n;;;;;\r\nRef;Recommendation;What we will do;Lead officer;Target date;Progress update\r\n1.1;Rec 1, the first;Agree terms, then publish;Lead;31/03/2018;Begun, slowly\r\n1.2;Rec 1, the first;"Report; then review";Lead;30/06/2018;\r\n' >semi.csv
run import semi.csv --authority tb
expect_status 0
expect_out "2 actions"
expect_err "note: semi.csv: read as semicolon-separated"
expect_err "rows 1-2 are above the header (row 3)"
expect_eq "$(sql "$DB" "SELECT group_concat(description, '|') FROM (SELECT * FROM action ORDER BY ref)")" \
    "Agree terms, then publish|Report; then review" "texts with commas and semicolons"
expect_eq "$(sql "$DB" "SELECT note FROM action_update WHERE note IS NOT NULL")" "Begun, slowly" "the note"

case_ "tab-separated under a title with no tabs, commas in the text"
fresh
printf 'Improvement plan, March 2018\r\nRef\tRecommendation\tWhat we will do\tLead officer\tTarget date\r\n1.1\tRec 1, the first\tAgree terms, then publish\tLead\t31/03/2018\r\n' >tabs.csv
run import tabs.csv --authority tb
expect_status 0
expect_out "1 action"
expect_err "note: read tabs.csv as tab-separated"
expect_eq "$(sql "$DB" "SELECT description FROM action")" "Agree terms, then publish" "the text"

case_ "a comma CSV whose text has semicolons is read with commas"
fresh
printf '%s\r\n1.1,Rec 1,Agree; publish; review; report,Lead,31/03/2018,Not started\r\n1.2,Rec 1,Plan; do; check; act,Lead,31/03/2018,Not started\r\n' "$H" >semitext.csv
run import semitext.csv --authority tb
expect_status 0
expect_out "2 actions"
expect_err_not "semicolon"
expect_eq "$(sql "$DB" "SELECT group_concat(description, '|') FROM (SELECT * FROM action ORDER BY ref)")" \
    "Agree; publish; review; report|Plan; do; check; act" "texts"
case_ "... and its export imports unchanged"
sp export --out "$WORK/semitext_export.csv"
fresh
run import "$WORK/semitext_export.csv"
expect_status 0
expect_err_not "semicolon"
sp export --out "$WORK/semitext_again.csv"
if cmp -s "$WORK/semitext_export.csv" "$WORK/semitext_again.csv"; then ok; else bad "the export changed on its way back"; fi

# ---------------------------------------------------------------- themes
# A plan may repeat a recommendation under two themes: two findings, not
# the second row filed under the first theme and its own theme lost.
fresh
case_ "one recommendation under two themes is two findings"
printf 'Ref,Theme,Recommendation,Action,Lead officer,Target date,Status\r\n1.1,Outcomes,Evidence the impact of changes,Outcome dashboard,Head of Performance,31/03/2018,In progress\r\n4.1,Working together,Evidence the impact of changes,Partner audit,LSCB Business Manager,31/03/2018,In progress\r\n4.2,working  together,Evidence the impact of changes,Joint audit,LSCB Business Manager,31/03/2018,In progress\r\n4.3,,Evidence the impact of changes,Third audit,LSCB Business Manager,31/03/2018,In progress\r\n' >themes.csv
run import themes.csv --authority tb
expect_status 0
expect_out "2 findings"
expect_eq "$(sql "$DB" "SELECT group_concat(a.ref || ':' || f.theme, '|') FROM (SELECT * FROM action ORDER BY ref) a JOIN finding f ON f.id = a.finding_id")" \
    "1.1:Outcomes|4.1:Working together|4.2:Working together|4.3:Working together" \
    "each action under its own theme (case and spacing aside; none: the one above)"
case_ "... and re-imported, each row finds its own finding"
run import themes.csv --review "tb/$(sql "$DB" "SELECT ref FROM review")"
expect_status 0
expect_out "0 findings"
expect_eq "$(sql "$DB" "SELECT count(*) FROM finding")" "2" "still two findings"

# With finding references, a row naming a finding under another theme is
# refused: the import would otherwise move it (and its actions) unseen.
fresh
case_ "a finding reference under another theme is refused"
printf 'Finding reference,Theme,Recommendation,Ref,Action,Lead officer,Target date,Status\r\n1,Outcomes,Evidence the impact of changes,1.1,Outcome dashboard,Head of Performance,31/03/2018,In progress\r\n' >fref.csv
run import fref.csv --authority tb
expect_status 0
review=$(sql "$DB" "SELECT ref FROM review")
printf 'Finding reference,Theme,Recommendation,Ref,Action,Lead officer,Target date,Status\r\n1,Working together,Evidence the impact of changes,1.1,Outcome dashboard,Head of Performance,31/03/2018,Complete\r\n' >fref2.csv
before=$(fingerprint "$DB" "$DB-wal")
run import fref2.csv --review "tb/$review"
expect_status 1
expect_err "fref2.csv:2:2: finding '1' is under the theme 'Outcomes', not 'Working together'"
expect_err "safeplan finding edit"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"
case_ "... the same theme in other case is the same finding"
printf 'Finding reference,Theme,Recommendation,Ref,Action,Lead officer,Target date,Status\r\n1,OUTCOMES,Evidence the impact of changes,1.1,Outcome dashboard,Head of Performance,31/03/2018,Complete\r\n' >fref3.csv
run import fref3.csv --review "tb/$review"
expect_status 0
expect_eq "$(sql "$DB" "SELECT theme FROM finding")" "Outcomes" "the theme as it was"

# ---------------------------------------------------------------- small ones
fresh
case_ "a doubled byte-order mark: the first column is still Ref"
printf '\xef\xbb\xbf\xef\xbb\xbf%s\r\n1.1,Rec 1,Act one,Lead,31/03/2018,Not started\r\n' "$H" >bom2.csv
run import bom2.csv --authority tb
expect_status 0
expect_err_not "was not imported"
expect_eq "$(sql "$DB" "SELECT ref FROM action")" "1.1" "the Ref"

case_ "--by '' is a misuse, not ignored"
before=$(fingerprint "$DB" "$DB-wal")
run import bom2.csv --authority tb --by ''
expect_status 2
expect_err "--by '' names nobody"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"

# ------------------------------------------------- council-shaped headers (audit)
# due_dates HEADER DATES: a one-action plan with these date columns imports
# as original_due_on|due_on 2024-03-31|2024-09-30.
due_dates() {
    fresh
    printf 'Ref,Recommendation,Action,Lead officer,%s\r\n1,Rec 1,Act one,Lead,%s\r\n' "$1" "$2" >due.csv
    run import due.csv --authority tb
    expect_status 0
    expect_err_not "not imported"
    expect_eq "$(sql "$DB" "SELECT original_due_on || '|' || due_on FROM action")" "2024-03-31|2024-09-30" "dates"
}
case_ "Original and Revised target date: the original due date and the due date"
due_dates 'Original target date,Revised target date,Status' '31/03/2024,30/09/2024,On track'
case_ "a plain Target date beside a Revised one is the original, and a note says so"
due_dates 'Target date,New target date' '31/03/2024,30/09/2024'
expect_err "column 6 'New target date' was read as due_on and column 5 'Target date' as original_due_on"
case_ "... whichever comes first"
due_dates 'Amended deadline,Deadline' '30/09/2024,31/03/2024'
expect_err "column 5 'Amended deadline' was read as due_on and column 6 'Deadline' as original_due_on"

case_ "two plain due date columns are still refused"
fresh
printf 'Ref,Recommendation,Action,Lead officer,Target date,Deadline\r\n1,Rec 1,Act one,Lead,31/03/2024,30/09/2024\r\n' >twodue.csv
run import twodue.csv --authority tb
expect_status 1
expect_err "means due_on"

case_ "the council's own numbering: Rec No. and Action No."
fresh
printf 'Rec No.,Recommendation,Action No.,Action,Lead officer,Target date\r\n3,Rec 3,3.4,Act one,Lead,31/03/2024\r\n7,Rec 7,7.2,Act two,Lead,31/03/2024\r\n' >numbers.csv
run import numbers.csv --authority tb
expect_status 0
expect_err_not "not imported"
expect_eq "$(sql "$DB" "SELECT group_concat(f.ref || '/' || a.ref, ' ') FROM (SELECT * FROM action ORDER BY id) a JOIN finding f ON f.id = a.finding_id")" "3/3.4 7/7.2" "refs"

case_ "councils' statuses: in progress, or complete (not signed off)"
fresh
{ printf 'Ref,Recommendation,Action,Lead officer,Target date,Status\r\n'
  n=0; for s in 'On track' Ongoing 'Partially complete' Delayed 'At risk' 'Behind schedule' 'Off track' \
      Achieved Done Closed 'Complete - awaiting sign off' 'Completed - awaiting sign-off'; do
      n=$((n + 1)); printf '%s,Rec 1,Act %s,Lead,31/03/2024,%s\r\n' "$n" "$n" "$s"; done; } >statuses.csv
run import statuses.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(status, ' ') FROM (SELECT * FROM action ORDER BY id)")" \
    "in_progress in_progress in_progress in_progress in_progress in_progress in_progress complete complete complete complete complete" "statuses"

case_ "a RAG word in the Status column is refused, saying to map it as rag"
fresh
printf 'Ref,Recommendation,Action,Lead officer,Target date,Status\r\n1,Rec 1,Act one,Lead,31/03/2024,Amber\r\n' >ragstatus.csv
run import ragstatus.csv --authority tb
expect_status 1
expect_err "status 'Amber' looks like a RAG rating"
expect_err "--map 'HEADER=rag'"

case_ "--map item without '=' and an impossible --as-at are misuse (exit 2)"
before=$(fingerprint "$DB" "$DB-wal")
run import ragstatus.csv --map Foo --authority tb
expect_status 2
expect_err "--map item 'Foo' is not HEADER=FIELD"
run import ragstatus.csv --map 'Lead=owner,=action' --authority tb
expect_status 2
run import ragstatus.csv --as-at 31/13/2024 --authority tb
expect_status 2
expect_err "--as-at '31/13/2024' is not a date"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"

# ---------------------------------------------------------------- apostrophe
case_ "Excel's typed text prefix: one leading ' comes off every text cell"
fresh
printf "Ref,Theme,Recommendation,Action,Lead officer,Target date\r\n'1.2,'Leadership,'Rec 1,'Agree the plan,'Head of Service,31/03/2024\r\n1.3,Leadership,Rec 1,''Quoted' name,Head of Service,31/03/2024\r\n" >apostrophe.csv
run import apostrophe.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '|' || description, ' / ') FROM (SELECT * FROM action ORDER BY id)")" \
    "1.2|Agree the plan / 1.3|'Quoted' name" "refs and actions"
expect_eq "$(sql "$DB" "SELECT group_concat(name) FROM owner")" "Head of Service" "one owner, as Excel shows it"
expect_eq "$(sql "$DB" "SELECT group_concat(DISTINCT theme) FROM finding")" "Leadership" "theme"
expect_eq "$(grep -vc "no column gives the actions' status" "$ERR")" "0" "no note but the sheet's want of a status"

# ---------------------------------------------------------------- summary box
case_ "a summary box above the header: the failure names the row that could be the header"
fresh
printf 'Summary\r\nTheme,Actions,RAG\r\nLeadership,12,Green\r\n\r\nRef,Recommendation,Action,Lead officer,Target date\r\n1.1,Rec 1,Act one,Lead,31/03/2018\r\n' >box.csv
refused "box.csv:2: no column names the finding" import box.csv --authority tb
expect_err "box.csv: the header cannot be used; nothing was imported (row 2 was read as the header, but row 5 names columns too: if that is the header, import with --header-row 5)"
printf 'Recommendation,Actions,Complete\r\nAll,12,3\r\n\r\nRef,Recommendation,Action,Lead officer,Target date\r\n1.1,Rec 1,Act one,Lead,31/03/2018\r\n' >box2.csv
refused "box2.csv:4:4: found 5 fields, expected 3" import box2.csv --authority tb
expect_err "nothing was imported (row 1 was read as the header, but row 4 names columns too: if that is the header, import with --header-row 4)"
case_ "... and the row it names is the header"
run import box2.csv --authority tb --header-row 4
expect_status 0
expect_eq "$(actions)" 1 "actions"

# ---------------------------------------------------------------- sections
case_ "section headings and a footer: each heading the theme of the actions below it, the footer passed over"
fresh
printf 'Ref,Recommendation,Action,Lead officer,Target date\r\nTheme 1: Leadership,,,,\r\n1.1,Rec 1,Act one,Lead,31/03/2018\r\nTheme 2 \xe2\x80\x93 Partnerships,,,,\r\n2.1,Rec 2,Act two,Lead,31/03/2018\r\n2.2,Rec 3,Act three,Lead,31/03/2018\r\nNotes:,,,,\r\n' >sections.csv
run import sections.csv --authority tb
expect_status 0; expect_out "imported sections.csv: 3 rows"
expect_err "sections.csv:2:1: 'Theme 1: Leadership' is a section heading: the theme of the actions below it (the sheet has no Theme column), not imported as an action"
expect_err "sections.csv:4:1: 'Theme 2 – Partnerships' is a section heading"
expect_err "sections.csv:7:1: the row holds only 'Notes:', below the last action: a footer or a note, and was not imported"
expect_eq "$(sql "$DB" "SELECT group_concat(f.theme || '/' || a.ref, ' ') FROM (SELECT * FROM action ORDER BY id) a JOIN finding f ON f.id = a.finding_id")" \
    "Theme 1: Leadership/1.1 Theme 2 – Partnerships/2.1 Theme 2 – Partnerships/2.2" \
    "each heading, as written, the theme of the actions under it"
run import sections.csv --authority tb
expect_status 0; expect_out "3 unchanged"
case_ "a footer of many rows, a RAG key under the plan and a note with no commas: passed over"
fresh
{
    printf 'Ref,Recommendation,Action,Lead officer,Target date\r\n1.1,Rec 1,Act one,Lead,31/03/2018\r\n,,,,\r\n'
    printf 'RAG key,,,,\r\nBlue,Complete,,,\r\nG,On track,,,\r\nAmber,At risk,,,\r\nRed,Off track,,,\r\n'
    for i in 1 2 3 4 5 6 7 8 9; do printf 'Note %s: dates are targets,,,,\r\n' "$i"; done
    printf 'Approved by the improvement board on 1 March 2018\r\n'
} >footer.csv
run import footer.csv --authority tb
expect_status 0; expect_out "imported footer.csv: 1 row"
expect_err "footer.csv:4:1: the row holds only 'RAG key', below the last action: a footer or a note, and was not imported"
expect_err "footer.csv:5:2: the row holds 'Complete' and no action, below the last action and beside a RAG colour: a key or a note, and was not imported"
expect_err "footer.csv:8:2: the row holds 'Off track' and no action, below the last action and beside a RAG colour"
expect_err "footer.csv:12: rows 12 to 18 hold only one text each, below the last action: more of the footer, and were not imported"
expect_eq "$(sql "$DB" "SELECT count(*) FROM finding")" "1" "no finding from the key"

case_ "... without its title the key is still passed over; after a footer, a finding's row is more of it"
fresh
printf 'Ref,Recommendation,Action,Lead officer,Target date\r\n1.1,Rec 1,Act one,Lead,31/03/2018\r\nB,Complete,,,\r\nNotes:,,,,\r\n2,See the board report,,,\r\n' >key.csv
run import key.csv --authority tb
expect_status 0; expect_out "imported key.csv: 1 row"
expect_err "key.csv:3:2: the row holds 'Complete' and no action, below the last action and beside a RAG colour"
expect_err "key.csv:5:2: the row holds 'See the board report' and no action, below the last action and under a footer: a key or a note"

case_ "... but a finding's row at the end with neither is still refused, and nine headings before an action"
fresh
printf 'Ref,Recommendation,Action,Lead officer,Target date\r\n1.1,Rec 1,Act one,Lead,31/03/2018\r\n2,Rec 2,,,\r\n' >lastrec.csv
refused "lastrec.csv:3:2: the row gives the finding 'Rec 2' but no action, and none below it takes it" \
    import lastrec.csv --authority tb
{
    printf 'Ref,Recommendation,Action,Lead officer,Target date\r\n'
    for i in 1 2 3 4 5 6 7 8 9; do printf 'Heading %s,,,,\r\n' "$i"; done
    printf '1.1,Rec 1,Act one,Lead,31/03/2018\r\n'
} >headings.csv
refused "headings.csv:10:1: the row holds only one text, after eight such rows: a heading or a note, not an action: delete the row" \
    import headings.csv --authority tb

case_ "a due date written once over the actions under a finding: open-ended, said once with the way to carry it"
fresh
printf 'Ref,Recommendation,Action,Lead officer,Target date\r\n1.1,Rec 1,Act one,Lead,31/03/2018\r\n1.2,,Act two,,\r\n1.3,,Act three,,\r\n2.1,Rec 2,Act four,Lead,30/06/2018\r\n2.2,Rec 2,Act five,Lead,\r\n' >merged_due.csv
run import merged_due.csv --authority tb --fill-down finding,owner
expect_status 0; expect_out "new actions: 3 open-ended (no due date)"
expect_err "merged_due.csv:3:5: no due date in this row, though the row above has one, and no finding of its own: the action is open-ended; if the date is written once for the actions under it (merged cells), import with --fill-down due_on to carry it down (said once)"
expect_eq "$(grep -c 'no due date in this row' "$ERR")" "1" "said once"
fresh
run import merged_due.csv --authority tb --fill-down finding,owner,due_on
expect_status 0; expect_err_not "no due date in this row"
expect_eq "$(sql "$DB" "SELECT group_concat(coalesce(due_on, '-'), ' ') FROM (SELECT due_on FROM action ORDER BY id)")" \
    "2018-03-31 2018-03-31 2018-03-31 2018-06-30 2018-06-30" "each blank cell takes the date above"

case_ "a heading or a note with fewer commas than the header, in a sheet with a Theme column"
fresh
printf 'Ref,Theme,Recommendation,Action,Lead officer,Target date\r\nSECTION A\r\n1.1,,Rec 1,Act one,Lead,31/03/2018\r\nNotes: dates are targets\r\n' >short_theme.csv
run import short_theme.csv --authority tb --fill-down theme
expect_status 0; expect_out "imported short_theme.csv: 1 row"
expect_err "short_theme.csv:2:1: 'SECTION A' is a section heading"
expect_err "short_theme.csv:4:1: the row holds only 'Notes: dates are targets', below the last action"
expect_eq "$(sql "$DB" "SELECT theme FROM finding")" "SECTION A" "the heading, the theme"

case_ "a heading in a column of its own (the owner's): refused, saying what to do"
fresh
printf 'Ref,Recommendation,Action,Lead officer,Target date\r\n,,,Leadership,\r\n1.1,Rec 1,Act one,Lead,31/03/2018\r\n' >owned.csv
refused "owned.csv:2:4: the row holds only 'Leadership': a section heading, not an action, in a column of its own: delete the row, or move the heading into a Theme column" \
    import owned.csv --authority tb

case_ "a long heading is named by its start, cut where a character begins, and kept whole as the theme"
fresh
E40=$(python3 -c 'print("\u00e9" * 40)')
E29=$(python3 -c 'print("\u00e9" * 29)')
printf 'Ref,Recommendation,Action,Lead officer,Target date\r\na%s,,,,\r\n1.1,Rec 1,Act one,Lead,31/03/2018\r\n' \
    "$E40" >long_heading.csv
run import long_heading.csv --authority tb
expect_status 0; expect_err "long_heading.csv:2:1: 'a$E29' is a section heading"
if python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$ERR"; then ok
else bad "the message is not UTF-8"; fi
expect_eq "$(sql "$DB" "SELECT theme FROM finding")" "a$E40" "the whole heading"

case_ "a heading in the Theme column, carried down, with --fill-down theme or without"
fresh
printf 'Ref,Theme,Recommendation,Action,Lead officer,Target date\r\n,Theme 1: Leadership,,,,\r\n1.1,,Rec 1,Act one,Lead,31/03/2018\r\n,Theme 2: Partnerships,,,,\r\n2.1,,Rec 2,Act two,Lead,31/03/2018\r\n' >themes.csv
run import themes.csv --authority tb --dry-run
expect_status 0
expect_err "themes.csv:2:2: 'Theme 1: Leadership' is a section heading in the theme column: carried down to the rows below it as their theme (as --fill-down theme would), not imported as an action"
run import themes.csv --authority tb --fill-down theme
expect_status 0
expect_err "themes.csv:4:2: 'Theme 2: Partnerships' is a section heading: carried down to the rows below it (--fill-down), not imported as an action"
expect_eq "$(sql "$DB" "SELECT group_concat(f.theme || '/' || a.ref, ' ') FROM (SELECT * FROM action ORDER BY id) a JOIN finding f ON f.id = a.finding_id")" \
    "Theme 1: Leadership/1.1 Theme 2: Partnerships/2.1" "themes"
case_ "a heading where the sheet has a Theme column: the theme of the actions below it whose cell is empty"
fresh
printf 'Ref,Theme,Recommendation,Action,Lead officer,Target date\r\nSECTION A,,,,,\r\n1.1,Leadership,Rec 1,Act one,Lead,31/03/2018\r\n1.2,,Rec 2,Act two,Lead,31/03/2018\r\n' >banner.csv
run import banner.csv --authority tb
expect_status 0
expect_err "banner.csv:2:1: 'SECTION A' is a section heading: the theme of the actions below it whose Theme cell is empty, not imported as an action"
expect_eq "$(sql "$DB" "SELECT group_concat(theme || '/' || text, ' ') FROM (SELECT * FROM finding ORDER BY id)")" \
    "Leadership/Rec 1 SECTION A/Rec 2" "the column's theme, else the heading's"
case_ "a recommendation written once over its actions, in the finding column: carried down"
fresh
printf 'Ref,Recommendation,Action,Lead officer,Target date\r\n,Improve supervision,,,\r\n1,,Audit files,Lead,31/03/2018\r\n2,,Train managers,Lead,30/06/2018\r\n' >recs.csv
run import recs.csv --authority tb
expect_status 0; expect_out "1 finding"
expect_err "recs.csv:2:2: 'Improve supervision' is a section heading in the finding column: carried down to the rows below it as their finding"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action a JOIN finding f ON f.id = a.finding_id WHERE f.text = 'Improve supervision'")" \
    "2" "both actions under it"

case_ "a finding on a row of its own, with its number and theme, above its actions"
fresh
cat >own.csv <<'CSV'
Rec No,Theme,Recommendation,Ref,Action,Lead officer,Target date
1,Leadership,Improve supervision,,,,
,,,1.1,Audit files,Head of Service,31/03/2018
,,,1.2,Train managers,Head of Service,30/06/2018
2,Practice,Strengthen oversight of PLO,,,,
,,,2.1,Weekly legal tracker,Service Manager,Ongoing
CSV
run import own.csv --authority tb
expect_status 0; expect_out "3 rows"; expect_out "2 findings"
expect_err "own.csv:2:3: 'Improve supervision' is a finding on a row of its own: carried down to the actions below it as their finding"
expect_err "own.csv:5:3: 'Strengthen oversight of PLO' is a finding on a row of its own"
expect_eq "$(sql "$DB" "SELECT group_concat(f.ref || '|' || f.theme || '|' || f.text || '|' || a.ref, ' / ')
    FROM (SELECT * FROM action ORDER BY id) a JOIN finding f ON f.id = a.finding_id")" \
    "1|Leadership|Improve supervision|1.1 / 1|Leadership|Improve supervision|1.2 / 2|Practice|Strengthen oversight of PLO|2.1" \
    "each action under its finding, with its number and theme"
case_ "... one with no action below it, or above a row with its own finding: refused"
fresh
cat >short.csv <<'CSV'
Ref,Recommendation,Action,Lead officer,Target date
1,Improve supervision,,,
2,Strengthen oversight,,,
2.1,,Weekly legal tracker,Service Manager,Ongoing
3.1,Improve return interviews,,,
3.2,Improve return interviews,Audit interviews,Service Manager,Ongoing
4,Listen to children,,,
CSV
refused "short.csv:2:2: the row gives the finding 'Improve supervision' but no action, and none below it takes it" \
    import short.csv --authority tb
expect_err "short.csv:5:2: the row gives the finding 'Improve return interviews' but no action"
expect_err "short.csv:7:2: the row gives the finding 'Listen to children' but no action"
expect_err "short.csv:3:2: 'Strengthen oversight' is a finding on a row of its own"
expect_err_not "short.csv:6"

# ---------------------------------------------------------------- dates
case_ "a Ref Excel turned into a date: refused, naming the cell, the date and what to do"
fresh
refused "ref_date.xlsx:'Action plan'!A2: the cell (column 'Ref') shows the date 2018-02-01, not a reference: Excel read the reference as a date when it was typed (1.2 becomes 1 February): format the column as Text and type the reference again" \
    import "$WORK/ref_date.xlsx" --authority tb
expect_err "ref_date.xlsx:'Action plan'!A3: the cell (column 'Ref') shows the date 2018-02-02, not a reference"
expect_err "ref_date.xlsx:'Action plan'!A4: the cell (column 'Ref') holds 43134, the number Excel keeps for the date 2018-02-03, not a reference"
grep -q "A5" "$ERR" && bad "a Ref typed as a small number is refused" || ok
expect_err "3 bad rows; nothing was imported"

case_ "Excel's days 59-61 of 1900 in a date column: refused as impossible dates"
refused "due_1900.xlsx:'Action plan'!E2: the cell (column 'Target date') shows the date 1900-02-28, an impossible date for a plan (no plan is dated 1900" \
    import "$WORK/due_1900.xlsx" --authority tb
expect_err "due_1900.xlsx:'Action plan'!E3: the cell (column 'Target date') shows the date 1900-02-29, an impossible date"
expect_err "due_1900.xlsx:'Action plan'!E4: the cell (column 'Target date') shows the date 1900-03-01, an impossible date"
expect_err "3 bad rows; nothing was imported"

# ---------------------------------------------------------------- superseded
case_ "Superseded in the Status column: withdrawn, said once in a note"
fresh
printf 'Ref,Recommendation,Action,Lead officer,Target date,Status\r\n1,Rec 1,Act one,Lead,31/03/2024,In progress\r\n2,Rec 1,Act two,Lead,31/03/2024,Not started\r\n' >sup0.csv
sp import sup0.csv --authority tb
printf 'Ref,Recommendation,Action,Lead officer,Target date,Status\r\n1,Rec 1,Act one,Lead,31/03/2024,Superseded\r\n2,Rec 1,Act two,Lead,31/03/2024, superseded\r\n3,Rec 1,Act three,Lead,31/03/2024,Superseded\r\n' >sup.csv
run import sup.csv --authority tb
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(status, ' ') FROM (SELECT * FROM action ORDER BY id)")" \
    "withdrawn withdrawn withdrawn" "statuses"
expect_err "note: sup.csv:2:6: 'Superseded' is recorded as withdrawn (safeplan has no status for an action replaced by another or merged into it"
expect_eq "$(grep -c "recorded as withdrawn" "$ERR")" 1 "one note"

finish

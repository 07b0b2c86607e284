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

finish

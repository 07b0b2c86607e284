#!/usr/bin/env bash
# Progress columns of reporting rounds ("Progress update - June 2024",
# "Update (Sept 2023)", "Progress at 31/03/2024"): each non-empty cell is a
# progress entry on the round's date (a month: its first day), in date
# order with the row's own update; a round after the sheet's date is
# refused; the same sheet imported again adds nothing; a round the import
# cannot date is listed with the --map that imports it.
. "$(dirname "$0")/lib.sh"
TOOLS=$SP_SOURCE_DIR/tests/tools
export SAFEPLAN_TODAY=2024-07-15
DB=$SAFEPLAN_DB
# entries REF: each entry of the action as "date|author|note", in date order.
entries() {
    sql "$DB" "SELECT u.on_date || '|' || u.author || '|' || coalesce(u.note, '')
               FROM action_update u JOIN action x ON x.id = u.action_id
               WHERE x.ref = '$1' ORDER BY u.on_date, u.id"
}
count() { sql "$DB" "SELECT count(*) FROM action_update"; }

H='Ref,Recommendation,What we will do,Lead officer,Target date,Status'
cat >plan.csv <<EOF
$H,Progress update - June 2024,update (SEPT 2023),Progress at 31/03/2024,Comments  Dec 2023,Last updated,Progress,RAG / progress – Q2
1.1,Rec 1,Act one,Lead,31/12/2024,In progress,June one,Sept one,March one,Dec one,15/01/2024,Own one,Q2 one
1.2,Rec 1,Act two,Lead,31/12/2024,In progress,,Sept two,,Dec two,,,
1.3,Rec 1,Act three,Lead,31/12/2024,Not started,,,,,,,
EOF

case_ "dated columns become entries in date order, the row's own update among them"
fresh_plan
run import plan.csv --authority tb --by Clerk
expect_status 0
expect_out "progress history: 6 entries added from 4 dated columns"
expect_eq "$(entries 1.1 | tr '\n' ';')" \
    "2023-09-01|Clerk|Sept one;2023-12-01|Clerk|Dec one;2024-01-15|Clerk|Own one;2024-03-31|Clerk|March one;2024-06-01|Clerk|June one;" \
    "action 1.1's entries"
expect_eq "$(entries 1.2 | tr '\n' ';')" "2023-09-01|Clerk|Sept two;2023-12-01|Clerk|Dec two;" \
    "action 1.2's entries"
expect_eq "$(entries 1.3)" "" "a row with no dated cell has no entry"
expect_eq "$(sql "$DB" "SELECT last_update_on || ' ' || progress_on FROM action WHERE ref = '1.1'")" \
    "2024-06-01 2024-06-01" "the latest round counts as the latest progress"
expect_err "column 8 'update (SEPT 2023)' is progress dated 2023-09-01: a month is read as its first day"
expect_eq "$(grep -c 'a month is read as its first day' "$ERR")" "1" "the month note, once"

case_ "a round it cannot date exactly is listed with the map that imports it"
expect_err "column 13 \"RAG / progress – Q2\" was not imported: it names progress, but not a date"
expect_err "--map 'RAG / progress – Q2=last_update_note@YYYY-MM-DD'"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action_update WHERE note = 'Q2 one'")" "0" \
    "the undated round imported nothing"

case_ "the same sheet imported again adds nothing"
before=$(count)
run import plan.csv --authority tb --by Clerk
expect_status 0
expect_out "progress history: 0 entries added from 4 dated columns"
expect_out "updated: 0 actions (a progress update appended to each); 3 unchanged"
expect_eq "$(count)" "$before" "entries after a re-import"

case_ "a cell that changed is a new entry; the old one stays"
sed 's/June one/June one (revised)/' plan.csv >changed.csv
run import changed.csv --authority tb --by Clerk
expect_status 0
expect_out "progress history: 1 entry added from 4 dated columns"
expect_eq "$(entries 1.1 | grep -c '^2024-06-01')" "2" "both June entries kept"

case_ "--map imports a column as progress on a date"
run import plan.csv --authority tb --by Clerk --map 'RAG / progress – Q2=last_update_note@30/09/2024'
expect_status 1
expect_err "column 13 'RAG / progress – Q2' is progress dated 2024-09-30, after today (2024-07-15)"
run import plan.csv --authority tb --by Clerk --map 'RAG / progress – Q2=last_update_note@30/06/2024'
expect_status 0
expect_out "progress history: 1 entry added from 5 dated columns"
expect_eq "$(entries 1.1 | grep 'Q2 one')" "2024-06-30|Clerk|Q2 one" "the mapped round's entry"
run import plan.csv --authority tb --map 'Comments  Dec 2023=last_update_note@June 2024'
expect_status 0
expect_eq "$(sql "$DB" "SELECT count(*) FROM action_update WHERE note = 'Dec one' AND on_date = '2024-06-01'")" \
    "1" "a map's date wins over the header's"
refused "map item 'Progress=owner@2024-01-01': only last_update_note takes a date" \
    import plan.csv --authority tb --map 'Progress=owner@2024-01-01'
refused "'Q2' is not a date" import plan.csv --authority tb --map 'X=last_update_note@Q2'

case_ "a round after the sheet's date is refused, naming the column and header"
fresh_plan
printf '%s\n' "$H,Progress - June 2024,Progress update: Aug 2024" \
    '1.1,Rec 1,Act one,Lead,31/12/2024,In progress,June,August' >future.csv
refused "future.csv:1:8: column 8 'Progress update: Aug 2024' is progress dated 2024-08-01, after today (2024-07-15)" \
    import future.csv --authority tb
refused "after the sheet's date (2024-06-15)" import future.csv --authority tb --as-at 2024-06-15
expect_eq "$(sql "$DB" "SELECT count(*) FROM action")" "0" "nothing imported"
SAFEPLAN_TODAY=2024-08-01 run import future.csv --authority tb
expect_status 0
expect_out "progress history: 2 entries added from 2 dated columns"

case_ "day forms, month forms and two rounds of one date, in column order"
fresh_plan
printf '%s\n' "$H,Progress as at 31 March 2024,Jun 24 update,CURRENT POSITION (06/2024),Progress and impact – 2024-02-29,Update as of Sept. 2023,progress update 1/6/2024" \
    '1.1,Rec 1,Act one,Lead,31/12/2024,In progress,a,b,c,d,e,f' >forms.csv
run import forms.csv --authority tb --by Clerk
expect_status 0
expect_eq "$(entries 1.1 | tr '\n' ';')" \
    "2023-09-01|Clerk|e;2024-02-29|Clerk|d;2024-03-31|Clerk|a;2024-06-01|Clerk|b;2024-06-01|Clerk|c;2024-06-01|Clerk|f;" \
    "every form dated"

case_ "a position at a day or at a month's end is a round; 'Position' alone is not progress"
fresh_plan
printf '%s\n' "$H,Position at end of Feb 2024,Position as at 30 April 2024,Progress - the end of March 2024,Position,Position statement" \
    '1.1,Rec 1,Act one,Lead,31/12/2024,In progress,feb,april,march,Service manager,now' >position.csv
run import position.csv --authority tb --by Clerk
expect_status 0
expect_eq "$(entries 1.1 | tr '\n' ';')" \
    "2024-02-29|Clerk|feb;2024-03-31|Clerk|march;2024-04-30|Clerk|april;2024-07-15|Clerk|now;" \
    "a month's end is its last day; the undated position is the row's own update"
expect_err_not "a month is read as its first day"
expect_err "column 10 \"Position\" was not imported: no field has that name"
run import --dry-run position.csv --authority tb --map 'Position=last_update_note@end of June 2024'
expect_status 0
expect_out "progress history: 1 entry would be added from 4 dated columns"

case_ "a dry run counts the entries and writes none"
fresh_plan
run import plan.csv --authority tb --dry-run
expect_status 0
expect_out "progress history: 6 entries would be added from 4 dated columns"
expect_eq "$(count)" "0" "entries after a dry run"

case_ "a workbook's dated columns, through the same header"
fresh_plan
python3 - "$TOOLS" "$WORK" <<'PY' || { echo "crafting the workbook failed" >&2; exit 1; }
import sys
sys.path.insert(0, sys.argv[1])
from craft_xlsx import workbook, sheet, inline
rows = [["Ref", "Recommendation", "What we will do", "Lead officer", "Target date",
         "Progress update - June 2024", "Update (Sept 2023)", "Progress Q2"],
        ["1.1", "Rec 1", "Act one", "Lead", "31/12/2024", "June one", "Sept one", "Q2 one"]]
xml = "".join(f'<row r="{n + 1}">' + "".join(inline(f"{chr(65 + i)}{n + 1}", c)
              for i, c in enumerate(r)) + "</row>" for n, r in enumerate(rows))
workbook(f"{sys.argv[2]}/dated.xlsx", [("Action plan", sheet(xml))])
PY
run import dated.xlsx --authority tb --by Clerk
expect_status 0
expect_out "progress history: 2 entries added from 2 dated columns"
expect_eq "$(entries 1.1 | tr '\n' ';')" "2023-09-01|Clerk|Sept one;2024-06-01|Clerk|June one;" \
    "the workbook's entries"
expect_err "column 8 \"Progress Q2\" was not imported: it names progress"

case_ "a workbook's error cell in a dated column is refused, as in any column it reads"
fresh_plan
python3 - "$TOOLS" "$WORK" <<'PY' || { echo "crafting the workbook failed" >&2; exit 1; }
import sys
sys.path.insert(0, sys.argv[1])
from craft_xlsx import workbook, sheet, inline
head = ["Ref", "Recommendation", "What we will do", "Lead officer", "Target date",
        "Progress update - June 2024"]
cells = "".join(inline(f"{chr(65 + i)}1", c) for i, c in enumerate(head))
row = "".join(inline(f"{chr(65 + i)}2", c)
              for i, c in enumerate(["1.1", "Rec 1", "Act one", "Lead", "31/12/2024"]))
xml = (f'<row r="1">{cells}</row><row r="2">{row}'
       '<c r="F2" t="e"><v>#REF!</v></c></row>')
workbook(f"{sys.argv[2]}/error.xlsx", [("Action plan", sheet(xml))])
PY
run import error.xlsx --authority tb --by Clerk
expect_status 1
expect_err "'Action plan'!F2: the cell"
expect_err "holds the Excel error #REF!"
expect_err "progress dated 2024-06-01"
expect_eq "$(sql "$DB" 'SELECT count(*) FROM action')" "0" "actions after the refusal"

case_ "the README's example prints what the README shows"
fresh_plan
sp authority add torbay --name Torbay
readme_import "**Progress in columns, one per reporting round." 2024-07-15 import \
    tests/data/import/dated_progress.csv --authority torbay --by "Plan clerk"

case_ "a progress cell that says there was no update is not one: the action's progress stays as it was"
fresh_plan
printf '%s\n' "$H,Update Dec 2023,Update March 2024,Progress" \
    "1.1,Rec 1,Act one,Lead,31/12/2024,In progress,Started,No update,N/A" \
    "1.2,Rec 1,Act two,Lead,31/12/2024,In progress,-,As above.,Drafted" >none.csv
run import none.csv --authority tb
expect_status 0
expect_eq "$(entries 1.1 | tr '\n' ';')" "2023-12-01|Test Officer|Started;" "only the round that said something"
expect_eq "$(entries 1.2 | tr '\n' ';')" "2024-07-15|Test Officer|Drafted;" "the progress column's own update"
expect_eq "$(sql "$DB" "SELECT progress_on FROM action WHERE ref = '1.1'")" "2023-12-01" \
    "the last progress is the last that was made"
expect_err "none.csv:2:8: progress 'No update' says there was no update: not recorded as one (it would date progress never made), here and in every such cell"
expect_eq "$(grep -c 'says there was no update' "$ERR")" "1" "said once"

finish

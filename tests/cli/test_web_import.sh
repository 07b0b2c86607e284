#!/bin/bash
# The web import's dry-run and result pages say what the CLI's summary and
# notes say, for a clerk who cannot use the CLI: columns that will not be
# imported (before the Confirm button, escaped), the sheet of a workbook
# read, what would be created, progress entries from dated columns. The
# real server on a free loopback port, driven with curl.
source "$(dirname "$0")/lib.sh"

# The dated columns' rounds (2023-09 to 2024-06) must not lie ahead.
export SAFEPLAN_TODAY=2024-07-15
fresh_plan
echo "clerk-pass-123" | "$SAFEPLAN_BIN" user add clerk1 --role clerk --authority all \
    >/dev/null 2>"$ERR" || { echo "setup failed: user add" >&2; cat "$ERR" >&2; exit 1; }
start_server

jar=$WORK/clerk1.jar
STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -c "$jar" --data-raw \
    "name=clerk1&password=clerk-pass-123" "$BASE/sign-in")
[ "$STATUS" = 303 ] || { echo "sign-in failed: $STATUS"; exit 1; }
curl -s -o "$OUT" -b "$jar" "$BASE/import"
k=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$OUT" | head -1)
# upload FILE [CURL-ARG...]: the dry run, with more fields (-F authority=tb).
upload() { local file=$1; shift; STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$jar" \
    -F "csrf=$k" -F "file=@$file" "$@" "$BASE/import"); }
# hidden NAME: the value of the dry-run page's hidden field NAME.
hidden() { sed -n "s/.*type=\"hidden\" name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" "$OUT"; }
# confirm FILENAME [AUTHORITY]: posts the page's staged file (and choice of
# authority, unless one is given to forge it, and review).
confirm() {
    local body="csrf=$k&staged=$(hidden staged)&filename=$1&authority=${2-$(hidden authority)}"
    body+="&review=$(hidden review)"
    STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$jar" --data-raw "$body" \
        "$BASE/import/confirm")
}
# The page as a reader sees it: tags out, entities decoded, one line.
text() { python3 -c 'import html,re,sys; t=open(sys.argv[1]).read()
print(" ".join(html.unescape(re.sub(r"<[^>]*>", " ", t)).split()))' "$OUT"; }
expect_text() { text | grep -qF -- "$1" && ok || bad "the page does not say '$1'"; }
# expect_row KEY VALUE: a summary list row.
expect_row() {
    grep -qF "<dt class=\"govuk-summary-list__key\">$1</dt><dd class=\"govuk-summary-list__value\">$2<" \
        "$OUT" && ok || bad "no summary row '$1' = '$2'"
}
# before_confirm TEXT: TEXT is on the page above the Confirm button.
before_confirm() {
    python3 -c 'import sys; t=open(sys.argv[1]).read(); i=t.find(sys.argv[2]); j=t.find("Confirm and import")
sys.exit(0 if 0 <= i < j else 1)' "$OUT" "$1" && ok || bad "'$1' is not above the Confirm button"
}

case_ "a column no field has, one of undatable progress, one with no header: listed, escaped, before Confirm"
printf 'authority,review,review_kind,review_title,finding,action,owner,due_on,status,Risk <script>alert(1)</script> & cost,Progress Q2,\r\n' >cols.csv
printf 'tb,r1,other,Web review,Finding one,Do the thing,Head of service,2031-03-31,in_progress,High,Going well,stray\r\n' >>cols.csv
upload cols.csv; expect_eq "$STATUS" 200 "preview"
expect_out "Confirm and import"
expect_out 'class="govuk-warning-text"'
expect_text "3 columns of the file will not be imported if you confirm"
expect_out "Column 10, &ldquo;Risk &lt;script&gt;alert(1)&lt;/script&gt; &amp; cost&rdquo;: the import does not know this heading"
expect_out_not "<script>alert(1)"
expect_text "Column 11, “Progress Q2”, names progress but not a date the import can read"
expect_text "or give the “Column names” field under Options a line of the heading, “= last_update_note@” and the date"
expect_text "or give the “Column names” field under Options a line of the heading, “=” and its field"
expect_text "Column 12 has data but no heading"
before_confirm 'Column 10, &ldquo;Risk'
before_confirm "Column 12 has data"
expect_text "Headings the import knows"
expect_text "The file read File cols.csv Kind CSV Encoding UTF-8"
expect_out_not "--map"
case_ "the result page says which columns were not imported"
confirm cols.csv; expect_eq "$STATUS" 200 "confirm"; expect_text "Imported"
expect_text "3 columns of the file were not imported"
expect_text "Column 11, “Progress Q2”, names progress"
expect_eq "$(sql plan.db "SELECT count(*) FROM action WHERE description='Do the thing'")" 1 "imported"

case_ "what would be created: authorities, reviews, findings, owners, actions"
printf 'authority,authority_name,review,review_kind,review_title,finding,action,owner,due_on,status\r\n' >new.csv
printf 'newtown,Newtown Council,r1,other,Web review,Finding one,Do one thing,Newtown head of service,2031-03-31,in_progress\r\n' >>new.csv
printf 'newtown,Newtown Council,r1,other,Web review,Finding two,Do another,Newtown deputy director,Ongoing,in_progress\r\n' >>new.csv
printf 'newtown,Newtown Council,r1,other,Web review,Finding two,Report monthly,Newtown deputy director,Monthly,in_progress\r\n' >>new.csv
upload new.csv; expect_eq "$STATUS" 200 "preview"
expect_row "Rows read" 3; expect_row "New authorities" 1; expect_row "New reviews" 1
expect_row "New findings" 2; expect_row "New owners" 2; expect_row "New actions" 3
expect_row "New actions with no due date" 1; expect_row "New actions that recur" 1
expect_out_not "govuk-warning-text"
confirm new.csv; expect_eq "$STATUS" 200 "confirm"
expect_row "New authorities" 1; expect_row "New actions" 3
expect_eq "$(sql plan.db "SELECT count(*) FROM authority WHERE code='newtown'")" 1 "created"

case_ "progress in dated columns: how many entries would be added"
sed 's/^/authority,/; 2,$s/^authority,/tb,/' "$SP_SOURCE_DIR/tests/data/import/dated_progress.csv" >dated.csv
upload dated.csv; expect_eq "$STATUS" 200 "preview"
expect_row "Progress entries added" "5 from 3 dated columns (one for each reporting round)"
expect_text "Column 11, “RAG / progress - Q2”, names progress but not a date"
expect_text "Progress update - June 2024"
expect_text "1 column of the file will not be imported if you confirm"
confirm dated.csv; expect_eq "$STATUS" 200 "confirm"
expect_row "Progress entries added" "5 from 3 dated columns (one for each reporting round)"
expect_text "1 column of the file was not imported"
upload dated.csv
expect_row "Progress entries added" "0 from 3 dated columns (one for each reporting round)"

case_ "a progress cell kept as a log of dated lines: its entries"
python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
csv.writer(open("log.csv", "w", newline="")).writerows(
    [["authority"] + rows[0]] + [["tb"] + r for r in rows[1:]])' \
    "$SP_SOURCE_DIR/tests/data/import/progress_log.csv"
upload log.csv; expect_eq "$STATUS" 200 "preview"
expect_row "Progress entries from dated lines" "5 from dated lines in 2 progress cells (each on its date)"
expect_text "the progress cell is a log of dated lines"
confirm log.csv; expect_eq "$STATUS" 200 "confirm"
expect_row "Progress entries from dated lines" "5 from dated lines in 2 progress cells (each on its date)"

# book FILE SHEETS: writes the workbook FILE (tests/tools/craft_xlsx.py) of
# SHEETS, a Python list of (name, rows): the name as the workbook's XML
# holds it (&amp;), each row a list of its cells' texts.
book() {
    python3 - "$SP_SOURCE_DIR/tests/tools" "$1" "$2" <<'PY'
import ast, sys
sys.path.insert(0, sys.argv[1])
from craft_xlsx import workbook, sheet, inline
cells = lambda r, vals: f'<row r="{r}">' + "".join(
    inline(f"{chr(65 + i)}{r}", v) for i, v in enumerate(vals)) + "</row>"
workbook(sys.argv[2], [(name, sheet("".join(cells(i + 1, row) for i, row in enumerate(rows))))
                       for name, rows in ast.literal_eval(sys.argv[3])])
PY
}
book_head='["Authority", "Review", "Review title", "Finding", "Action", "Lead officer", "Status"]'

case_ "a second choice of heading beside the column read for its field: which, and how to read it instead"
printf 'authority,review,review_kind,review_title,finding,action,owner,SRO,due_on\r\n' >sro.csv
printf 'tb,r1,other,Web review,Finding one,Do the thing,Head of service,Director,2031-03-31\r\n' >>sro.csv
upload sro.csv; expect_eq "$STATUS" 200 "preview"
expect_text "Column 8, “SRO”, names the owner, as column 7 does, which was read. To read this one instead, give the “Column names” field under Options two lines: this heading, “=” and owner; the other column’s heading and “= ignore”."
case_ "a workbook of two sheets: the sheet read is named, and how to read another"
book two.xlsx "[('Plan &amp; actions', [$book_head, ['tb', 'r2', 'Second review', 'Finding three',
    'Audit the files', 'Head of service', 'In progress']]), ('Notes', [['Read me']])]"
upload two.xlsx; expect_eq "$STATUS" 200 "preview"
expect_row "Kind" "Excel workbook"; expect_row "Sheet read" "Plan &amp; actions"
expect_text "The workbook has 2 sheets ('Plan & actions', 'Notes'). Only the first visible sheet with a row of column names, Plan & actions, is read."
expect_text "If the plan is on another sheet, name it in the “Sheet” field under Options, and upload the file again."
expect_out_not "--sheet"
expect_out 'class="govuk-inset-text"'

case_ "Windows-1252, tab-separated; signed off without evidence; a RAG column"
printf 'authority\treview\treview_kind\treview_title\tfinding\taction\towner\tdue_on\tstatus\tRAG\n' >w.tsv
printf 'tb\tr3\tother\tThird review\tFinding \xa3 one\tDo it\tHead\t2024-03-31\tsigned_off\tGreen\n' >>w.tsv
upload w.tsv; expect_eq "$STATUS" 200 "preview"
expect_row "Kind" "Text, tab-separated"; expect_row "Encoding" "Windows-1252"
expect_text "choose the file's encoding in the “Text encoding” field under Options, or save the file as “CSV UTF-8”, and upload it again"
expect_row "Signed off without evidence of impact" "1 (each is named in the notes)"
expect_text "RAG Column 10 is not imported: the plan works out each action's RAG rating"
expect_text "To keep the sheet's ratings, tick “Keep the RAG column as manual ratings” under Options"
expect_text "w.tsv:2:9: signed off without evidence of impact"
expect_out_not "--keep-rag"

case_ "a history file (export --history): the entries it would rebuild, as the CLI counts them"
SAFEPLAN_DB=$WORK/demo.db sp demo
SAFEPLAN_DB=$WORK/demo.db sp export --history --authority leicester --out hist.csv
n=$("$SAFEPLAN_BIN" import hist.csv --dry-run 2>/dev/null | sed -n 's/^  history: \([0-9]*\) entr.*/\1/p')
upload hist.csv; expect_eq "$STATUS" 200 "preview"
expect_eq "$([ "${n:-0}" -gt 0 ] && echo some)" some "the CLI's count of history entries"
expect_row "History entries rebuilt" "$n (progress updates, corrections and checks that a change has lasted)"
expect_out_not "Actions unchanged"

case_ "a refused workbook still names the sheet read"
book cover.xlsx "[('Cover', [['Improvement plan']]), ('Plan', [['Action']])]"
upload cover.xlsx; expect_eq "$STATUS" 400 "refused"
expect_row "Sheet read" "Cover"; expect_text "Only the first visible sheet with a row of column names, Cover, is read."
expect_out_not "Confirm and import"

case_ "a cover before the plan: the plan's sheet is read, and the cover named in a note"
book covered.xlsx "[('Cover', [['Improvement plan']]), ('Plan', [$book_head, ['tb', 'r2',
    'Second review', 'Finding four', 'Audit the plans', 'Head of service', 'In progress']])]"
upload covered.xlsx; expect_eq "$STATUS" 200 "preview"
expect_row "Sheet read" "Plan"
expect_text "sheet 'Cover' passed over: no row in its first 20 names the columns (to read it, name it with the “Sheet” field under Options)"

case_ "a plan kept a sheet to a theme: every sheet read, and how to read one alone"
book themes.xlsx "[('Leadership', [$book_head, ['tb', 'r5', 'Fifth review', 'Finding five',
    'Audit the front door', 'Head of service', 'In progress']]), ('Practice &amp; QA', [['Theme 2'],
    $book_head, ['tb', 'r5', 'Fifth review', 'Finding six', 'Train on plans', 'Head of QA',
    'Not started']])]"
upload themes.xlsx; expect_eq "$STATUS" 200 "preview"
expect_row "Sheets read" "&#39;Leadership&#39;, &#39;Practice &amp; QA&#39;"
expect_text "The plan goes on over the sheets read, each with a plan's row of column names. To read one of them alone, name it in the “Sheet” field under Options, and upload the file again."
expect_text "themes.xlsx:'Practice & QA': row 1 is above the header (row 2) and was not imported"
confirm themes.xlsx; expect_eq "$STATUS" 200 "confirm"
expect_eq "$(sql plan.db "SELECT count(*) FROM action WHERE description = 'Train on plans'")" 1 "the second sheet's action imported"

# Actions in the reviews imports made for Torbay (a council's sheet goes there).
tb_imported() { sql plan.db "SELECT count(*) FROM action a JOIN finding f ON f.id = a.finding_id
    JOIN review r ON r.id = f.review_id JOIN authority t ON t.id = r.authority_id
    WHERE t.code = 'tb' AND r.ref LIKE 'import-%'"; }
cp "$SP_SOURCE_DIR/tests/data/import/council_excel.csv" council.csv
before=$(tb_imported)

case_ "the form offers every authority, and the file's own Authority column first"
curl -s -o "$OUT" -b "$jar" "$BASE/import"
expect_out 'name="authority" aria-describedby="authority-hint"><option value="">Named in the file'
expect_out '<option value="tb">Torbay (tb)</option>'

case_ "a council's sheet with no Authority column and no authority chosen: choose one on the form"
upload council.csv; expect_eq "$STATUS" 400 "refused"
expect_text "choose the authority on this form, or add an Authority column to the file"
expect_out 'href="#authority"'; expect_out 'id="authority-error"'
expect_out_not "--authority"; expect_out_not "--review"; expect_out_not "Confirm and import"
expect_eq "$(tb_imported)" "$before" "nothing imported"

case_ "the same sheet with Torbay chosen: the dry run says where rows go, confirm puts them there"
upload council.csv -F authority=tb; expect_eq "$STATUS" 200 "preview"
expect_row "Rows go to" "Torbay (tb)"
expect_row "Rows read" 4; expect_row "New authorities" 0
expect_row "New findings" 2; expect_row "New actions" 4
expect_eq "$(hidden authority)" tb "the choice is carried to the confirm step"
expect_out '<option value="tb" selected>Torbay (tb)</option>'
expect_eq "$(tb_imported)" "$before" "a dry run"
confirm council.csv; expect_eq "$STATUS" 200 "confirm"
expect_text "Imported"; expect_row "Rows go to" "Torbay (tb)"; expect_row "New actions" 4
expect_eq "$(tb_imported)" "$((before + 4))" "imported into Torbay"

case_ "a forged authority: refused on the dry run and on confirm, nothing imported"
# A sheet that names its authority, so that only the forged field is wrong.
printf 'authority,review,review_kind,review_title,finding,action,owner,due_on,status\r\n' >named.csv
printf 'tb,r9,other,Ninth review,Finding nine,Do the ninth thing,Head,2031-03-31,in_progress\r\n' \
    >>named.csv
n=$(sql plan.db "SELECT count(*) FROM action")
upload named.csv -F authority=nowhere; expect_eq "$STATUS" 400 "dry run"
expect_out 'href="#authority"'; expect_text "Choose an authority from the list"
expect_out_not "Confirm and import"
upload named.csv; expect_eq "$STATUS" 200 "preview"
confirm named.csv nowhere; expect_eq "$STATUS" 400 "confirm"
expect_out 'href="#authority"'; expect_out_not '<h2 class="govuk-heading-m">Imported'
confirm named.csv "tb%00x"; expect_eq "$STATUS" 400 "a NUL"
expect_eq "$(sql plan.db "SELECT count(*) FROM action")" "$n" "nothing imported"

case_ "a chosen authority still needs the CSRF token"
upload named.csv -F authority=tb; staged=$(hidden staged)
STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$jar" --data-raw \
    "staged=$staged&filename=named.csv&authority=tb" "$BASE/import/confirm")
expect_eq "$STATUS" 403 "no token"
STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$jar" -F "file=@named.csv" \
    -F authority=tb "$BASE/import")
expect_eq "$STATUS" 403 "no token on the dry run"
expect_eq "$(sql plan.db "SELECT count(*) FROM action")" "$n" "nothing imported"

case_ "a review chosen: the rows go into it, under its authority"
r1() { sql plan.db "SELECT count(*) FROM action a JOIN finding f ON f.id = a.finding_id
    JOIN review r ON r.id = f.review_id WHERE r.ref = 'r1'"; }
n=$(r1)
upload council.csv -F review=tb/r1; expect_eq "$STATUS" 200 "preview"
expect_row "Rows go to" "Torbay (tb): review tb/r1"; expect_row "New reviews" 0
expect_eq "$(hidden review)" tb/r1 "the review is carried to the confirm step"
confirm council.csv; expect_eq "$STATUS" 200 "confirm"; expect_row "New actions" 4
expect_eq "$(r1)" "$((n + 4))" "imported into tb/r1"

case_ "a review the plan does not hold, or another authority's: refused at the field"
n=$(sql plan.db "SELECT count(*) FROM action")
upload council.csv -F review=tb/nope; expect_eq "$STATUS" 400 "unknown"
expect_out 'href="#review"'; expect_out 'id="review-error"'; expect_out 'value="tb/nope"'
upload council.csv -F authority=newtown -F review=tb/r1; expect_eq "$STATUS" 400 "another's"
expect_out 'href="#review"'; expect_text "of the authority chosen above"
upload named.csv; expect_eq "$STATUS" 200 "preview"
STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$jar" --data-raw \
    "csrf=$k&staged=$(hidden staged)&filename=named.csv&review=tb/nope" "$BASE/import/confirm")
expect_eq "$STATUS" 400 "forged on confirm"; expect_out 'href="#review"'
expect_eq "$(sql plan.db "SELECT count(*) FROM action")" "$n" "nothing imported"

# Options for sheets that need them (the CLI's --sheet, --encoding,
# --header-row, --as-at, --fill-down, --keep-rag and --map), on the form.
# form_confirm [NAME=VALUE...]: posts the dry run's confirm form as a browser
# does (its hidden fields, entities decoded), with each NAME=VALUE in place.
form_confirm() {
    local body
    body=$(python3 - "$OUT" "$@" <<'PY'
import html, re, sys, urllib.parse
page = open(sys.argv[1], encoding="utf-8").read()
form = page[page.find('action="/import/confirm"'):]
form = form[:form.find("</form>")]
fields = {n: html.unescape(v) for n, v in
          re.findall(r'type="hidden" name="([^"]*)" value="([^"]*)"', form)}
for item in sys.argv[2:]:
    name, value = item.split("=", 1)
    fields[name] = value
print(urllib.parse.urlencode(fields), end="")
PY
)
    STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$jar" --data-raw "$body" \
        "$BASE/import/confirm")
}
# at_field ID: the page's error is at field ID, linked from the summary,
# and the options are shown open.
at_field() {
    expect_out "href=\"#$1\""; expect_out "id=\"$1-error\""
    expect_out '<details class="govuk-details" open>'
}
# One action of the plan: "COLUMN" of the action whose description is TEXT.
action_col() { sql plan.db "SELECT $1 FROM action WHERE description = '$2'"; }
# plan_state: a checksum of the plan's contents, to show that a refusal
# changed nothing (the file's bytes change with each request: sessions).
plan_state() {
    local t
    for t in authority review finding owner action action_update change_set; do
        sql plan.db "SELECT * FROM $t ORDER BY rowid"
    done | sha256sum
}
head9='authority,review,review_kind,review_title,finding,action,owner,due_on,status'

case_ "the form's options: closed until given, each labelled, with a hint"
curl -s -o "$OUT" -b "$jar" "$BASE/import"
expect_out '<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Options for sheets that need them'
for id in sheet header_row as_at fill_down keep_rag encoding map; do
    expect_out "for=\"$id\""; expect_out "id=\"$id-hint\""
done
expect_out '<option value="windows-1252">Windows-1252</option>'

case_ "a workbook's second sheet, named under Options: read, carried to the confirm, imported"
book second.xlsx "[('Cover', [['Improvement plan']]), ('Actions &amp; plan', [$book_head,
    ['tb', 'r4', 'Fourth review', 'Finding four', 'Check the second sheet', 'Head', 'In progress']])]"
upload second.xlsx; expect_eq "$STATUS" 200 "the cover passed over"
expect_row "Sheet read" "Actions &amp; plan"
upload second.xlsx -F "sheet=Actions & plan"; expect_eq "$STATUS" 200 "preview"
expect_row "Sheet read" "Actions &amp; plan"; expect_row "Sheet" "Actions &amp; plan"
expect_text "The sheet named under Options, Actions & plan, is read."
expect_eq "$(hidden sheet)" "Actions &amp; plan" "the sheet is carried to the confirm step"
expect_out '<details class="govuk-details" open>'
form_confirm; expect_eq "$STATUS" 200 "confirm"; expect_text "Imported"
expect_eq "$(action_col count\(*\) 'Check the second sheet')" 1 "imported from the second sheet"
case_ "a sheet the workbook lacks: refused at the Sheet field, in the form's words"
upload second.xlsx -F sheet=Plan; expect_eq "$STATUS" 400 "refused"; at_field sheet
expect_text "the workbook has no sheet named 'Plan': its sheets are 'Cover', 'Actions & plan' (name one with the “Sheet” field under Options)"
expect_out_not "--sheet"; expect_out 'value="Plan"'
case_ "an encoding named for a workbook: refused at the Text encoding field"
upload second.xlsx -F "sheet=Actions & plan" -F encoding=utf-8; expect_eq "$STATUS" 400 "refused"
at_field encoding; expect_text "leave the “Text encoding” field under Options out"
expect_out_not "--encoding"; expect_out '<option value="utf-8" selected>'

case_ "a Windows-1252 CSV with its encoding chosen: read as chosen, the £ kept"
{ printf '%s\r\n' "$head9"
  printf 'tb,r5,other,Fifth review,Finding \xa3 five,Cost the \xa3 plan,Head,2031-03-31,in_progress\r\n'
} >w1252.csv
upload w1252.csv -F encoding=windows-1252; expect_eq "$STATUS" 200 "preview"
expect_row "Encoding" "Windows-1252"; expect_row "Text encoding" "Windows-1252"
expect_out_not "The encoding was worked out from the file"
expect_eq "$(hidden encoding)" windows-1252 "carried"
form_confirm; expect_eq "$STATUS" 200 "confirm"
expect_eq "$(action_col count\(*\) 'Cost the £ plan')" 1 "imported as Windows-1252"

case_ "a title above the header: the Header row named reads it"
{ for i in $(seq 1 20); do printf 'Note %s about the plan,,,,,,,,\r\n' "$i"; done
  printf '%s\r\ntb,r6,other,Sixth review,Finding six,Read row 21,Head,2031-03-31,in_progress\r\n' \
      "$head9"; } >row21.csv
upload row21.csv; expect_eq "$STATUS" 400 "no header in the first 20 rows"
upload row21.csv -F header_row=21; expect_eq "$STATUS" 200 "preview"
expect_row "Header row" 21; expect_eq "$(hidden header_row)" 21 "carried"
form_confirm; expect_eq "$STATUS" 200 "confirm"
expect_eq "$(action_col count\(*\) 'Read row 21')" 1 "imported"
case_ "a summary box read as the header: the library's advice names the Header row field"
printf 'Theme,Actions,RAG\r\nSafety,3,Red\r\nFinding,Action,Owner,Due date,Status\r\nFinding seven,Do seven,Head,2031-03-31,In progress\r\n' >box.csv
upload box.csv -F authority=tb; expect_eq "$STATUS" 400 "refused"; at_field header_row
expect_text "if that is the header, import with “3” in the “Header row” field under Options"
expect_out_not "--header-row"

case_ "the date the sheet speaks for: progress recorded as of it"
printf '%s,Progress\r\ntb,r7,other,Seventh review,Finding eight,Dated thing,Head,2031-03-31,in_progress,Started\r\n' \
    "$head9" >asat.csv
upload asat.csv -F "as_at=01/05/2024"; expect_eq "$STATUS" 200 "preview"
expect_row "Date the sheet speaks for" "2024-05-01"
form_confirm; expect_eq "$STATUS" 200 "confirm"
expect_eq "$(sql plan.db "SELECT group_concat(u.on_date) FROM action_update u JOIN action a
    ON a.id = u.action_id WHERE a.description = 'Dated thing'")" 2024-05-01 "as of the date"
case_ "a date after today, or no date: refused at its field, nothing imported"
sed 's/Dated thing/Future thing/; s/r7,/r8,/' asat.csv >future.csv
before=$(plan_state)
upload future.csv -F as_at=2099-01-01; expect_eq "$STATUS" 400 "after today"; at_field as_at
expect_text "The date the sheet speaks for cannot be after today ("
expect_out 'value="2099-01-01"'; expect_out_not "Confirm and import"
upload future.csv -F "as_at=31/13/2024"; expect_eq "$STATUS" 400 "no date"; at_field as_at
upload future.csv; expect_eq "$STATUS" 200 "preview"
form_confirm as_at=2099-01-01; expect_eq "$STATUS" 400 "after today, on confirm"; at_field as_at
expect_eq "$(plan_state)" "$before" "nothing imported"

case_ "merged finding cells: the library's advice names the field; filled down, imported"
{ printf '%s\r\n' "$head9"
  printf 'tb,r9,other,Ninth review,Finding merged,First merged,Head,2031-03-31,in_progress\r\n'
  printf 'tb,r9,other,Ninth review,,Second merged,Head,2031-03-31,in_progress\r\n'; } >merged.csv
upload merged.csv; expect_eq "$STATUS" 400 "refused"; at_field fill_down
expect_text "import with “finding” in the “Columns whose blank cells take the value above” field under Options"
expect_out_not "--fill-down"
upload merged.csv -F "fill_down=finding"; expect_eq "$STATUS" 200 "preview"
expect_row "Columns whose blank cells take the value above" finding
form_confirm; expect_eq "$STATUS" 200 "confirm"
expect_eq "$(sql plan.db "SELECT count(DISTINCT finding_id) || '/' || count(*) FROM action
    WHERE description LIKE '% merged'")" 1/2 "both actions under the one finding"

case_ "a RAG column kept as manual ratings"
printf '%s,RAG\r\ntb,r10,other,Tenth review,Finding ten,Rated thing,Head,2031-03-31,in_progress,Green\r\n' \
    "$head9" >rag.csv
upload rag.csv -F keep_rag=yes; expect_eq "$STATUS" 200 "preview"
expect_row "Keep the RAG column as manual ratings" "Yes"
expect_out_not "is not imported: the plan works out"
expect_out 'id="keep_rag" name="keep_rag" type="checkbox" value="yes" checked'
form_confirm; expect_eq "$STATUS" 200 "confirm"
expect_eq "$(action_col rag_override 'Rated thing')" green "kept as an override"

case_ "Column names: one heading = field a line, as the map"
printf '%s,Lead person,Risk <script>x</script> & cost\r\ntb,r11,other,Eleventh review,Finding eleven,Mapped thing,,2031-03-31,in_progress,Named lead,High\r\n' \
    "$(echo "$head9" | sed 's/,owner,/,,/')" >mapped.csv
map=$'Lead person = owner\r\nRisk <script>x</script> & cost=ignore\r\n'
upload mapped.csv --form-string "map=$map"; expect_eq "$STATUS" 200 "preview"
expect_row "Column names" "Lead person = owner; Risk &lt;script&gt;x&lt;/script&gt; &amp; cost = ignore"
expect_out_not "<script>x"; expect_out_not "govuk-warning-text"
expect_out 'name="map" value="Lead person = owner&#10;Risk &lt;script&gt;x&lt;/script&gt; &amp; cost=ignore&#10;"'
form_confirm; expect_eq "$STATUS" 200 "confirm"
expect_eq "$(sql plan.db "SELECT o.name FROM action a JOIN owner o ON o.id = a.owner_id
    WHERE a.description = 'Mapped thing'")" "Named lead" "owner from the mapped column"
case_ "Column names the map cannot say: refused at the field"
upload mapped.csv -F $'map=Lead, person = owner'; expect_eq "$STATUS" 400 "a comma"
at_field map; expect_text "Line 1 of Column names holds a comma"
upload mapped.csv -F $'map=Risk = ignore\nLead person'; expect_eq "$STATUS" 400 "no ="
at_field map; expect_text "Line 2 of Column names needs a heading"
upload mapped.csv -F "map=Lead person = boss"; expect_eq "$STATUS" 400 "no such field"
at_field map; expect_text "'boss' is not a field"

case_ "forged, too long or impossible options on the confirm: 400 at the field, nothing imported"
upload named.csv; expect_eq "$STATUS" 200 "preview"
cp "$OUT" dryrun.html
before=$(plan_state)
for forged in encoding=latin-9 keep_rag=on header_row=0 header_row=x3 \
    "as_at=2024-02-30" "map=Lead, person=owner" "sheet=$(printf 'x%.0s' $(seq 300))" \
    "fill_down=$(printf 'y%.0s' $(seq 600))"; do
    cp dryrun.html "$OUT"; form_confirm "$forged"
    expect_eq "$STATUS" 400 "forged $forged"; at_field "${forged%%=*}"
    expect_out_not '<h2 class="govuk-heading-m">Imported'
done
expect_eq "$(plan_state)" "$before" "nothing imported"
cp dryrun.html "$OUT"; form_confirm; expect_eq "$STATUS" 200 "the file still waits, unforged"

case_ "an option's value holding <script> and &: shown escaped"
upload named.csv --form-string "sheet=<script>alert(2)</script> & co" --form-string "fill_down=<b>&"
expect_eq "$STATUS" 400 "a sheet named for a CSV"; at_field sheet
expect_out_not "<script>alert(2)"; expect_out_not "<b>&"
expect_out 'value="&lt;script&gt;alert(2)&lt;/script&gt; &amp; co"'
expect_text "“<script>alert(2)</script> & co” in the “Sheet” field under Options names a workbook's sheet"

kill -TERM $SERVER; wait $SERVER
finish

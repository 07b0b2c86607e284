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

case_ "a workbook of two sheets: the sheet read is named, and how to read another"
python3 - "$SP_SOURCE_DIR/tests/tools" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from craft_xlsx import workbook, sheet, inline
head = ["Authority", "Review", "Review title", "Finding", "Action", "Lead officer", "Status"]
row = ["tb", "r2", "Second review", "Finding three", "Audit the files", "Head of service", "In progress"]
cells = lambda r, vals: f'<row r="{r}">' + "".join(
    inline(f"{chr(65 + i)}{r}", v) for i, v in enumerate(vals)) + "</row>"
workbook("two.xlsx", [("Plan &amp; actions", sheet(cells(1, head) + cells(2, row))),
                      ("Notes", sheet(cells(1, ["Read me"])))])
PY
upload two.xlsx; expect_eq "$STATUS" 200 "preview"
expect_row "Kind" "Excel workbook"; expect_row "Sheet read" "Plan &amp; actions"
expect_text "The workbook has 2 sheets ('Plan & actions', 'Notes'). Only the first visible sheet, Plan & actions, is read."
expect_text "move that sheet to the front"
expect_out_not "--sheet"
expect_out 'class="govuk-inset-text"'

case_ "Windows-1252, tab-separated; signed off without evidence; a RAG column"
printf 'authority\treview\treview_kind\treview_title\tfinding\taction\towner\tdue_on\tstatus\tRAG\n' >w.tsv
printf 'tb\tr3\tother\tThird review\tFinding \xa3 one\tDo it\tHead\t2024-03-31\tsigned_off\tGreen\n' >>w.tsv
upload w.tsv; expect_eq "$STATUS" 200 "preview"
expect_row "Kind" "Text, tab-separated"; expect_row "Encoding" "Windows-1252"
expect_text "save the file as “CSV UTF-8” and upload it again"
expect_row "Signed off without evidence of impact" "1 (each is named in the notes)"
expect_text "RAG Column 10 is not imported: the plan works out each action's RAG rating"
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
python3 - "$SP_SOURCE_DIR/tests/tools" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from craft_xlsx import workbook, sheet, inline
workbook("cover.xlsx", [("Cover", sheet('<row r="1">' + inline("A1", "Improvement plan") + "</row>")),
                        ("Plan", sheet('<row r="1">' + inline("A1", "Action") + "</row>"))])
PY
upload cover.xlsx; expect_eq "$STATUS" 400 "refused"
expect_row "Sheet read" "Cover"; expect_text "Only the first visible sheet, Cover, is read."
expect_out_not "Confirm and import"

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

kill -TERM $SERVER; wait $SERVER
finish

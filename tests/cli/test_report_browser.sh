#!/usr/bin/env bash
# The HTML report in a real browser: axe-core (WCAG 2.2 AA rules) in
# Debian's chromium through tests/browser/axe.mjs, and the page printed to
# A4 PDF by chromium and read back with poppler: no table row is split
# across printed pages.
. "$(dirname "$0")/lib.sh"

AXE="$SP_SOURCE_DIR/tests/browser/axe.mjs"
if [ ! -x /usr/bin/chromium ] || [ ! -d "$SP_SOURCE_DIR/node_modules/axe-core" ] ||
    ! command -v pdftotext >/dev/null; then
    echo "needs /usr/bin/chromium, poppler-utils and 'npm ci' in $SP_SOURCE_DIR (scripts/install-deps.sh, .ci/run)" >&2
    exit 77
fi

# axe FILE PDF: axe's verdict on FILE, printing it to PDF as well.
axe() {
    node "$AXE" "$1" --print-pdf "$2" >"$OUT" 2>"$ERR"
    STATUS=$?
}

# same_page PDF TEXT1 TEXT2: true if some page holds both texts. Spaces,
# line ends and hyphens are left out on both sides: a path wraps in its
# narrow column, and pdftotext joins a word broken after a hyphen without
# the hyphen ("2016-" + "effectiveness" reads "2016effectiveness").
same_page() {
    local pages p one two
    pages=$(pdfinfo "$1" | sed -n 's/^Pages: *//p')
    one=$(printf '%s' "$2" | tr -d ' \n-')
    two=$(printf '%s' "$3" | tr -d ' \n-')
    for p in $(seq 1 "$pages"); do
        pdftotext -f "$p" -l "$p" "$1" - | tr -d ' \n-' >"$WORK/page.txt"
        grep -qF -- "$one" "$WORK/page.txt" && grep -qF -- "$two" "$WORK/page.txt" && return 0
    done
    return 1
}

case_ "a small plan with hostile text passes axe"
export SAFEPLAN_TODAY=2017-09-01
sp init
sp authority add tb --name "Torbay Council"
sp review add tb peer --kind lga_peer_review --title "Peer review <b>&</b> 'quotes'" --from 2017-01-09
sp finding add tb/peer 1 --kind recommendation --theme "Working together & <partners>" --text "Share data"
sp action add tb/peer/1 --title '"><img src=x onerror=alert(1)> data' --owner "Head of Service" --start 2017-02-01 --due 2017-05-31
sp action add tb/peer/1 --title "Audit" --owner "Head of Service" --start 2017-02-01 --due 2017-12-31
run report --out small.html
expect_status 0
axe small.html small.pdf
expect_status 0
expect_out '"violations":0'

case_ "a reminder's HTML part passes axe"
sp owner add "Directrice générale" --email dg@x.example
sp action add tb/peer/1 --title "Partner <survey> & “report”" --owner "Directrice générale" --start 2017-02-01 --due 2017-08-01
sp digest --set-from "Plan <plan@x.example>"
"$SAFEPLAN_BIN" digest --preview >digest.mbox 2>/dev/null
python3 -c 'import email, email.policy, mailbox, sys
m = next(iter(mailbox.mbox(sys.argv[1])))
m = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
open(sys.argv[2], "w", encoding="utf-8").write(m.get_body(("html",)).get_content())' digest.mbox digest.html
axe digest.html digest.pdf
expect_status 0
expect_out '"violations":0'

case_ "an empty plan passes axe"
export SAFEPLAN_DB=$WORK/empty.db
sp init
run report --out empty.html
expect_status 0
axe empty.html empty.pdf
expect_status 0
expect_out '"violations":0'

case_ "the example plan's report passes axe and prints whole rows"
export SAFEPLAN_DB=$WORK/demo.db
sp demo
run report --out demo.html --as-of 2017-07-01
expect_status 0
axe demo.html demo.pdf
expect_status 0
expect_out '"violations":0'
# Every overdue row, printed: its path and its reason on one page (a split
# row would leave them on two). The reasons are long enough to wrap.
"$SAFEPLAN_BIN" overdue --as-of 2017-07-01 --format json |
    python3 -c 'import json,sys
for r in json.load(sys.stdin)["rows"]:
    print(r["path"] + "\t" + r["rag_reason"][:12])' >"$WORK/rows"
expect_eq "$(wc -l <"$WORK/rows")" "9" "nine overdue rows on 2017-07-01"
while IFS=$'\t' read -r path reason; do
    same_page demo.pdf "$path" "$reason" && ok || bad "row $path split across pages"
done <"$WORK/rows"
# Every theme of the RAG table beside its numbers, and the words beside
# the colours in the chart.
grep -qF '>1: 1 blue</text>' demo.html && ok || bad "chart counts in words"
grep -qF '<table id="trend-table"' demo.html && ok || bad "trend data as a table"
[ "$(grep -c 'class="summary"' demo.html)" -eq 2 ] && ok || bad "a text summary for each chart"
# Printed on A4, as the page's CSS asks (@page size A4; axe.mjs prefers it).
pdfinfo demo.pdf | grep -q '^Page size:.*(A4)' && ok || bad "printed on A4: $(pdfinfo demo.pdf | grep 'Page size')"

finish

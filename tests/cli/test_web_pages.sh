#!/bin/bash
# The web service's report pages, downloads and managers' tasks over HTTP:
# the real server on a free loopback port, driven with curl; downloads read
# with python3's csv and zipfile. Every page per role, scoping, 403s, CSRF,
# validation errors (GOV.UK error summary linking to the field, nothing
# changed), and keyset pagination with no row lost or repeated.
source "$(dirname "$0")/lib.sh"

sp demo
in_auth() { echo "SELECT x.id FROM action x JOIN finding f ON f.id=x.finding_id
  JOIN review r ON r.id=f.review_id JOIN authority a ON a.id=r.authority_id WHERE a.code IN ($1)"; }
owner_id=$(sql plan.db "SELECT owner_id FROM action WHERE id IN ($(in_auth "'leicester'"))
  AND status='in_progress' LIMIT 1")
own_id=$(sql plan.db "SELECT id FROM action WHERE owner_id=$owner_id AND status='in_progress'
  AND id IN ($(in_auth "'leicester'")) LIMIT 1")
adduser() { echo "$2" | "$SAFEPLAN_BIN" user add "$1" "${@:3}" >/dev/null 2>"$ERR" || {
    echo "setup failed: user add $1" >&2; cat "$ERR" >&2; exit 1; }; }
adduser officer1 "officer-pass-1" --role officer --owner "$owner_id" --authority leicester
adduser viewer1 "viewer-pass-12" --role viewer --authority leicester
adduser viewer2 "viewer-pass-22" --role viewer --authority leicester
adduser manager1 "manager-pass-1" --role manager --authority all
adduser managerl "manager-pass-2" --role manager --authority leicester
adduser clerk1 "clerk-pass-123" --role clerk --authority all
adduser admin1 "admin-pass-123" --role admin --authority all
# A second authority for viewer2, so its lists run over two authorities.
sql plan.db "INSERT INTO account_authority SELECT a.id, t.id FROM account a, authority t
  WHERE a.name='viewer2' AND t.code='torbay'"

start_server

get() { STATUS=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' ${2:+-b "$2" -c "$2"} "$BASE$1"); }
post() { STATUS=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' -b "$2" -c "$2" \
    --data-raw "$3" "${@:4}" "$BASE$1"); }
signin() { rm -f "$WORK/$1.jar"; post /sign-in "$WORK/$1.jar" "name=$1&password=$2"
    [ "$STATUS" = 303 ] || { echo "sign-in $1 failed"; exit 1; }; }
jar() { echo "$WORK/$1.jar"; }
csrf() { get /plan "$(jar "$1")"; sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$OUT" | head -1; }
updates() { sql plan.db "SELECT count(*) FROM action_update"; }
# error_links FIELD: the page has a GOV.UK error summary linking to #FIELD
# and the field's own message.
error_links() {
    grep -q 'class="govuk-error-summary"' "$OUT" && grep -q "govuk-error-summary__list\"><li><a href=\"#$1\"" "$OUT" \
        && grep -q "id=\"$1-error\" class=\"govuk-error-message\"" "$OUT" && ok || bad "no error linked to #$1"
}

signin officer1 officer-pass-1
signin viewer1 viewer-pass-12
signin viewer2 viewer-pass-22
signin manager1 manager-pass-1
signin managerl manager-pass-2
signin clerk1 clerk-pass-123
signin admin1 admin-pass-123

case_ "sign-in: a wrong password is linked to the field, GOV.UK markup"
post /sign-in "$WORK/x.jar" "name=viewer1&password=wrong-password-9"
expect_eq "$STATUS" 400 "status"; error_links name; expect_out 'autocomplete="username"'
expect_out 'autocomplete="current-password"'

case_ "every report page for every plan role, GOV.UK markup"
for who in officer1 viewer1 manager1 clerk1; do
    for page in /overdue /due-soon /stale /plan /summary /downloads "/summary?by=owner" \
                "/summary?by=review" "/summary?by=authority"; do
        get "$page" "$(jar $who)"; expect_eq "$STATUS" 200 "$who $page"
    done
done
get /overdue "$(jar manager1)"; expect_out 'class="govuk-table"'; expect_out 'scope="col"'
expect_out 'govuk-tag'
get /summary "$(jar manager1)"; expect_out 'govuk-table__cell--numeric'
get "/actions/$own_id" "$(jar viewer1)"; expect_out 'class="govuk-summary-list"'
expect_out 'govuk-summary-list__key'; expect_out 'class="govuk-table"'
case_ "admins manage accounts, not plan content: no plan page, no download, none in the menu"
get /downloads "$(jar admin1)"; expect_eq "$STATUS" 403 "admin downloads"
get "/download?what=csv" "$(jar admin1)"; expect_eq "$STATUS" 403 "admin download"
for page in /overdue /due-soon /stale /plan /summary "/actions/$own_id"; do
    get "$page" "$(jar admin1)"; expect_eq "$STATUS" 403 "admin $page"
    expect_out_not "$(sql plan.db "SELECT description FROM action WHERE id = $own_id")"
done
get / "$(jar admin1)"; expect_eq "$STATUS" 200 "admin home"
expect_out "administrator's account"; expect_out_not 'href="/overdue"'; expect_out_not 'href="/downloads"'
case_ "the menu offers Import only to a clerk who sees every authority"
adduser clerkl "clerk-pass-456" --role clerk --authority leicester
signin clerkl clerk-pass-456
get / "$(jar clerkl)"; expect_out 'href="/overdue"'; expect_out_not 'href="/import"'
get /import "$(jar clerkl)"; expect_eq "$STATUS" 403 "scoped clerk import"
get / "$(jar clerk1)"; expect_out 'href="/import"'
case_ "managers' task pages: managers only"
for who in officer1 viewer1 clerk1 admin1; do
    get /reassign "$(jar $who)"; expect_eq "$STATUS" 403 "$who reassign"
    get /transfer "$(jar $who)"; expect_eq "$STATUS" 403 "$who transfer"
done
get /reassign "$(jar manager1)"; expect_eq "$STATUS" 200 "manager reassign"
get /transfer "$(jar manager1)"; expect_eq "$STATUS" 200 "manager transfer"
case_ "not signed in: every new page sends to sign-in"
for page in /due-soon /stale /plan /summary /downloads /download /reassign /transfer; do
    get "$page"; expect_eq "$STATUS" 303 "$page"
done

case_ "scoping: a Leicester account sees no other authority on any page"
for page in /overdue /due-soon /stale /plan "/summary?by=authority" "/summary?by=review" \
            "/overdue?as_of=2025-06-30" "/stale?days=0"; do
    get "$page" "$(jar viewer1)"; expect_out_not "torbay"; expect_out_not "Torbay"
    expect_out_not "peterborough"
done
get "/summary?by=authority" "$(jar viewer1)"; expect_out "leicester"
case_ "scoping: asking for another authority is refused, nothing shown"
get "/overdue?authority=torbay" "$(jar viewer1)"; expect_eq "$STATUS" 400 "status"
error_links authority; expect_out_not "torbay/"
get "/summary?authority=torbay" "$(jar viewer1)"; expect_eq "$STATUS" 400 "summary"
get "/download?what=csv&authority=torbay" "$(jar viewer1)"; expect_eq "$STATUS" 400 "download"
get "/download?what=csv" "$(jar viewer1)"; expect_eq "$STATUS" 400 "scoped must choose"
error_links authority

case_ "filters: the CLI's filters and an as-of date"
get "/overdue?authority=leicester&rag=red" "$(jar manager1)"; expect_eq "$STATUS" 200 "status"
expect_out "leicester/"; expect_out_not "torbay/"
get "/stale?days=0&status=in_progress" "$(jar manager1)"; expect_eq "$STATUS" 200 "stale"
expect_out_not ">not_started<"
case_ "filters: bad values give an error summary linking to the field"
get "/overdue?as_of=31/02/2026" "$(jar manager1)"; expect_eq "$STATUS" 400 "as_of"; error_links as_of
get "/due-soon?days=many" "$(jar manager1)"; expect_eq "$STATUS" 400 "days"; error_links days
get "/overdue?rag=purple" "$(jar manager1)"; expect_eq "$STATUS" 400 "rag"; error_links rag
expect_out "purple"
get "/summary?by=colour" "$(jar manager1)"; expect_eq "$STATUS" 400 "by"; error_links by
get "/summary?by=hem" "$(jar manager1)"; expect_eq "$STATUS" 400 "part of a word"; error_links by
case_ "filters: hostile text is escaped"
get "/overdue?owner=%3Cscript%3Ealert(1)%3C/script%3E" "$(jar manager1)"
expect_out_not "<script>"; expect_out "&lt;script&gt;"

# walk USER PATH: follows the Next links from PATH, printing every action id.
walk() {
    local url=$2 pages=0
    while [ -n "$url" ] && [ $pages -lt 50 ]; do
        get "$url" "$(jar "$1")"
        [ "$STATUS" = 200 ] || { bad "page $url gave $STATUS"; return; }
        grep -o 'href="/actions/[0-9]*"' "$OUT" | grep -o '[0-9]*'
        url=$(grep -o 'href="[^"]*" rel="next"' "$OUT" | sed 's/href="\([^"]*\)".*/\1/; s/&amp;/\&/g')
        pages=$((pages + 1))
    done
    echo "pages $pages" >&2
}
case_ "pagination: the whole plan, page by page, no row lost or repeated"
walk manager1 /plan >"$WORK/ids" 2>"$WORK/pages"
expect_eq "$(sort -n "$WORK/ids" | uniq | wc -l)" "$(wc -l <"$WORK/ids")" "repeated rows"
expect_eq "$(sort -n "$WORK/ids" | tr '\n' ' ')" \
    "$(sql plan.db "SELECT id FROM action ORDER BY id" | tr '\n' ' ')" "every action once"
expect_eq "$(cat "$WORK/pages")" "pages 2" "page count"
get /plan "$(jar manager1)"; expect_out 'class="govuk-pagination'; expect_out 'rel="next"'
expect_out 'aria-label="Pages of this list"'
case_ "pagination: across two authorities (keyset resumes in the second)"
walk viewer2 /plan >"$WORK/ids2" 2>/dev/null
expect_eq "$(sort -n "$WORK/ids2" | tr '\n' ' ')" \
    "$(sql plan.db "$(in_auth "'leicester','torbay'") ORDER BY x.id" | tr '\n' ' ')" "two authorities"
expect_eq "$(sort -n "$WORK/ids2" | uniq -d | wc -l)" 0 "repeated"
case_ "pagination: filters carried to the next page"
walk manager1 "/stale?days=0" >"$WORK/ids3" 2>/dev/null
get "/stale?days=0" "$(jar manager1)"
if grep -q 'rel="next"' "$OUT"; then grep -q 'after=[0-9]*\.[0-9]*&amp;days=0' "$OUT" && ok || bad "days lost"; fi
expect_eq "$(sort -n "$WORK/ids3" | uniq -d | wc -l)" 0 "repeated"
case_ "pagination: a forged key is refused"
get "/plan?after=x" "$(jar manager1)"; expect_eq "$STATUS" 400 "bad key"

case_ "downloads: CSV read by python's csv, scoped, with its headers"
get "/download?what=csv&authority=leicester" "$(jar viewer1)"; expect_eq "$STATUS" 200 "status"
grep -qi "Content-Type: text/csv; charset=utf-8" "$ERR" && ok || bad "type"
grep -qi 'Content-Disposition: attachment; filename="safeplan-actions.csv"' "$ERR" && ok || bad "disposition"
expect_eq "$(python3 -c "
import csv,sys
rows=list(csv.DictReader(open(sys.argv[1],encoding='utf-8-sig')))
print(len(rows), sorted(set(r['authority'] for r in rows)))" "$OUT")" "28 ['leicester']" "rows"
get "/download?what=csv&as_of=2025-03-31" "$(jar manager1)"; expect_eq "$STATUS" 200 "all, as of"
grep -qi 'filename="safeplan-actions-2025-03-31.csv"' "$ERR" && ok || bad "dated name"
python3 -c "import csv,sys; rows=list(csv.DictReader(open(sys.argv[1],encoding='utf-8-sig'))); assert len(rows)>0" "$OUT" && ok || bad "csv"
case_ "downloads: the committee pack read by python's zipfile"
get "/download?what=xlsx&authority=leicester" "$(jar clerk1)"; expect_eq "$STATUS" 200 "status"
grep -qi "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$ERR" && ok || bad "type"
python3 -c "
import zipfile,sys
z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
text=''.join(z.read(n).decode() for n in z.namelist() if n.endswith('.xml'))
assert 'Torbay' not in text and 'torbay' not in text, 'out of scope'
assert 'xl/workbook.xml' in z.namelist()" "$OUT" && ok || bad "xlsx"
ls "${TMPDIR:-/tmp}" | grep -q "safeplan-pack-" && bad "working files left" || ok
case_ "downloads: the HTML report"
get "/download?what=html&authority=leicester" "$(jar viewer1)"; expect_eq "$STATUS" 200 "status"
grep -qi "Content-Type: text/html" "$ERR" && ok || bad "type"; expect_out "<html"
expect_out_not "Torbay"
case_ "downloads: bad choices give the form again with the error"
get "/download?what=pdf" "$(jar manager1)"; expect_eq "$STATUS" 400 "what"; error_links what
get "/download?what=csv&as_of=yesterday-ish" "$(jar manager1)"; expect_eq "$STATUS" 400 "date"
error_links as_of

case_ "officer: the update form has no managers' fields, and sending them is refused"
get "/actions/$own_id" "$(jar officer1)"; expect_out 'name="note"'; expect_out_not 'name="due"'
expect_out_not 'name="rag"'; expect_out_not "signed_off"
n=$(updates); c=$(csrf officer1)
post "/actions/$own_id" "$(jar officer1)" "csrf=$c&due=2030-01-01&reason=slipped"
expect_eq "$STATUS" 403 "officer revises due"; expect_eq "$(updates)" "$n" "nothing changed"
post "/actions/$own_id" "$(jar officer1)" "csrf=$c&rag=green&reason=fine"
expect_eq "$STATUS" 403 "officer overrides RAG"
post "/actions/$own_id" "$(jar officer1)" "csrf=$c&status=signed_off&evidence=x"
expect_eq "$STATUS" 403 "officer signs off"; expect_eq "$(updates)" "$n" "nothing changed"
case_ "officer: a bad percent is shown against its field, values kept"
post "/actions/$own_id" "$(jar officer1)" "csrf=$c&note=kept+note&percent=150"
expect_eq "$STATUS" 400 "status"; error_links percent; expect_out "kept note"
expect_eq "$(updates)" "$n" "nothing changed"

case_ "manager: revised due date needs a reason (error linked, nothing changed)"
get "/actions/$own_id" "$(jar manager1)"; expect_out 'name="due"'; expect_out 'name="reason"'
m=$(csrf manager1)
post "/actions/$own_id" "$(jar manager1)" "csrf=$m&due=2030-01-31"
expect_eq "$STATUS" 400 "status"; error_links reason; expect_eq "$(updates)" "$n" "unchanged"
case_ "manager: revised due date with a reason, attributed to the account"
post "/actions/$own_id" "$(jar manager1)" "csrf=$m&due=TBC+-+January+2030&reason=Partner+delay"
expect_eq "$STATUS" 303 "status"
expect_eq "$(sql plan.db "SELECT author||'|'||new_due_on||'|'||reason||'|'||new_due_as_written
  FROM action_update ORDER BY id DESC LIMIT 1")" \
    "manager1|2030-01-31|Partner delay|TBC - January 2030" "history, with the words"
get "/actions/$own_id" "$(jar manager1)"
expect_out "<td class=\"govuk-table__cell\">TBC - January 2030</td>"
case_ "manager: RAG override with a reason"
post "/actions/$own_id" "$(jar manager1)" "csrf=$m&rag=amber&reason=Known+risk"
expect_eq "$STATUS" 303 "status"
expect_eq "$(sql plan.db "SELECT rag_override FROM action WHERE id=$own_id")" amber "override"
post "/actions/$own_id" "$(jar manager1)" "csrf=$m&rag=red"
expect_eq "$STATUS" 400 "override without reason"; error_links reason
case_ "manager: sign-off of an action someone else completed"
done_id=$(sql plan.db "SELECT id FROM action WHERE status='complete' LIMIT 1")
post "/actions/$done_id" "$(jar manager1)" "csrf=$m&status=signed_off&evidence=Audit+shows+it+worked"
expect_eq "$STATUS" 303 "status"
expect_eq "$(sql plan.db "SELECT status FROM action WHERE id=$done_id")" signed_off "signed off"
expect_eq "$(sql plan.db "SELECT author FROM action_update WHERE action_id=$done_id ORDER BY id DESC LIMIT 1")" \
    manager1 "author"
case_ "manager: a form without the CSRF token changes nothing"
n=$(updates)
post "/actions/$own_id" "$(jar manager1)" "rag=green&reason=x"; expect_eq "$STATUS" 403 "no token"
post /reassign "$(jar manager1)" "from=a&to=b&reason=c"; expect_eq "$STATUS" 403 "reassign no token"
post /transfer "$(jar manager1)" "csrf=$m&to=NHS&authority=leicester&reason=c" -H "Origin: http://evil.example"
expect_eq "$STATUS" 403 "cross-origin"; expect_eq "$(updates)" "$n" "nothing changed"

case_ "reassign: missing reason, out-of-scope authority, unknown owner: errors linked, nothing changed"
owner_name=$(sql plan.db "SELECT name FROM owner WHERE id=$owner_id")
ml=$(csrf managerl)
post /reassign "$(jar managerl)" "csrf=$ml&from=x&to=y&authority=leicester"
expect_eq "$STATUS" 400 "no reason"; error_links reason
post /reassign "$(jar managerl)" "csrf=$ml&from=x&to=y&authority=torbay&reason=r"
expect_eq "$STATUS" 400 "torbay"; error_links authority
post /reassign "$(jar managerl)" "csrf=$ml&from=x&to=y&reason=r"
expect_eq "$STATUS" 400 "no authority for a scoped manager"; error_links authority
post /reassign "$(jar managerl)" "csrf=$ml&from=Nobody+At+All&to=y&authority=leicester&reason=r"
expect_eq "$STATUS" 400 "unknown owner"; error_links from
post /reassign "$(jar managerl)" "csrf=$ml&from=x&to=y%00$(printf 'z%.0s' $(seq 40))&authority=leicester&reason=r"
expect_eq "$STATUS" 400 "a NUL"; error_links to
post /reassign "$(jar managerl)" "csrf=$ml&from=x&to=y&authority=leicester&reason=$(head -c 2000 /dev/zero | tr '\0' r)"
expect_eq "$STATUS" 400 "too long"; error_links reason
expect_eq "$(sql plan.db "SELECT count(*) FROM owner WHERE name LIKE 'y%'")" 0 "no owner made"
expect_eq "$(updates)" "$n" "nothing changed"
case_ "the reassign page's banner shows a count, never other text from the address"
get "/reassign?moved=Your+account+is+suspended" "$(jar managerl)"
expect_out_not "suspended"; expect_out_not "govuk-notification-banner--success"
case_ "reassign: moves the open actions in scope, attributed to the account"
post /reassign "$(jar managerl)" \
    "csrf=$ml&from=$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote_plus(sys.argv[1]))' "$owner_name")&to=Deputy+director&authority=leicester&reason=Restructure"
expect_eq "$STATUS" 303 "status"; grep -q "Location: /reassign?moved=[1-9]" "$ERR" && ok || bad "moved"
expect_eq "$(sql plan.db "SELECT DISTINCT author FROM action_update WHERE id > 0 AND reason='Restructure'")" \
    managerl "author"
get "$(sed -n 's/^Location: \(.*\)\r$/\1/p' "$ERR")" "$(jar managerl)"
expect_out "govuk-notification-banner--success"
case_ "transfer: needs a scope in the account's authorities"
n=$(updates)
post /transfer "$(jar managerl)" "csrf=$ml&to=NHS+trust&authority=leicester&review=torbay/x&reason=r"
expect_eq "$STATUS" 400 "review elsewhere"; error_links review
post /transfer "$(jar managerl)" "csrf=$ml&authority=leicester&reason=r"
expect_eq "$STATUS" 400 "no destination"; error_links to
expect_eq "$(updates)" "$n" "nothing changed"
case_ "viewers and officers cannot post managers' tasks"
v=$(csrf viewer1)
post /reassign "$(jar viewer1)" "csrf=$v&from=a&to=b&authority=leicester&reason=r"
expect_eq "$STATUS" 403 "viewer"
post /transfer "$(jar officer1)" "csrf=$c&to=b&authority=leicester&reason=r"
expect_eq "$STATUS" 403 "officer"; expect_eq "$(updates)" "$n" "nothing changed"

case_ "import: clerks only (and only those who see every authority)"
printf 'authority,authority_name,review,review_kind,review_title,finding_ref,finding_kind,theme,finding,action_ref,action,owner,due_on,status\r\n' >good.csv
printf 'newtown,Newtown Council,r1,other,Web review,1,recommendation,Theme,Finding one,1,Do the thing,Head of service,2031-03-31,in_progress\r\n' >>good.csv
printf 'newtown,Newtown Council,r1,other,Web review,1,recommendation,Theme,Finding one,2,Do another,Head of service,2031-13-45,in_progress\r\n' >bad.csv
head -1 good.csv | cat - bad.csv >bad2.csv; mv bad2.csv bad.csv
k=$(csrf clerk1)
upload() { STATUS=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' -b "$(jar "$1")" \
    -F "csrf=$2" -F "file=@$3" "$BASE/import"); }
for who in viewer1 officer1 manager1 admin1; do
    get /import "$(jar $who)"; expect_eq "$STATUS" 403 "$who import page"
done
upload manager1 "$m" good.csv; expect_eq "$STATUS" 403 "manager upload"
get /import "$(jar clerk1)"; expect_eq "$STATUS" 200 "clerk"; expect_out 'enctype="multipart/form-data"'
expect_out 'govuk-file-upload'
case_ "import: an upload without the CSRF token is refused"
STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$(jar clerk1)" -F "file=@good.csv" "$BASE/import")
expect_eq "$STATUS" 403 "no token"
case_ "import: a bad row is shown as the CLI shows it, nothing imported"
n=$(sql plan.db "SELECT count(*) FROM action")
upload clerk1 "$k" bad.csv; expect_eq "$STATUS" 400 "status"
"$SAFEPLAN_BIN" import bad.csv --dry-run >/dev/null 2>"$WORK/cli.err"
cli_msg=$(grep -o 'bad.csv:[0-9]*:[0-9]*: .*' "$WORK/cli.err" | head -1)
[ -n "$cli_msg" ] && python3 -c 'import html,sys; print(html.unescape(open(sys.argv[1]).read()))' "$OUT" \
    | grep -qF "$cli_msg" && ok || bad "CLI's message '$cli_msg' not on the page"
grep -q 'href="#file"' "$OUT" && ok || bad "error not linked to the field"
expect_out_not "Confirm and import"
expect_eq "$(sql plan.db "SELECT count(*) FROM action")" "$n" "nothing imported"
case_ "import: no file chosen"
STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$(jar clerk1)" -F "csrf=$k" "$BASE/import")
expect_eq "$STATUS" 400 "status"; error_links file
case_ "import: preview changes nothing; confirm imports, attributed to the clerk"
upload clerk1 "$k" good.csv; expect_eq "$STATUS" 200 "preview"; expect_out "What the import would do"
expect_out "Confirm and import"
expect_eq "$(sql plan.db "SELECT count(*) FROM action")" "$n" "dry run"
staged=$(sed -n 's/.*name="staged" value="\([A-Za-z0-9]*\)".*/\1/p' "$OUT")
post /import/confirm "$(jar manager1)" "csrf=$m&staged=$staged&filename=good.csv"
expect_eq "$STATUS" 403 "another role cannot confirm"
post /import/confirm "$(jar clerk1)" "csrf=$k&staged=../../etc&filename=good.csv"
expect_eq "$STATUS" 400 "a forged name"
post /import/confirm "$(jar clerk1)" "csrf=$k&staged=$staged&filename=good.csv"
expect_eq "$STATUS" 200 "confirm"; expect_out "Imported"
expect_eq "$(sql plan.db "SELECT count(*) FROM action")" "$((n + 1))" "one action added"
post /import/confirm "$(jar clerk1)" "csrf=$k&staged=$staged&filename=good.csv"
expect_eq "$STATUS" 400 "confirmed once only"
expect_eq "$(sql plan.db "SELECT count(*) FROM action")" "$((n + 1))" "not twice"

case_ "session time-out is announced on every signed-in page (WCAG 2.2.1)"
for page in /plan /summary /downloads "/actions/$own_id"; do
    get "$page" "$(jar viewer1)"; expect_out 'id="session-notice"'; expect_out "30 minutes"
done

case_ "pagination: Previous goes back page by page to the first, the same rows each way"
# 110 more not-started actions make three pages of them. Forward with a filter carried: each page's ids in
# order; then back along rel="prev" from the last page.
pages_fwd() {
    local url=$1 n=0
    while [ -n "$url" ] && [ $n -lt 50 ]; do
        get "$url" "$(jar manager1)"
        echo "$url|$(grep -o 'href="/actions/[0-9]*"' "$OUT" | grep -o '[0-9]*' | tr '\n' ' ')"
        url=$(grep -o 'href="[^"]*" rel="next"' "$OUT" | sed 's/href="\([^"]*\)".*/\1/; s/&amp;/\&/g')
        n=$((n + 1))
    done
}
finding=$("$SAFEPLAN_BIN" finding list --format csv | sed -n '2s/,.*//p')
for i in $(seq 110); do
    sp action add "$finding" --title "Paging action $i" --owner "Head of Early Help" \
        --start 2016-01-01 --due 2016-06-30
done
pages_fwd "/plan?status=not_started" >"$WORK/fwd"
expect_eq "$([ "$(wc -l <"$WORK/fwd")" -ge 3 ] && echo yes)" yes "at least three pages to go back over"
last=$(tail -1 "$WORK/fwd" | cut -d'|' -f1)
get "$last" "$(jar manager1)"
n=$(wc -l <"$WORK/fwd")
while [ "$n" -gt 1 ]; do
    url=$(grep -o 'href="[^"]*" rel="prev"' "$OUT" | sed 's/href="\([^"]*\)".*/\1/; s/&amp;/\&/g')
    n=$((n - 1))
    get "$url" "$(jar manager1)"
    expect_eq "$(grep -o 'href="/actions/[0-9]*"' "$OUT" | grep -o '[0-9]*' | tr '\n' ' ')" \
        "$(sed -n "${n}p" "$WORK/fwd" | cut -d'|' -f2)" "page $n reached by Previous"
    [ "$n" -gt 1 ] && { grep -q '>Previous page<\|>First page<' "$OUT" && ok || bad "page $n has no way back"; }
done
expect_out_not 'rel="prev"'

case_ "import: an unconfirmed upload goes at sign-out; one older than a session can live, at the next upload"
stage_dir=${TMPDIR:-/tmp}
old="$stage_dir/safeplan-import-test$$-oldold-AAAAAA"
echo "left over" >"$old"; touch -d '13 hours ago' "$old"
young="$stage_dir/safeplan-import-test$$-young-BBBBBB"
echo "another session's" >"$young"
upload clerk1 "$k" good.csv; expect_eq "$STATUS" 200 "preview"
[ -e "$old" ] && bad "a 13-hour-old upload was left" || ok
[ -e "$young" ] && ok || bad "another session's recent upload was removed"
mine=$(ls "$stage_dir" | grep -c "^safeplan-import-${k:0:16}-")
expect_eq "$([ "$mine" -ge 1 ] && echo staged)" staged "the preview's upload is staged"
post /sign-out "$(jar clerk1)" "csrf=$k"
expect_eq "$STATUS" 303 "sign-out"
expect_eq "$(ls "$stage_dir" | grep -c "^safeplan-import-${k:0:16}-")" 0 "the clerk's uploads after sign-out"
[ -e "$young" ] && ok || bad "sign-out removed another session's upload"
rm -f "$young"

kill -TERM $SERVER; wait $SERVER
finish

#!/bin/bash
# Paging the web service's lists on a plan of thousands of actions over
# eight authorities (bench/gen.py), on the real server: every page forward
# by "Next page" and back by "Previous page", for an account that sees
# every authority (the plan read per authority, Overdue in one run) and one
# that sees three (every list run per authority). Each list gives every row
# once, in the report's own order, and each page reached going back is the
# page shown going forward: the keys of the runs, the resuming at the key's
# run and the reading of an earlier run for a previous page all agree.
source "$(dirname "$0")/lib.sh"

python3 "$SP_SOURCE_DIR/bench/gen.py" --actions 3000 --authorities 8 --seed 7 big.csv 2>/dev/null \
    >/dev/null || { echo "setup failed: gen.py"; exit 1; }
"$SAFEPLAN_BIN" import big.csv >/dev/null 2>"$ERR" || { echo "setup failed: import"; cat "$ERR"; exit 1; }
codes=$(sql plan.db "SELECT code FROM authority ORDER BY code")
[ "$(echo "$codes" | wc -l)" = 8 ] || { echo "setup: expected 8 authorities"; exit 1; }
three=$(echo "$codes" | sed -n '2p;4p;7p')
adduser() { echo "$2" | "$SAFEPLAN_BIN" user add "$1" "${@:3}" >/dev/null 2>"$ERR" || {
    echo "setup failed: user add $1" >&2; cat "$ERR" >&2; exit 1; }; }
# An owner with 120 open actions over the three authorities, for My actions
# (set directly: this file tests paging, not the history).
mine=$(sql plan.db "SELECT min(id) FROM owner")
sql plan.db "UPDATE action SET owner_id = $mine WHERE id IN (SELECT x.id FROM action x
  JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
  JOIN authority a ON a.id = r.authority_id WHERE x.status IN ('not_started', 'in_progress')
  AND a.code IN ($(echo "$three" | sed "s/.*/'&'/" | paste -sd,)) ORDER BY x.id LIMIT 120)"
adduser all1 "all-pass-123" --role manager --authority all
adduser mine1 "mine-pass-123" --role officer --owner "$mine" $(for c in $three; do echo --authority "$c"; done)
adduser three1 "three-pass-12" --role viewer $(for c in $three; do echo --authority "$c"; done)

start_server

# walk NAME PASSWORD PATH: signs in, follows "Next page" from PATH to the
# end, then "Previous page" back to the start. Prints the ids in the order
# read going forward, one a line, then "pages N; back: same|DIFFERENT ...".
walk() {
    python3 - "$BASE" "$@" <<'PY'
import re, sys, urllib.parse, urllib.request
base, name, password, path = sys.argv[1:5]
class Keep(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a): return None
opener = urllib.request.build_opener(Keep)
def fetch(url, data=None, headers={}):
    req = urllib.request.Request(base + url, data=data, headers=headers)
    try:
        with opener.open(req) as r: return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e: return e.code, e.headers, e.read().decode()
status, headers, _ = fetch('/sign-in', urllib.parse.urlencode(
    {'name': name, 'password': password}).encode(), {'Origin': base})
cookie = headers['Set-Cookie'].split(';')[0]
def page(url):
    status, _, body = fetch(url, headers={'Cookie': cookie})
    assert status == 200, (url, status)
    ids = re.findall(r'href="/actions/([0-9]+)"', body)
    link = lambda rel: (re.findall(r'href="([^"]*)" rel="%s"' % rel, body) or [None])[0]
    unescape = lambda u: u and u.replace('&amp;', '&')
    return ids, unescape(link('next')), unescape(link('prev'))
forward, urls, url = [], [], path
while url and len(forward) < 200:
    urls.append(url)
    ids, url, _ = page(url)
    forward.append(ids)
# from the last page, back by the "Previous page" links
ids, _, url = page(urls[-1])
back = [ids]
while url and len(back) < 200:
    ids, _, url = page(url)
    back.append(ids)
for ids in forward:
    print('\n'.join(ids))
print('pages %d; back: %s' % (len(forward), 'same' if back[::-1] == forward
      else 'DIFFERENT %s' % [len(b) for b in back]))
PY
}
in_scope() { # CODES...: the SQL condition on an action x of those authorities
    echo "a.code IN ($(for c in "$@"; do printf "'%s'," "$c"; done | sed 's/,$//'))"; }
plan_order() { sql plan.db "SELECT x.id FROM action x JOIN finding f ON f.id = x.finding_id
  JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
  WHERE x.voided = 0 AND $1 ORDER BY a.code, r.started_on, r.ref, f.id, x.id"; }
overdue_order() { sql plan.db "SELECT x.id FROM action x JOIN finding f ON f.id = x.finding_id
  JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
  WHERE x.voided = 0 AND $1 AND x.status IN ('not_started', 'in_progress')
  AND x.due_on < '2017-07-01' ORDER BY $2"; }
# check WALK_OUTPUT WANT_IDS PAGES_AT_LEAST
check() {
    expect_eq "$(grep -v '^pages' "$1" | tr '\n' ' ')" "$(echo "$2" | tr '\n' ' ')" "every row once, in order"
    grep -q 'back: same' "$1" && ok || bad "$(tail -1 "$1")"
    [ "$(sed -n 's/^pages \([0-9]*\);.*/\1/p' "$1")" -ge "$3" ] && ok || bad "$(tail -1 "$1")"
}

case_ "the plan, every authority (read per authority): forward and back"
walk all1 all-pass-123 /plan >"$WORK/w1"
check "$WORK/w1" "$(plan_order 1)" 50
case_ "the plan, three authorities: forward and back"
walk three1 three-pass-12 /plan >"$WORK/w2"
check "$WORK/w2" "$(plan_order "$(in_scope $three)")" 15
case_ "Overdue, every authority (one run, most overdue first): forward and back"
walk all1 all-pass-123 "/overdue?as_of=2017-07-01" >"$WORK/w3"
check "$WORK/w3" "$(overdue_order 1 "x.due_on, x.id")" 5
case_ "Overdue, three authorities (per authority, each most overdue first): forward and back"
walk three1 three-pass-12 "/overdue?as_of=2017-07-01" >"$WORK/w4"
check "$WORK/w4" "$(overdue_order "$(in_scope $three)" "a.code, x.due_on, x.id")" 3
case_ "My actions, three authorities (per authority, each due soonest first): forward and back"
walk mine1 mine-pass-123 / >"$WORK/w5"
check "$WORK/w5" "$(sql plan.db "SELECT x.id FROM action x JOIN finding f ON f.id = x.finding_id
  JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
  WHERE x.voided = 0 AND $(in_scope $three) AND x.owner_id = $mine
  AND x.status IN ('not_started', 'in_progress') ORDER BY a.code, x.due_on NULLS LAST, x.id")" 3
case_ "a page whose key has left its run still resumes after it"
# The key of page 2 of the plan, with its run number changed to the last:
# the row is not in that run, so the reading starts again from the first.
get() { STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$WORK/all1.jar" "$BASE$1"); }
rm -f "$WORK/all1.jar"
curl -s -o /dev/null -c "$WORK/all1.jar" -H "Origin: $BASE" --data-raw "name=all1&password=all-pass-123" "$BASE/sign-in"
get /plan; key=$(grep -o 'after=[0-9]*\.[0-9]*' "$OUT" | head -1 | cut -d. -f2)
get "/plan?after=0.$key"; first=$(grep -o 'href="/actions/[0-9]*"' "$OUT" | head -1)
get "/plan?after=7.$key"; expect_eq "$STATUS" 200 "status"
expect_eq "$(grep -o 'href="/actions/[0-9]*"' "$OUT" | head -1)" "$first" "same page"

finish

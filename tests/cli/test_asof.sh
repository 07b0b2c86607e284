#!/usr/bin/env bash
# One meaning for --as-of and one rule for counting RAG (issue 12):
# every command shows the plan as it stood on the date, and summary,
# overdue, pack, report and export give the same numbers for the same date
# and filters, on every month end of the example plan's life and on random
# days. Also: revisions written as timescales count from the revision's
# date, and a past revised date needs --past.
. "$(dirname "$0")/lib.sh"

sp demo
DB=$SAFEPLAN_DB

case_ "action show --as-of: the owner and status of that day, not today's"
# Action 33 was reassigned on 2017-04-03 (history in the example plan).
OWNER_THEN=$(sql "$DB" "SELECT o.name FROM action_update u JOIN owner o ON o.id = u.old_owner_id
                        WHERE u.action_id = 33 AND u.new_owner_id IS NOT NULL")
OWNER_NOW=$(sql "$DB" "SELECT o.name FROM action x JOIN owner o ON o.id = x.owner_id WHERE x.id = 33")
field() { sed -n "s/^$1  *//p" "$OUT" | head -1; }
run action show 33 --as-of 2017-03-01
expect_status 0
expect_eq "$(field owner)" "$OWNER_THEN" "owner on 2017-03-01"
expect_eq "$(field status)" in_progress "status on 2017-03-01"
expect_out "RAG as of 2017-03-01: green"
run action show 33 --as-of 2017-03-01 --format json
expect_status 0
expect_eq "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d[0] if isinstance(d,list) else d.get("rows",[d])[0]; print(r["owner"])' "$OUT")" \
    "$OWNER_THEN" "json owner as it stood"
run action show 33
expect_eq "$(field owner)" "$OWNER_NOW" "owner today"

case_ "action show --as-of a day before the action existed says so"
run action show 33 --as-of 2012-01-01
expect_status 0
expect_err "was not yet in the plan on 2012-01-01"
expect_out "RAG as of 2012-01-01: not rated"

case_ "export --as-of: the plan as it stood, in reference order"
run export --as-of 2017-03-01 --no-bom
expect_status 0
python3 - "$OUT" "$OWNER_THEN" <<'PY' >"$WORK/exp.txt" 2>&1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
r = [x for x in rows if x['authority'] == 'windsor-maidenhead' and x['review'] == '2016-peer'
     and x['finding_ref'] == '2.4' and x['action_ref'] == '1']
print('owner-ok' if r and r[0]['owner'] == sys.argv[2] else 'owner-wrong %r' % r)
keys = [(x['authority'], x['review'], x['finding_ref'], x['action_ref']) for x in rows]
print('order-ok' if keys == sorted(keys) else 'order-wrong')
print('no-later', all((x['last_update_on'] or '') <= '2017-03-01' for x in rows))
PY
expect_eq "$(cat "$WORK/exp.txt")" "owner-ok
order-ok
no-later True" "export as of 2017-03-01"
run export --as-of 2012-05-01 --no-bom
expect_eq "$(python3 -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1])))))' "$OUT")" \
    0 "no action existed on 2012-05-01"

case_ "the same numbers from summary, overdue, pack, report and export on many dates"
# Quarter ends of the plan's life and 12 random days (a fixed seed, so a
# failure can be reproduced): five commands a day, so not every month end.
DATES=$(python3 - <<'PY'
import datetime, random
d, out = datetime.date(2012, 6, 30), []
while d <= datetime.date(2018, 12, 31):
    out.append(d)
    for _ in range(3):  # the next quarter end
        d = (d.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    d = (d.replace(day=1) + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
random.seed(12)
out += [datetime.date(2012, 6, 1) + datetime.timedelta(days=random.randrange(2400)) for _ in range(12)]
print(' '.join(x.isoformat() for x in out))
PY
)
compare_counts() { # DATE FILTER...: prints "ok" or what differs
    local day=$1
    shift
    "$SAFEPLAN_BIN" summary --as-of "$day" "$@" --format csv >"$WORK/s.csv" &&
        "$SAFEPLAN_BIN" overdue --as-of "$day" "$@" --format csv >"$WORK/o.csv" &&
        "$SAFEPLAN_BIN" export --as-of "$day" "$@" --no-bom >"$WORK/e.csv" &&
        "$SAFEPLAN_BIN" pack --as-of "$day" "$@" --out "$WORK/p.xlsx" >/dev/null &&
        "$SAFEPLAN_BIN" report --as-of "$day" "$@" --out "$WORK/r.html" >/dev/null ||
        { echo "a command failed on $day"; return; }
    python3 - "$WORK" "$day" <<'PY'
import csv, re, sys, zipfile, html
w, day = sys.argv[1], sys.argv[2]
colours = ['red', 'amber', 'green', 'blue', 'grey']
def rows(name):
    return list(csv.DictReader(open(f'{w}/{name}', newline='', encoding='utf-8')))
s = rows('s.csv')
summary = [sum(int(r[c]) for r in s) for c in ['total'] + colours]
overridden = sum(int(r['overridden']) for r in s)
overdue = len(rows('o.csv'))
e = rows('e.csv')
def computed(r):  # the rating before any override, from the reason
    m = re.search(r'computed (\w+)', r['rag_reason']) if r['rag_override'] else None
    return m.group(1) if m else r['rag']
export = [len(e)] + [sum(computed(r) == c for r in e) for c in colours]
export_over = sum(computed(r) != r['rag'] for r in e)
sheet = zipfile.ZipFile(f'{w}/p.xlsx').read('xl/worksheets/sheet1.xml').decode()
row = re.search(r'<t>Total</t></is></c>(.*?)</row>', sheet)
pack = [int(v) for v in re.findall(r'<v>(\d+)</v>', row.group(1))[:6]] if row else [0] * 6
page = html.unescape(open(f'{w}/r.html', encoding='utf-8').read())
m = re.search(r'(\d+) actions? in \d+ themes?: (\d+) red, (\d+) amber, (\d+) green, (\d+) blue '
              r'and (\d+) grey', page)
report = [int(x) for x in m.groups()] if m else [0] * 6
o = re.search(r'(\d+) actions? (?:is|are) shown otherwise by a manual override', page)
report_over = int(o.group(1)) if o else 0
got = {'summary': summary, 'export': export, 'pack': pack, 'report': report}
bad = [k for k, v in got.items() if v != summary]
if overdue != summary[1]:
    bad.append(f'overdue {overdue} != red {summary[1]}')
if not (overridden == export_over == report_over):
    bad.append(f'overridden summary {overridden} export {export_over} report {report_over}')
print('ok' if not bad else f'{day}: {bad} {got}')
PY
}
N=0
for day in $DATES; do
    expect_eq "$(compare_counts "$day")" ok "counts on $day"
    N=$((N + 1))
done
for day in 2016-12-31 2017-06-30; do
    expect_eq "$(compare_counts "$day" --authority windsor-maidenhead)" ok "counts on $day, one authority"
    expect_eq "$(compare_counts "$day" --theme leadership)" ok "counts on $day, one theme"
    expect_eq "$(compare_counts "$day" --status in_progress)" ok "counts on $day, one status"
done
expect_eq "$([ "$N" -gt 35 ] && echo many)" many "compared on $N dates"

case_ "a revision written as a timescale counts from the revision's date"
sp authority add tb --name "Test Borough"
sp review add tb r1 --kind other --title "Review"
sp finding add tb/r1 1 --kind recommendation --theme "Theme" --text "Finding"
sp action add tb/r1/1 --title "Action one" --owner "Head of Service" --start 2017-01-01 --due 2017-06-30
run action update tb/r1/1/1 --due "3 months" --reason "partner delay" --on 2017-06-30 --by "Head of Service"
expect_status 0
expect_eq "$(sql "$DB" "SELECT x.due_on FROM action x JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id WHERE r.ref = 'r1'")" \
    2017-09-30 "3 months from 2017-06-30, not from the start"

case_ "a revised due date already past is refused unless --past"
BEFORE=$(fingerprint "$DB")
run action update tb/r1/1/1 --due 2017-08-31 --reason "late record" --on 2017-09-15
expect_status 1
expect_err "already past on 2017-09-15"
expect_err "--past"
expect_eq "$(fingerprint "$DB")" "$BEFORE" "refused revision changed nothing"
run action update tb/r1/1/1 --due 2017-08-31 --reason "late record" --on 2017-09-15 --past
expect_status 0
run action update --help
expect_out "--past"

case_ "stale measures progress: administration does not reset the clock"
sp action add tb/r1/1 --title "Slow action" --owner "Team Manager" --start 2017-01-01 --due 2018-12-31
sp action update tb/r1/1/2 --note "Started the work" --on 2017-02-01 --by "Team Manager"
sp action reassign --from "Team Manager" --to "Service Manager" --on 2017-05-01 --by "Head of Service"
sp action update tb/r1/1/2 --rag amber --reason "watch it" --on 2017-05-02 --by "Head of Service"
sp action update tb/r1/1/2 --due 2018-06-30 --reason "partner delay" --on 2017-05-03 --by "Head of Service"
stale_from() { # AS_OF: the progress clock of tb/r1/1/2 in the stale list
    "$SAFEPLAN_BIN" stale --as-of "$1" --days 60 --authority tb --format csv |
        python3 -c 'import csv,sys; print(" ".join(r["counted_from_on"] for r in csv.DictReader(sys.stdin) if r["path"] == "tb/r1/1/2"))'
}
expect_eq "$(stale_from 2017-06-01)" 2017-02-01 "reassign, override and revision leave it stale"
sp action update tb/r1/1/2 --percent 10 --on 2017-05-20 --by "Service Manager"
expect_eq "$(stale_from 2017-06-01)" "" "a percentage is progress"
expect_eq "$(stale_from 2017-05-10)" 2017-02-01 "as it stood on 2017-05-10 (rebuilt)"
expect_eq "$(sql "$DB" "SELECT progress_on || ' ' || last_update_on FROM action WHERE description = 'Slow action'")" \
    "2017-05-20 2017-05-20" "progress_on kept by the trigger"
run stale --help
expect_out "Stale measures progress, not"
expect_out "does not reset it"

case_ "control characters in a title are shown, not obeyed (issue 17, item 8)"
sp action add tb/r1/1 --title "$(printf 'Legit title\rFAKE: all complete')" --owner "Head of Service" --due 2017-12-31
run action show tb/r1/1/3
expect_out 'Legit title\rFAKE: all complete'
if grep -q $'\r' "$OUT"; then bad "a raw CR reached action show"; else ok; fi
run action list tb
if grep -q $'\r' "$OUT"; then bad "a raw CR reached action list"; else ok; fi
run export --authority tb --no-bom
expect_eq "$(python3 -c 'import csv,sys; print(repr([r["action"] for r in csv.DictReader(open(sys.argv[1], newline="")) if r["action_ref"] == "3"][0]))' "$OUT")" \
    "'Legit title\\rFAKE: all complete'" "CSV keeps the CR exactly"

finish

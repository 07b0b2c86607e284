#!/usr/bin/env bash
# Closure with a second pair of eyes (issue #14): the claimant cannot sign
# off (CLI and import), a second person can, returning a claim needs a
# reason; the optional embedded step; claims awaiting verification in the
# pack and report; the checkpoint they print, verified; account changes
# chained, an edited one caught by verify.
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-07-01
sp demo
claimant="Chair of the Performance Analysis and Assurance Group"

case_ "C01 the claimant cannot sign off; the message names who claimed it and when"
run action update 55 --status signed_off --evidence "Audit" --by " CHAIR of the performance analysis and assurance group "
expect_status 1
expect_err "action leicester/2015-ofsted-lscb/P2/1 was claimed complete by $claimant on 2017-03-15"
expect_eq "$(sql plan.db "SELECT status FROM action WHERE id = 55")" "complete" "still complete"

case_ "C02 the claimant cannot sign off through an imported sheet either (file:line)"
run export --out sheet.csv
python3 - "$claimant" <<'PY'
import csv, sys
rows = list(csv.reader(open("sheet.csv", encoding="utf-8-sig", newline="")))
h = rows[0]
for r in rows[1:]:
    if r[0] == "leicester" and r[h.index("finding_ref")] == "P2" and r[h.index("action_ref")] == "1":
        r[h.index("status")] = "signed_off"
        r[h.index("last_update_by")] = sys.argv[1]
        r[h.index("last_update_on")] = "2017-06-30"
        r[h.index("last_update_evidence")] = "Audit of highlight reports"
csv.writer(open("same.csv", "w", encoding="utf-8-sig", newline="")).writerows(rows)
PY
before=$(fingerprint plan.db plan.db-wal)
run import same.csv
expect_status 1
expect_err "same.csv:14:"
expect_err "was claimed complete by $claimant on 2017-03-15"
expect_eq "$(fingerprint plan.db plan.db-wal)" "$before" "nothing imported"

case_ "C03 returning a claim needs a reason; a second person returns or signs off"
run action update 55 --status in_progress --by "Internal audit"
expect_status 1
expect_err "returning action leicester/2015-ofsted-lscb/P2/1 to in progress needs a reason"
run action update 55 --status signed_off --evidence "Highlight reports reach managers" --by "Internal audit"
expect_status 0
expect_eq "$(sql plan.db "SELECT status FROM action WHERE id = 55")" "signed_off" "signed off by a second person"

case_ "C04 embedded only when the setting is on, only for a signed-off action, with evidence"
run action embed 55 --evidence "Still in use a year on" --by "Internal audit"
expect_status 1
expect_err "the embedded step is off for this plan: turn it on with 'safeplan config set closure.embedded on'"
run config set closure.embedded maybe
expect_status 1
expect_err "closure.embedded must be on or off (1 or 0), not 'maybe'"
run config set closure.embedded on
expect_status 0
expect_out "closure.embedded = 1 (was 0)"
run action embed 55 --by "Internal audit"
expect_status 2
expect_err "missing --evidence"
awaiting=$(sql plan.db "SELECT id FROM action WHERE status = 'complete' ORDER BY id LIMIT 1")
run action embed "$awaiting" --evidence "x" --by "Internal audit"
expect_status 1
expect_err "only a signed-off action can be recorded embedded"
run action embed 55 --evidence "Still in use a year on" --by "Internal audit" --on 2017-06-30
expect_status 0
expect_out "Embedded: on 2017-06-30, recorded by Internal audit; evidence: Still in use a year on"
expect_eq "$(sql plan.db "SELECT status FROM action WHERE id = 55")" "signed_off" "stays signed off"
run action show 55
expect_out "Embedded: on 2017-06-30, recorded by Internal audit"
run check
expect_status 0

case_ "C05 awaiting verification, N days, in the HTML report and the pack"
# The longest-waiting claim as of the pack date, worked out independently.
read -r aid apath adays <<<"$(sql plan.db "SELECT x.id, a.code||'/'||r.ref||'/'||f.ref||'/'||x.ref,
    CAST(julianday('2017-07-01') - julianday(max(u.on_date)) AS INTEGER)
    FROM action x JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
    JOIN authority a ON a.id = r.authority_id JOIN action_update u ON u.action_id = x.id
    WHERE x.status = 'complete' AND u.new_status = 'complete'
    GROUP BY x.id ORDER BY 3 DESC, x.id LIMIT 1" | tr '|' ' ')"
sp key generate "$WORK/signing.key"
run report --out report.html --key "$WORK/signing.key"
expect_status 0
run pack --out pack.xlsx --key "$WORK/signing.key"
expect_status 0
python3 - "$apath" "$adays" <<'PY' && ok || bad "awaiting verification not shown as expected"
import sys, zipfile, re, html.parser
path, days = sys.argv[1], sys.argv[2]
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.rows = []; s.inside = False; s.row = None; s.cell = None
    def handle_starttag(s, t, a):
        a = dict(a)
        if t == "section" and a.get("id") == "awaiting": s.inside = True
        if s.inside and t == "tr": s.row = []
        if s.inside and t == "td": s.cell = ""
    def handle_endtag(s, t):
        if t == "section": s.inside = False
        if s.inside and t == "td": s.row.append(s.cell); s.cell = None
        if s.inside and t == "tr" and s.row: s.rows.append(s.row); s.row = None
    def handle_data(s, d):
        if s.cell is not None: s.cell += d
p = P(); p.feed(open("report.html", encoding="utf-8").read())
assert p.rows, "no awaiting rows in the report"
assert p.rows[0][0] == days and p.rows[0][1].startswith(path), p.rows[0]
z = zipfile.ZipFile("pack.xlsx")
wb = z.read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]+)"', wb)
assert "Awaiting verification" in names, names
sheet = z.read("xl/worksheets/sheet%d.xml" % (names.index("Awaiting verification") + 1)).decode()
strings = z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in z.namelist() else ""
# constant_memory workbooks write inline strings
cells = re.findall(r'<c r="([A-Z]+)2"[^>]*>(.*?)</c>', sheet)
vals = {c: re.sub(r"<[^>]+>", "", v) for c, v in cells}
assert vals.get("A") == days and vals.get("B") == path, vals
PY

case_ "C06 the checkpoint in the report and the pack verifies; unsigned says so"
run verify --checkpoint report.html --key "$WORK/signing.key.pub"
expect_status 0
expect_out "ok    checkpoint  the history extends the checkpoint's"
python3 - <<'PY' && ok || bad "cannot cut the checkpoint from the pack"
import zipfile, re
z = zipfile.ZipFile("pack.xlsx")
names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
sheet = z.read("xl/worksheets/sheet%d.xml" % (names.index("Summary") + 1)).decode()
lines = []
for row in re.findall(r"<row [^>]*>(.*?)</row>", sheet, re.S):
    t = re.findall(r"<t[^>]*>(.*?)</t>", row, re.S)
    if t: lines.append(t[0])
lines = lines[lines.index("safeplan checkpoint 1"):]
cut = lines[:lines.index(next(l for l in lines if l.startswith("signature: "))) + 1]
open("pack.checkpoint", "w").write("\n".join(cut) + "\n")
PY
run verify --checkpoint pack.checkpoint --key "$WORK/signing.key.pub"
expect_status 0
expect_out "ok    checkpoint  the history extends the checkpoint's"
# The history extended by normal use still extends it.
run action update 5 --note "Met with schools" --by "Head of Service"
run verify --checkpoint report.html
expect_status 0
run report --out unsigned.html
expect_status 0
grep -q "Unsigned: no key was given" unsigned.html && ok || bad "no unsigned note"
run verify --checkpoint unsigned.html
expect_status 1
expect_out "it is unsigned"

case_ "C07 account changes are chained; verify catches an edited one"
printf 'a long test password\n' | "$SAFEPLAN_BIN" user add clerk --role clerk --authority all >/dev/null || bad "user add"
printf 'another long password\n' | "$SAFEPLAN_BIN" user passwd clerk >/dev/null || bad "user passwd"
sp user disable clerk
run user events --format csv
expect_out "clerk,added,clerk,"
expect_out "clerk,password changed,,"
expect_out "clerk,disabled,,"
expect_eq "$(sql plan.db "SELECT count(*) FROM account_event WHERE coalesce(detail,'') LIKE '%argon%'")" "0" "no password hash"
run verify
expect_status 0
seq=$(sql plan.db "SELECT seq FROM ledger WHERE entry_table = 'account_event' ORDER BY seq DESC LIMIT 1")
cp plan.db t.db
sqlite3 -batch t.db "DROP TRIGGER account_event_no_update; UPDATE account_event SET event = 'enabled' WHERE event = 'disabled'" || bad "tamper failed"
run --db t.db verify
expect_status 1
expect_out "entry $seq (account event 3) was changed after it was recorded"
# The embedded record is chained too.
cp plan.db e.db
sqlite3 -batch e.db "DROP TRIGGER action_embedded_no_update; UPDATE action_embedded SET evidence = 'made up'" || bad "tamper failed"
run --db e.db verify
expect_status 1
expect_out "(embedded record 1) was changed after it was recorded"

finish

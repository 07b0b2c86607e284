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

case_ "C02a the claimant spelt with a tab, newline, no-break or zero-width space, a doubled space, in capitals or full-width letters cannot sign off"
before=$(fingerprint plan.db plan.db-wal)
run action update 55 --status signed_off --evidence "Audit" --by "$claimant"$'\t'
expect_status 1
expect_err "update author contains a tab: a name is one line of text"
run action update 55 --status signed_off --evidence "Audit" --by "$claimant"$'\n'
expect_status 1
expect_err "update author contains a newline: a name is one line of text"
SAFEPLAN_USER="$claimant"$'\r' run action update 55 --status signed_off --evidence "Audit"
expect_status 1
expect_err "update author contains a carriage return"
for by in "$claimant"$'\u00a0' $'\u200b'"$claimant" "${claimant/Performance/$'\u200b'Performance}" \
          "${claimant/ of / of  }" $'\u3000'"$claimant"$'\ufeff' "${claimant^^}" \
          "${claimant/Chair/$'\uff23\uff48'air}"; do
    run action update 55 --status signed_off --evidence "Audit" --by "$by"
    expect_status 1
    expect_err "was claimed complete by $claimant on 2017-03-15: signing it off needs a second person"
done
expect_eq "$(fingerprint plan.db plan.db-wal)" "$before" "nothing written"

case_ "C02b an imported sheet signing off as the claimant with a trailing tab is refused too"
# resign OUT BY ON: same.csv with its sign-off row by BY, dated ON.
resign() {
    python3 - "$claimant" "$@" <<'PY'
import csv, sys
claimant, out, by, on = sys.argv[1:]
rows = list(csv.reader(open("same.csv", encoding="utf-8-sig", newline="")))
h = rows[0]
for r in rows[1:]:
    if r[h.index("last_update_by")] == claimant and r[h.index("status")] == "signed_off":
        r[h.index("last_update_by")], r[h.index("last_update_on")] = by, on
csv.writer(open(out, "w", encoding="utf-8-sig", newline="")).writerows(rows)
PY
}
resign tab.csv "$claimant"$'\t' 2017-06-30
run import tab.csv
expect_status 1
expect_err "tab.csv:14:"
expect_err "author of the update contains a tab"
expect_eq "$(fingerprint plan.db plan.db-wal)" "$before" "nothing imported"

case_ "C02c a claim stored with odd white space before the rule is still the claimant's"
cp plan.db old.db
sqlite3 -batch old.db "DROP TRIGGER action_update_no_update; UPDATE action_update SET author = author || char(9) || char(160) WHERE action_id = 55 AND new_status = 'complete'" || bad "tamper failed"
run --db old.db action update 55 --status signed_off --evidence "Audit" --by "$claimant"
expect_status 1
expect_err "signing it off needs a second person"

case_ "C02d a sign-off dated before the claim is refused, from the CLI and from a sheet"
run action update 55 --status signed_off --evidence "Audit" --by "Internal audit" --on 2016-10-01
expect_status 1
expect_err "--on 2016-10-01 is before 2017-03-15, when action leicester/2015-ofsted-lscb/P2/1 was claimed complete: a sign-off cannot be dated before the claim it signs off"
resign early.csv "Internal audit" 2017-03-14
run import early.csv
expect_status 1
expect_err "early.csv:14:"
expect_err "last_update_on 2017-03-14 is before 2017-03-15"
expect_eq "$(fingerprint plan.db plan.db-wal)" "$before" "nothing imported"
run action show 55 --as-of 2016-12-01
expect_eq "$(awk '$1 == "status" {print $2}' "$OUT")" "in_progress" "status as of a day before the claim"

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
expect_status 1
expect_err "--on 2017-06-30 is before 2017-07-01, when action leicester/2015-ofsted-lscb/P2/1 was signed off: it cannot be recorded embedded before it was signed off"
run action embed 55 --evidence "Still in use a year on" --by "Internal audit" --on 2010-01-01
expect_status 1
expect_err "was signed off: it cannot be recorded embedded before it was signed off"
run action embed 55 --evidence "Still in use a year on" --by "$(printf 'Internal\taudit')"
expect_status 1
expect_err "the author (--by) contains a tab: a name is one line of text"
run action embed 55 --evidence "Still in use a year on" --by "Internal audit" --on 2017-07-01
expect_status 0
expect_out "Embedded: on 2017-07-01, recorded by Internal audit; evidence: Still in use a year on"
expect_eq "$(sql plan.db "SELECT status FROM action WHERE id = 55")" "signed_off" "stays signed off"
run action show 55
expect_out "Embedded: on 2017-07-01, recorded by Internal audit"
run check
expect_status 0

# awaiting.py REPORT PACK: the claims awaiting verification in the report
# and in the pack ("DAYS PATH; ..."), and the report's count of sign-offs
# without evidence of impact.
cat >"$WORK/awaiting.py" <<'PY'
import sys, re, zipfile, html.parser
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.rows = []; s.inside = False; s.cells = None; s.cell = None
    def handle_starttag(s, t, a):
        a = dict(a)
        if t == "section" and a.get("id") == "awaiting": s.inside = True
        if s.inside and t == "tr": s.cells = []
        if s.inside and s.cells is not None and (t == "td" and not s.cells or
                                                 t == "span" and a.get("class") == "path"):
            s.cell = ""
    def handle_endtag(s, t):
        if t == "section": s.inside = False
        if s.cell is not None and t in ("td", "span"): s.cells.append(s.cell); s.cell = None
        if s.inside and t == "tr" and s.cells: s.rows.append(" ".join(s.cells)); s.cells = None
    def handle_data(s, d):
        if s.cell is not None: s.cell += d
page = open(sys.argv[1], encoding="utf-8").read()
p = P(); p.feed(page)
m = re.search(r"Data quality: (\d+) actions? signed off without evidence", page)
z = zipfile.ZipFile(sys.argv[2])
names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
sheet = z.read("xl/worksheets/sheet%d.xml" % (names.index("Awaiting verification") + 1)).decode()
rows = []
for row in re.findall(r'<row r="(?:[2-9]|\d\d+)"[^>]*>(.*?)</row>', sheet, re.S):
    v = dict(re.findall(r'<c r="([AB])\d+"[^>]*>(.*?)</c>', row))
    rows.append(" ".join(re.sub(r"<[^>]+>", "", v[c]) for c in "AB"))
print("report: " + "; ".join(p.rows))
print("pack: " + "; ".join(rows))
print("unevidenced: %s" % (m.group(1) if m else 0))
PY

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
python3 "$WORK/awaiting.py" report.html pack.xlsx >"$WORK/awaiting"
expect_eq "$(sed -n 's/^report: \([^;]*\).*/\1/p' "$WORK/awaiting")" "$adays $apath" "the report's longest wait"
expect_eq "$(sed -n 's/^pack: \([^;]*\).*/\1/p' "$WORK/awaiting")" "$adays $apath" "the pack's longest wait"

case_ "C05b a report or pack narrowed lists its own claims and sign-offs, as sqlite3 finds them"
# Narrowed by owner or status, a pack holds a few of its part's actions and
# reads their claims and sign-offs by id (pack_data.c, sp_pack_awaiting); a
# council's reads them through the filters. Each list must be what the
# whole plan's has for those actions, in order.
# The claims and sign-offs of the actions WHERE $1 holds, worked out here.
narrowed_expected() {
    local claims unevidenced
    claims=$(sql plan.db "SELECT CAST(julianday('2017-07-01') - julianday(u.on_date) AS INTEGER)
        || ' ' || a.code || '/' || r.ref || '/' || f.ref || '/' || x.ref
        FROM action x JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
        JOIN authority a ON a.id = r.authority_id
        JOIN action_update u ON u.id = (SELECT v.id FROM action_update v WHERE v.action_id = x.id
            AND v.new_status IS NOT NULL ORDER BY v.on_date DESC, v.id DESC LIMIT 1)
        WHERE u.new_status = 'complete' AND x.voided = 0 AND $1
        ORDER BY julianday('2017-07-01') - julianday(u.on_date) DESC, x.id" | paste -sd';' | sed 's/;/; /g')
    unevidenced=$(sql plan.db "SELECT count(*) FROM action x WHERE x.status = 'signed_off'
        AND x.voided = 0 AND $1 AND NOT EXISTS (SELECT 1 FROM action_update u
            WHERE u.action_id = x.id AND trim(coalesce(u.evidence, '')) <> '')")
    printf 'report: %s\npack: %s\nunevidenced: %s\n' "$claims" "$claims" "$unevidenced"
}
narrowed_check() { # WHERE OPTION VALUE
    run report --out narrowed.html "$2" "$3"
    expect_status 0
    run pack --out narrowed.xlsx "$2" "$3"
    expect_status 0
    expect_eq "$(python3 "$WORK/awaiting.py" narrowed.html narrowed.xlsx)" "$(narrowed_expected "$1")" "$2 $3"
}
run action update 48 --status signed_off --no-evidence "Not yet measured" --by "Internal audit"
expect_status 0
narrowed_check "x.status = 'complete'" --status complete
claimed=0 unevidenced=0
for o in $(sql plan.db "SELECT id FROM owner ORDER BY id"); do
    narrowed_check "x.owner_id = $o" --owner "$o"
    claimed=$((claimed + $(sql plan.db "SELECT count(*) FROM action WHERE owner_id = $o AND status = 'complete'") ))
    case "$(python3 "$WORK/awaiting.py" narrowed.html narrowed.xlsx)" in
        *"unevidenced: 0") ;; *) unevidenced=$((unevidenced + 1)) ;; esac
done
# A council's part: its claims through the filters, its sign-offs too.
for a in $(sql plan.db "SELECT code FROM authority ORDER BY id"); do
    narrowed_check "x.finding_id IN (SELECT f.id FROM finding f JOIN review r ON r.id = f.review_id
        JOIN authority a ON a.id = r.authority_id WHERE a.code = '$a')" --authority "$a"
    case "$(python3 "$WORK/awaiting.py" narrowed.html narrowed.xlsx)" in
        *"unevidenced: 0") ;; *) unevidenced=$((unevidenced + 1)) ;; esac
done
# Owners and councils with claims and with unevidenced sign-offs were
# among those checked.
[ "$claimed" -ge 3 ] && [ "$unevidenced" -ge 4 ] && ok || bad "the demo lacks narrowed cases: $claimed claims, $unevidenced owners unevidenced"

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

case_ "C20 after an undone sign-off: the claimant still cannot sign off, and the sign-off can be recorded again under its own date"
(
    export SAFEPLAN_DB=$WORK/undo.db SAFEPLAN_TODAY=2018-07-01
    sp init; sp authority add tor --name T; sp review add tor r1 --kind other --title R
    sp finding add tor/r1 1 --kind recommendation --theme Th --text F
    sp action add tor/r1/1 --title A --owner O --due 2018-09-30 --start 2018-05-01
    sp action update 1 --status in_progress --note a --on 2018-06-01 --by Zoe
    sp action update 1 --status complete --note done --evidence e --on 2018-06-10 --by Zoe
    sp action update 1 --status signed_off --evidence e2 --on 2018-06-12 --by Mgr
    sp undo --by "Deputy"
    run action update 1 --status signed_off --evidence e2 --on 2018-06-12 --by Zoe
    expect_status 1; expect_err "claimed complete by Zoe on 2018-06-10"
    run action update 1 --status signed_off --evidence e2 --on 2018-06-12 --by Deputy
    expect_status 0
    finish >/dev/null
) && ok || bad "C20"

finish

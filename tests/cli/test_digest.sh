#!/usr/bin/env bash
# safeplan digest through the real binary: every message parsed with
# Python's email package (headers, encodings, both parts), the mbox read
# with Python's mailbox, a maildir read back, and delivery through a stub
# sendmail that records its arguments and input. The sent log keeps a
# day's digest to one per owner.
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-09-01
DB=$SAFEPLAN_DB

# A plan on 2017-09-01 (hand-worked):
#   Head of Service:  1/1 due 2017-08-02, open: 30 days overdue
#                     1/2 due 2017-09-10: due in 9 days
#                     1/3 due 2017-12-31, no update since start 2017-02-01: stale (212 days)
#                     1/4 due 2017-12-31, updated 2017-08-20: nothing to say
#   Directrice générale des services (UTF-8 name): 2/1 due 2017-09-01: due today
#   LSCB Business Manager (no email): 2/2 overdue 1 day
#   Quality Lead: 2/3 complete: nothing to say (no message)
#   Partnership Manager: 2/4 due 2017-09-25, updated 2017-08-25: due in 24 days
#                     (only with --days 30)
sp init
sp authority add tb --name "Torbay Council"
sp review add tb peer --kind lga_peer_review --title "LGA safeguarding peer review" --from 2017-01-09
sp finding add tb/peer 1 --kind recommendation --theme "Capacity" --text "Streamline paperwork"
sp finding add tb/peer 2 --kind recommendation --theme "Partnership" --text "Share data"
sp owner add "Head of Service" --email hos@torbay.example
sp owner add "Directrice générale des services" --email dgs@torbay.example
sp owner add "LSCB Business Manager"
sp owner add "Quality Lead" --email ql@torbay.example
sp owner add "Partnership Manager" --email pm@torbay.example
add() { sp action add "$1" --title "$2" --owner "$3" --start 2017-02-01 --due "$4"; }
add tb/peer/1 "Remove unnecessary ICS fields — “quoted” & <b>bold</b>" "Head of Service" 2017-08-02
add tb/peer/1 "Audit of caseloads" "Head of Service" 2017-09-10
add tb/peer/1 "Recruit a principal social worker" "Head of Service" 2017-12-31
add tb/peer/1 "Revise thresholds" "Head of Service" 2017-12-31
add tb/peer/2 "Joint data protocol" "Directrice générale des services" 2017-09-01
add tb/peer/2 "Board website" "LSCB Business Manager" 2017-08-31
add tb/peer/2 "Quality audit" "Quality Lead" 2017-08-01
add tb/peer/2 "Partner survey" "Partnership Manager" 2017-09-25
sp action update tb/peer/1/4 --note "Draft thresholds out for comment" --on 2017-08-20
sp action update tb/peer/2/4 --note "Survey drafted" --on 2017-08-25
sp action update tb/peer/2/3 --status in_progress --on 2017-03-01
sp action update tb/peer/2/3 --status complete --note "Done" --on 2017-07-01

# mail_facts FILE KIND: parses every message (an mbox, a maildir or a file
# of messages recorded by the stub) and prints facts, one per line.
cat >"$WORK/mail_facts.py" <<'PY'
import email, email.policy, email.utils, html.parser, mailbox, os, re, sys
path, kind = sys.argv[1], sys.argv[2]
if kind == 'mbox':
    raws = [m.as_bytes(unixfrom=False) for m in mailbox.mbox(path, create=False)]
elif kind == 'maildir':
    raws = [m.as_bytes() for m in mailbox.Maildir(path, factory=None, create=False)]
else:
    raws = [open(os.path.join(path, f), 'rb').read() for f in sorted(os.listdir(path))]
print('count=%d' % len(raws))
ids = set()
class Html(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.lang = None; self.scoped = 0; self.text = ''
    def handle_starttag(self, tag, attrs):
        a = dict(attrs); self.tags.append(tag)
        if tag == 'html': self.lang = a.get('lang')
        if tag == 'th' and a.get('scope'): self.scoped += 1
    def handle_data(self, d): self.text += d
for raw in raws:
    problems = []
    try:
        raw.decode('ascii')
    except UnicodeDecodeError:
        problems.append('8bit')
    header_part = raw.split(b'\n\n', 1)[0]
    if any(len(l) > 78 for l in header_part.split(b'\n')):
        problems.append('long header line')
    if any(len(l) > 998 for l in raw.split(b'\n')):
        problems.append('line over 998')
    m = email.message_from_bytes(raw, policy=email.policy.default)
    for h in ('From', 'To', 'Subject', 'Date', 'Message-ID', 'Auto-Submitted', 'List-ID',
              'MIME-Version'):
        if m[h] is None:
            problems.append('no ' + h)
    if m.get_content_type() != 'multipart/alternative':
        problems.append('type ' + m.get_content_type())
    parts = [p.get_content_type() for p in m.iter_parts()]
    if parts != ['text/plain', 'text/html']:
        problems.append('parts %s' % parts)
    for p in m.iter_parts():
        if p.get_content_charset() != 'utf-8':
            problems.append('charset %s' % p.get_content_charset())
    email.utils.parsedate_to_datetime(str(m['Date']))
    ids.add(str(m['Message-ID']))
    to = m['To'].addresses[0]
    text = m.get_body(('plain',)).get_content()
    page = m.get_body(('html',)).get_content()
    h = Html(); h.feed(page)
    if h.lang != 'en-GB' or 'title' not in h.tags or h.scoped < 3:
        problems.append('html: lang %s, scoped th %d' % (h.lang, h.scoped))
    if any(len(l) > 78 for l in text.split('\n')):
        problems.append('text line over 78')
    paths = sorted(set(re.findall(r'tb/peer/\d/\d', text)))
    hpaths = sorted(set(re.findall(r'tb/peer/\d/\d', h.text)))
    if paths != hpaths:
        problems.append('parts differ: %s %s' % (paths, hpaths))
    print('msg=%s|%s|%s|%s|%s|%s' % (to.addr_spec, to.display_name, ','.join(paths),
                                     m['Subject'], m['Auto-Submitted'], ';'.join(problems)))
    print('from=%s' % m['From'])
    print('listid=%s' % m['List-ID'])
    for line in text.split('\n'):
        if line.strip().startswith(('When:', 'RAG:', 'Update it:')):
            print('line.%s=%s' % (to.addr_spec, line.strip()))
    if '“quoted” & <b>bold</b>' in text:
        print('unicode_text=ok')
    if '“quoted” &amp; &lt;b&gt;bold&lt;/b&gt;' in page:
        print('escaped_html=ok')
print('unique_ids=%d' % len(ids))
PY
facts() { python3 "$WORK/mail_facts.py" "$1" "$2" >"$WORK/facts" 2>"$WORK/facts.err" || cat "$WORK/facts.err" >&2; }
fact() { sed -n "s/^$1=//p" "$WORK/facts"; }

case_ "help and misuse"
run digest --help; expect_status 0; expect_out "Usage: safeplan digest"; expect_out "--sendmail"
run digest --maildir x --sendmail; expect_status 2; expect_err "give one of --maildir DIR and --sendmail"
run digest --days soon; expect_status 2; expect_err "--days 'soon'"
run digest --preview --sendmail; expect_status 2; expect_err "--preview"
run digest --as-of someday; expect_status 2; expect_err "--as-of 'someday'"

case_ "a sender address is needed first, and checked"
run digest
expect_status 1; expect_err "no sender address"; expect_no_out
run digest --set-from "not an address"
expect_status 1; expect_err "digest.from 'not an address' is not valid"
run digest --set-from "Torbay plan <plan@torbay.example>"
expect_status 0; expect_out "digest.from = Torbay plan <plan@torbay.example>"

case_ "preview: an mbox on stdout, one message per owner, nothing logged"
run digest --preview
expect_status 0
expect_err "no email for owner 'LSCB Business Manager' (1 action to hear about)"
cp "$OUT" preview.mbox
facts preview.mbox mbox
expect_eq "$(fact count)" "2" "Head of Service and the Directrice"
expect_eq "$(fact unique_ids)" "2" "distinct Message-IDs"
expect_eq "$(fact msg | cut -d'|' -f1,2,3)" \
    "dgs@torbay.example|Directrice générale des services|tb/peer/2/1
hos@torbay.example|Head of Service|tb/peer/1/1,tb/peer/1/2,tb/peer/1/3" "who gets what"
expect_eq "$(fact msg | cut -d'|' -f6 | sort -u)" "" "no problems in any message"
expect_eq "$(fact msg | cut -d'|' -f5 | sort -u)" "auto-generated" "Auto-Submitted"
expect_eq "$(fact from | sort -u)" "Torbay plan <plan@torbay.example>" "From"
expect_eq "$(fact listid | sort -u)" "Improvement plan reminders <reminders.safeplan.torbay.example>" "List-ID"
expect_eq "$(fact msg | grep hos@ | cut -d'|' -f4)" \
    "Improvement plan: 3 actions need you (1 overdue, 1 due soon, 1 stale) on 1 September 2017" "subject"
expect_eq "$(fact line.hos@torbay.example | head -3)" \
    "When: 30 days overdue (due 2 August 2017)
RAG: red: 30 days past due date 2017-08-02
Update it: safeplan action update tb/peer/1/1 --note \"...\"" "what, how late, why, how"
fact line.hos@torbay.example | grep -qF "When: due in 9 days (10 September 2017)" && ok || bad "due soon"
fact line.hos@torbay.example | grep -qF "When: no progress for 212 days; due 31 December 2017" && ok || bad "stale"
fact line.dgs@torbay.example | grep -qF "When: due today (1 September 2017)" && ok || bad "due today"
expect_eq "$(fact unicode_text)" "ok" "UTF-8 text survives"
expect_eq "$(fact escaped_html)" "ok" "HTML part escapes the plan's text"
grep -q '^To: =?UTF-8?B?' preview.mbox && ok || bad "non-ASCII name as an RFC 2047 encoded word"
expect_eq "$(sql "$DB" "SELECT count(*) FROM digest_sent")" "0" "preview logs nothing"

case_ "mbox delivery is logged; the same day's run sends nothing again; --force resends"
run digest
expect_status 0
cp "$OUT" day1.mbox
facts day1.mbox mbox
expect_eq "$(fact count)" "2" "two messages"
expect_eq "$(sql "$DB" "SELECT count(*) FROM digest_sent WHERE sent_on = '2017-09-01'")" "2" "logged"
run digest
expect_status 0; expect_no_out; expect_err "0 digests written for 2017-09-01 (owners already sent"
run digest --force
expect_status 0
cp "$OUT" forced.mbox
facts forced.mbox mbox
expect_eq "$(fact count)" "2" "forced resend"
expect_eq "$(sql "$DB" "SELECT count(*) FROM digest_sent WHERE forced = 1")" "2" "forced rows"
run digest --log --format csv
expect_status 0
expect_eq "$(tail -n +2 "$OUT" | wc -l)" "4" "the log lists all four"
head -1 "$OUT" | grep -qF "sent_on,as_of,owner,address,items,within_days,delivery,forced,message_id,recorded_at" && ok || bad "log columns"
sqlite3 "$DB" "DELETE FROM digest_sent" 2>/dev/null && bad "the sent log can be deleted" || ok
expect_eq "$(sql "$DB" "SELECT count(*) FROM digest_sent")" "4" "log kept"

case_ "the next day sends again"
export SAFEPLAN_TODAY=2017-09-02
run digest --owner "Head of Service"
expect_status 0
cp "$OUT" day2.mbox
facts day2.mbox mbox
expect_eq "$(fact count)" "1" "one owner asked for"
expect_eq "$(fact msg | cut -d'|' -f1)" "hos@torbay.example" "that owner"

case_ "--days widens due soon"
run digest --preview --days 30
facts "$OUT" mbox
expect_eq "$(fact msg | cut -d'|' -f1 | tr '\n' ' ')" "dgs@torbay.example hos@torbay.example pm@torbay.example " "partnership manager due in 23 days"

case_ "maildir delivery"
export SAFEPLAN_TODAY=2017-09-03
run digest --maildir "$WORK/Maildir"
expect_status 0; expect_out "2 digests delivered for 2017-09-03"
expect_eq "$(ls "$WORK/Maildir/new" | wc -l),$(ls "$WORK/Maildir/tmp" | wc -l)" "2,0" "two in new/, none left in tmp/"
facts "$WORK/Maildir" maildir
expect_eq "$(fact count),$(fact msg | cut -d'|' -f6 | sort -u)" "2," "maildir messages parse cleanly"
expect_eq "$(sql "$DB" "SELECT group_concat(DISTINCT delivery) FROM digest_sent WHERE sent_on = '2017-09-03'")" "maildir" "logged as maildir"

case_ "sendmail delivery through a stub that records its input"
export SAFEPLAN_TODAY=2017-09-04
mkdir -p "$WORK/bin" "$WORK/sent"
cat >"$WORK/bin/sendmail" <<'SH'
#!/bin/sh
n=$(ls "$STUB_DIR" | wc -l)
echo "$*" >>"$STUB_DIR/../sendmail.args"
cat >"$STUB_DIR/msg$n"
exit "${STUB_EXIT:-0}"
SH
chmod +x "$WORK/bin/sendmail"
export STUB_DIR=$WORK/sent
PATH="$WORK/bin:$PATH" run digest --sendmail
expect_status 0; expect_out "2 digests delivered for 2017-09-04"
expect_eq "$(sort -u "$WORK/sendmail.args")" "-t -i" "sendmail -t -i"
facts "$WORK/sent" files
expect_eq "$(fact count),$(fact msg | cut -d'|' -f6 | sort -u)" "2," "piped messages parse cleanly"
grep -q '^From ' "$WORK/sent/msg0" && bad "no mbox From_ line goes to sendmail" || ok
export SAFEPLAN_TODAY=2017-09-05
STUB_EXIT=75 PATH="$WORK/bin:$PATH" run digest --sendmail
expect_status 1; expect_err "failed for"
expect_eq "$(sql "$DB" "SELECT count(*) FROM digest_sent WHERE sent_on = '2017-09-05'")" "0" "a failed hand-over is not logged"
expect_eq "$(ls "$WORK/sent" | wc -l)" "3" "the run stops at the first failed hand-over"

case_ "a week of digests for the example plan"
export SAFEPLAN_DB=$WORK/demo.db
sp demo
sp digest --set-from "Safeguarding plan <plan@example.org>"
sql "$SAFEPLAN_DB" "UPDATE owner SET email = 'owner' || id || '@example.org'"
for d in 01 02 03 04 05 06 07; do
    SAFEPLAN_TODAY=2017-07-$d run digest --maildir "$WORK/week"
    expect_status 0
    SAFEPLAN_TODAY=2017-07-$d run digest --maildir "$WORK/week"
    expect_status 0; expect_out "0 digests delivered"
done
facts "$WORK/week" maildir
expect_eq "$(fact msg | cut -d'|' -f6 | sort -u)" "" "every message of the week parses cleanly"
expect_eq "$(fact count)" "$(sql "$SAFEPLAN_DB" "SELECT count(*) FROM digest_sent")" "one file per logged digest"
expect_eq "$(sql "$SAFEPLAN_DB" "SELECT count(*) FROM (SELECT owner_id, sent_on FROM digest_sent GROUP BY 1, 2 HAVING count(*) > 1)")" "0" "no owner twice on a day"
[ "$(fact count)" -ge 7 ] && ok || bad "too few digests in a week: $(fact count)"

finish

#!/bin/bash
# The web service over HTTP: the real server on a free loopback port, driven
# with curl. Roles, CSRF and Origin, sessions, rate limit, scoping, escaping.
source "$(dirname "$0")/lib.sh"

sp demo
torbay_id=$(sql plan.db "SELECT x.id FROM action x JOIN finding f ON f.id=x.finding_id
  JOIN review r ON r.id=f.review_id JOIN authority a ON a.id=r.authority_id
  WHERE a.code='torbay' LIMIT 1")
# The Leicester owner with most open actions (and closed ones too), for My actions.
owner_id=$(sql plan.db "SELECT o.id FROM owner o JOIN action x ON x.owner_id=o.id
  JOIN finding f ON f.id=x.finding_id JOIN review r ON r.id=f.review_id
  JOIN authority a ON a.id=r.authority_id WHERE a.code='leicester'
  AND x.status IN ('not_started', 'in_progress') GROUP BY o.id ORDER BY count(*) DESC LIMIT 1")
own_id=$(sql plan.db "SELECT id FROM action WHERE owner_id=$owner_id LIMIT 1")
other_leic=$(sql plan.db "SELECT x.id FROM action x JOIN finding f ON f.id=x.finding_id
  JOIN review r ON r.id=f.review_id JOIN authority a ON a.id=r.authority_id
  WHERE a.code='leicester' AND x.owner_id<>$owner_id LIMIT 1")
adduser() { echo "$2" | "$SAFEPLAN_BIN" user add "$1" "${@:3}" >/dev/null 2>"$ERR" || {
    echo "setup failed: user add $1" >&2; cat "$ERR" >&2; exit 1; }; }
adduser officer1 "officer-pass-1" --role officer --owner "$owner_id" --authority leicester
adduser viewer1 "viewer-pass-12" --role viewer --authority leicester
adduser manager1 "manager-pass-1" --role manager --authority all
adduser gone1 "gone-pass-123" --role viewer --authority leicester
adduser clerk1 "clerk-pass-12" --role clerk --authority all

case_ "password never on the command line, too short refused"
echo short | "$SAFEPLAN_BIN" user add x --role viewer --authority all >"$OUT" 2>"$ERR"; STATUS=$?
expect_status 1; expect_err "at least 10 characters"
case_ "password hashed with Argon2id"
expect_eq "$(sql plan.db "SELECT substr(password_hash,1,9) FROM account WHERE name='officer1'")" '$argon2id' "hash"
case_ "user list"
run user list; expect_status 0; expect_out "officer1"; expect_out_not "argon2"

start_server

# get PATH [JAR]: GET; STATUS is the HTTP code, OUT the body, ERR the headers.
get() { STATUS=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' ${2:+-b "$2" -c "$2"} "$BASE$1"); }
# post PATH JAR BODY [extra curl args]
post() { STATUS=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' -b "$2" -c "$2" \
    --data-raw "$3" "${@:4}" "$BASE$1"); }
signin() { rm -f "$WORK/$1.jar"; post /sign-in "$WORK/$1.jar" "name=$1&password=$2"; }
csrf() { get / "$WORK/$1.jar"; sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$OUT" | head -1; }
cookie() { awk '$6 ~ /safeplan/ {print $7}' "$WORK/$1.jar"; }
history_count() { sql plan.db "SELECT count(*) FROM action_update WHERE action_id=$1"; }

case_ "security headers on every response"
get /sign-in
expect_eq "$STATUS" 200 "status"
grep -q "Content-Security-Policy: default-src 'none'; style-src 'self'.*frame-ancestors 'none'" "$ERR" && ok || bad "CSP"
grep -qi "X-Content-Type-Options: nosniff" "$ERR" && ok || bad "nosniff"
grep -qi "Referrer-Policy: same-origin" "$ERR" && ok || bad "referrer"
case_ "not signed in: pages redirect to sign-in"
get /overdue; expect_eq "$STATUS" 303 "status"; grep -q "Location: /sign-in" "$ERR" && ok || bad "location"
case_ "unknown page is 404 and says what to do"
get /nowhere; expect_eq "$STATUS" 404 "status"; expect_out "start from the home page"
case_ "too long an address is 414, too large headers 431: our page, which says what to do"
# Up to 8 KB of address and 32 KB of headers are read; past them, up to
# the connection's memory (256 KiB, so a 200 KB address), the refusal is
# this server's page with its security headers, not libmicrohttpd's own.
long=$(head -c 9000 /dev/zero | tr '\0' a)
get "/overdue?owner=$long"; expect_eq "$STATUS" 414 "a long search"
expect_out "An address can be 8 KB long at most"
grep -q "^Content-Security-Policy: default-src 'none'" "$ERR" && ok || bad "security headers on 414"
# (curl's command line and config file take no URL this long: Python's client does.)
STATUS=$(python3 - "$BASE" "$OUT" <<'PY'
import http.client, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
c.request("GET", "/" + "a" * 200000)
r = c.getresponse()
open(sys.argv[2], "wb").write(r.read())
print(r.status)
PY
)
expect_eq "$STATUS" 414 "a 200 KB address"
expect_out "An address can be 8 KB long at most"
get "/sign-in?next=$(head -c 4000 /dev/zero | tr '\0' a)"; expect_eq "$STATUS" 200 "4 KB of search terms are read"
STATUS=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' -H "X-Big: ${long}${long}${long}${long}" "$BASE/sign-in")
expect_eq "$STATUS" 431 "36 KB of headers"
expect_out "Clear this site&#39;s cookies in your browser"
grep -q "^Content-Security-Policy: default-src 'none'" "$ERR" && ok || bad "security headers on 431"
case_ "wrong method is 405 and names the methods the address takes"
STATUS=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' -X DELETE "$BASE/sign-in"); expect_eq "$STATUS" 405 "status"
grep -q "^Allow: GET, HEAD, POST" "$ERR" && ok || bad "Allow for /sign-in"
STATUS=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' "$BASE/sign-out"); expect_eq "$STATUS" 405 "GET of a form's address"
grep -q "^Allow: POST" "$ERR" && ok || bad "Allow for /sign-out"
expect_out "does not accept that kind of request"
case_ "HEAD is GET without the body"
STATUS=$(curl -s -I -o "$WORK/head" -w '%{http_code}' "$BASE/sign-in"); expect_eq "$STATUS" 200 "status"
grep -q "^Content-Security-Policy: default-src 'none'" "$WORK/head" && ok || bad "security headers"
get /sign-in
expect_eq "$(tr -d '\r' < "$WORK/head" | sed -n 's/^Content-Length: //p')" "$(wc -c < "$OUT")" "the length GET sends"
STATUS=$(curl -s -I -o "$ERR" -w '%{http_code}' "$BASE/overdue"); expect_eq "$STATUS" 303 "signed out: to sign-in"

case_ "wrong password refused, no cookie"
signin officer1 wrong-password-x; expect_eq "$STATUS" 400 "status"; expect_out "not right"
grep -qi "Set-Cookie" "$ERR" && bad "cookie set" || ok
case_ "sign in: HttpOnly SameSite cookie, token stored only as a hash"
signin officer1 officer-pass-1; expect_eq "$STATUS" 303 "status"
grep -qi "Set-Cookie: safeplan=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Lax" "$ERR" && ok || bad "cookie attributes"
tok=$(cookie officer1)
expect_eq "$(sql plan.db "SELECT count(*) FROM session WHERE token_hash='$tok'")" 0 "raw token in db"
expect_eq "$(sql plan.db "SELECT count(*) FROM session")" 1 "one session"
case_ "token changes at sign-in (no fixation)"
post /sign-in "$WORK/officer1.jar" "name=officer1&password=officer-pass-1"
tok2=$(cookie officer1)
[ -n "$tok2" ] && [ "$tok" != "$tok2" ] && ok || bad "token not rotated"
expect_eq "$(sql plan.db "SELECT count(*) FROM session")" 1 "old session ended"

case_ "officer sees own actions, only in Leicester"
get / "$WORK/officer1.jar"; expect_eq "$STATUS" 200 "status"; expect_out "leicester/"; expect_out_not "torbay/"
get /overdue "$WORK/officer1.jar"; expect_out_not "torbay/"; expect_out_not "Torbay"
case_ "My actions: the officer's open actions, due soonest first, with RAG and reason"
want=$(sql plan.db "SELECT group_concat(id, ' ') FROM (SELECT x.id FROM action x
  JOIN finding f ON f.id=x.finding_id JOIN review r ON r.id=f.review_id
  JOIN authority a ON a.id=r.authority_id WHERE a.code='leicester' AND x.voided=0
  AND x.owner_id=$owner_id AND x.status IN ('not_started', 'in_progress')
  ORDER BY x.due_on NULLS LAST, x.id)")
[ "$(echo "$want" | wc -w)" -ge 2 ] && ok || bad "the demo owner has fewer than 2 open actions: $want"
get / "$WORK/officer1.jar"
expect_eq "$(grep -o 'href="/actions/[0-9]*"' "$OUT" | grep -o '[0-9]*' | tr '\n' ' ' | sed 's/ $//')" "$want" "rows"
expect_out '<h1 class="govuk-heading-l">My actions</h1>'
expect_out 'class="govuk-tag">'; expect_out 'days past due date'
expect_out_not '>Owner</th>' # all the reader's own
expect_out_not 'signed_off'
case_ "My actions for an account that owns nothing says where the lists are"
signin viewer1 viewer-pass-12; get / "$WORK/viewer1.jar"; expect_eq "$STATUS" 200 "status"
expect_out "not linked to an owner"; expect_out 'href="/overdue"'; expect_out_not 'href="/actions/'
case_ "a Torbay action is not found for a Leicester officer"
get /actions/$torbay_id "$WORK/officer1.jar"; expect_eq "$STATUS" 404 "status"

c=$(csrf officer1)
case_ "officer updates own action; attributed to the account"
before=$(history_count "$own_id")
post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=Met+the+board"
expect_eq "$STATUS" 303 "status"
expect_eq "$(history_count "$own_id")" $((before + 1)) "history grew"
expect_eq "$(sql plan.db "SELECT author FROM action_update WHERE action_id=$own_id ORDER BY id DESC LIMIT 1")" officer1 "author"
case_ "hostile text stored verbatim and escaped"
post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=%3Cscript%3Ealert(1)%3C%2Fscript%3E+%26+%22q%22"
expect_eq "$(sql plan.db "SELECT note FROM action_update WHERE action_id=$own_id ORDER BY id DESC LIMIT 1")" '<script>alert(1)</script> & "q"' "stored"
get /actions/$own_id "$WORK/officer1.jar"
expect_out '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;'; expect_out_not '<script>'
case_ "invalid UTF-8 is refused with its reason, nothing stored, and the page stays UTF-8"
n=$(sql plan.db "SELECT count(*) FROM action_update")
post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=bad%FF%FEbytes"
expect_eq "$STATUS" 400 "status"
expect_out 'href="#note">note is not valid UTF-8 text</a>'
expect_eq "$(sql plan.db "SELECT count(*) FROM action_update")" "$n" "nothing stored"
python3 -c "open('$OUT', encoding='utf-8', errors='strict').read()" && ok || bad "the page is not UTF-8"
get "/overdue?owner=x%FF%FEy" "$WORK/officer1.jar"; expect_eq "$STATUS" 400 "filter status"
python3 -c "open('$OUT', encoding='utf-8', errors='strict').read()" && ok || bad "the list page is not UTF-8"
expect_out $'x\xef\xbf\xbd\xef\xbf\xbdy' # U+FFFD for each byte that is not UTF-8
# the message in the summary and again at its field, after the page's other reads
expect_eq "$(grep -o "Nothing of that name was found" "$OUT" | wc -l)" 2 "message shown twice"
case_ "a note that leaves a direction control open is refused (Trojan Source); closed, it is kept"
n=$(sql plan.db "SELECT count(*) FROM action_update")
rlo=%E2%80%AE; pdf=%E2%80%AC; rli=%E2%81%A7; pdi=%E2%81%A9
for note in "done+${rlo}evil" "${rli}a${pdi}+b${rlo}c%0Ad${pdf}" "a${rli}b${pdf}c"; do
    post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=$note"
    expect_eq "$STATUS" 400 "status for $note"
    expect_out 'href="#note">note has an invisible right-to-left'
    expect_out "that its line does not close"
done
expect_eq "$(sql plan.db "SELECT count(*) FROM action_update")" "$n" "nothing stored"
post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=a+${rlo}b${pdf}+c%0A${rli}d${pdi}"
expect_eq "$STATUS" 303 "closed on each line"
expect_eq "$(sql plan.db "SELECT hex(note) FROM action_update ORDER BY id DESC LIMIT 1")" \
    "$(printf 'a \xe2\x80\xaeb\xe2\x80\xac c\n\xe2\x81\xa7d\xe2\x81\xa9' | xxd -p -u | tr -d '\n')" "kept exactly"
case_ "text stored before that rule cannot reverse the page after it: what it leaves open is closed"
sql plan.db "UPDATE action SET description = description || ' ' || char(8238) || 'evil'
  WHERE id = $own_id"
get /actions/$own_id "$WORK/officer1.jar"; expect_eq "$STATUS" 200 "status"
shown=$(grep -o 'evil' "$OUT" | wc -l)
[ "$shown" -ge 1 ] && ok || bad "the planted title is not shown"
expect_eq "$(grep -o $'evil\xe2\x80\xac' "$OUT" | wc -l)" "$shown" "each showing closed at once"
sql plan.db "UPDATE action SET description = substr(description, 1, length(description) - 6)
  WHERE id = $own_id"
case_ "a scoped account is told of no name outside its authorities, nor whether one exists"
torbay_review=$(sql plan.db "SELECT a.code || '/' || r.ref FROM review r JOIN authority a
  ON a.id = r.authority_id WHERE a.code = 'torbay' LIMIT 1")
other_owner=$(sql plan.db "SELECT o.name FROM owner o JOIN action x ON x.owner_id = o.id
  JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
  JOIN authority a ON a.id = r.authority_id WHERE a.code = 'torbay' LIMIT 1")
for q in "review=$torbay_review" "review=torbay/no-such-review" "review=TORBAY/no-such-review" \
         "owner=$(echo "${other_owner:0:6}" | tr " " +)" "theme=zzzz"; do
    get "/overdue?$q" "$WORK/officer1.jar"; expect_eq "$STATUS" 400 "$q"
    expect_out "Nothing of that name was found in the authorities your account can see"
    expect_out_not "closest"; expect_out_not "$other_owner"
done
case_ "a NUL or an over-long field is refused, nothing stored, and no other bytes shown"
n=$(sql plan.db "SELECT count(*) FROM action_update")
for note in "$(printf 'A%.0s' $(seq 40))%00tail" "$(head -c 20000 /dev/zero | tr '\0' b)"; do
    post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=$note"
    expect_eq "$STATUS" 400 "status"
    expect_out 'href="#note">This text could not be read: it is too long'
    expect_eq "$(sql plan.db "SELECT count(*) FROM action_update")" "$n" "nothing stored"
    # The note is shown again empty: not the bytes decoded, nor what follows them.
    python3 - "$OUT" <<'PY' && ok || bad "the note field is not empty"
import re, sys
page = open(sys.argv[1], encoding="utf-8", errors="strict").read()
m = re.search(r'<textarea[^>]*name="note"[^>]*>(.*?)</textarea>', page, re.S)
sys.exit(0 if m and m.group(1).strip() == "" else 1)
PY
done
case_ "officer cannot update another's action: 403, nothing changes"
n=$(sql plan.db "SELECT count(*) FROM action_update")
post /actions/$other_leic "$WORK/officer1.jar" "csrf=$c&note=not+mine"
expect_eq "$STATUS" 403 "status"; expect_eq "$(sql plan.db "SELECT count(*) FROM action_update")" "$n" "no change"
case_ "CSRF missing or wrong refused"
post /actions/$own_id "$WORK/officer1.jar" "note=x"; expect_eq "$STATUS" 403 "missing"
# The token with its last digit changed (not merely set: it may be that digit).
wrong=${c%?}$([ "${c: -1}" = 0 ] && echo 1 || echo 0)
post /actions/$own_id "$WORK/officer1.jar" "csrf=$wrong&note=x"; expect_eq "$STATUS" 403 "wrong"
case_ "cross-origin POST refused even with the token"
post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=x" -H "Origin: http://evil.example"
expect_eq "$STATUS" 403 "status"
expect_eq "$(sql plan.db "SELECT count(*) FROM action_update")" "$n" "no change"
case_ "same-origin POST with the token accepted"
post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=ok" -H "Origin: $BASE"
expect_eq "$STATUS" 303 "status"
case_ "too large a body is 413"
big=$(head -c 70000 /dev/zero | tr '\0' a)
post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=$big"; expect_eq "$STATUS" 413 "status"
case_ "a POST that is not a form is 415 and says what to send; nothing stored"
n=$(sql plan.db "SELECT count(*) FROM action_update")
for type in text/plain application/json "application/x-www-form-urlencodedx" ""; do
    post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=typed" -H "Content-Type: $type"
    expect_eq "$STATUS" 415 "Content-Type '$type'"
    expect_out "reads only a form sent as application/x-www-form-urlencoded"
done
expect_eq "$(sql plan.db "SELECT count(*) FROM action_update")" "$n" "nothing stored"
post /actions/$own_id "$WORK/officer1.jar" "csrf=$c&note=typed" \
    -H "Content-Type: Application/X-WWW-Form-Urlencoded; charset=UTF-8"
expect_eq "$STATUS" 303 "the type in any case, with a charset"
post /sign-in "$WORK/x.jar" '{"name":"officer1","password":"officer-pass-1"}' \
    -H "Content-Type: application/json"
expect_eq "$STATUS" 415 "sign-in as JSON"; grep -qi "Set-Cookie" "$ERR" && bad "signed in" || ok
# Refused on its headers: a body past the form limit is not read to find it too big.
post /sign-in "$WORK/x.jar" "$big" -H "Content-Type: text/plain"
expect_eq "$STATUS" 415 "a long text/plain body"
case_ "the import takes an upload (multipart/form-data), not a urlencoded form"
signin clerk1 clerk-pass-12; kc=$(csrf clerk1)
post /import "$WORK/clerk1.jar" "csrf=$kc&file=x"; expect_eq "$STATUS" 415 "urlencoded"
expect_out "reads only a form sent as multipart/form-data"
printf 'x\n' >"$WORK/sheet.csv"
STATUS=$(curl -s -o "$OUT" -w '%{http_code}' -b "$WORK/clerk1.jar" -F "csrf=$kc" \
    -F "file=@$WORK/sheet.csv" "$BASE/import")
[ "$STATUS" != 415 ] && [ "$STATUS" != 403 ] && ok || bad "a multipart upload: $STATUS"
case_ "an upload without a session is refused before its body is read"
head -c 15000000 /dev/zero | tr '\0' a >"$WORK/big.bin"
rss() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status"; }
before=$(rss)
pids=()
for i in 1 2 3 4 5 6; do
    curl -s -o /dev/null -w '%{http_code}\n' --data-binary @"$WORK/big.bin" "$BASE/import" \
        >"$WORK/anon.$i" &
    pids+=($!)
done
wait "${pids[@]}" # not the server's
for i in 1 2 3 4 5 6; do expect_eq "$(cat "$WORK/anon.$i")" 403 "upload $i"; done
# Six 15 MB bodies held at once would be 90 MB; refused unread, a few.
[ $(( $(rss) - before )) -lt 20000 ] && ok || bad "the server grew from $before to $(rss) KiB"
rm -f "$WORK/big.bin"

case_ "viewer cannot update: 403, nothing changes"
signin viewer1 viewer-pass-12; vc=$(csrf viewer1); n=$(sql plan.db "SELECT count(*) FROM action_update")
post /actions/$own_id "$WORK/viewer1.jar" "csrf=$vc&note=x"; expect_eq "$STATUS" 403 "status"
expect_eq "$(sql plan.db "SELECT count(*) FROM action_update")" "$n" "no change"
case_ "manager with all authorities sees Torbay and may update it"
signin manager1 manager-pass-1; get /actions/$torbay_id "$WORK/manager1.jar"
expect_eq "$STATUS" 200 "status"; expect_out "Add an update"

case_ "idle session expires"
signin viewer1 viewer-pass-12
sql plan.db "UPDATE session SET last_seen = last_seen - 3600"
get / "$WORK/viewer1.jar"; expect_eq "$STATUS" 303 "redirected to sign in"
case_ "Stay signed in (WCAG 2.2.1): restarts the idle clock, 204, the page stays"
signin viewer1 viewer-pass-12; vc=$(csrf viewer1)
expect_out 'id="session-notice" data-idle-seconds="1800"'
expect_out 'action="/session/extend"'; expect_out 'Stay signed in'; expect_out '<dialog id="session-dialog"'
sql plan.db "UPDATE session SET last_seen = last_seen - 1700"
post /session/extend "$WORK/viewer1.jar" "csrf=$vc"; expect_eq "$STATUS" 204 "status"
expect_eq "$(wc -c < "$OUT")" 0 "no body"
viewer_seen() { sql plan.db "SELECT last_seen FROM session WHERE account_id =
  (SELECT id FROM account WHERE name = 'viewer1') ORDER BY created DESC, last_seen DESC LIMIT 1"; }
expect_eq "$(( $(viewer_seen) > $(date +%s) - 60 ))" 1 "idle clock restarted"
sql plan.db "UPDATE session SET last_seen = last_seen - 1700"
get / "$WORK/viewer1.jar"; expect_eq "$STATUS" 200 "still signed in 1700 s after staying"
case_ "Stay signed in needs the token and a live session"
n=$(viewer_seen)
sql plan.db "UPDATE session SET last_seen = last_seen - 600"
post /session/extend "$WORK/viewer1.jar" ""; expect_eq "$STATUS" 403 "no token"
post /session/extend "$WORK/viewer1.jar" "csrf=$vc" -H "Origin: http://evil.example"; expect_eq "$STATUS" 403 "cross-origin"
post /actions/$own_id "$WORK/viewer1.jar" "csrf=$vc&note=x"; expect_eq "$STATUS" 403 "outside the role"
expect_eq "$(viewer_seen)" $((n - 600)) "a refused request does not restart the clock"
sql plan.db "UPDATE session SET last_seen = last_seen - 3600"
post /session/extend "$WORK/viewer1.jar" "csrf=$vc"; expect_eq "$STATUS" 403 "an ended session is not revived"
case_ "the warning's script: our own file, no inline script"
get /session.js; expect_eq "$STATUS" 200 "status"
grep -qi "^Content-Type: text/javascript" "$ERR" && ok || bad "type"
expect_out "session-dialog"; expect_out "/session/extend"
grep -q "Content-Security-Policy: .*script-src 'self';" "$ERR" && ok || bad "CSP script-src"
grep -qi "Content-Security-Policy: .*unsafe-inline" "$ERR" && bad "unsafe-inline" || ok
signin manager1 manager-pass-1; get / "$WORK/manager1.jar"
expect_out '<script src="/session.js" defer></script>'
expect_eq "$(grep -o '<script[^>]*>' "$OUT" | grep -vc 'src="/session.js"')" 0 "inline scripts"
case_ "absolute expiry"
signin viewer1 viewer-pass-12
sql plan.db "UPDATE session SET created = created - 13*3600"
get / "$WORK/viewer1.jar"; expect_eq "$STATUS" 303 "redirected to sign in"
case_ "a sign-in deletes the sessions that have expired, idle or too old, and only those"
signin viewer1 viewer-pass-12; signin manager1 manager-pass-1; signin officer1 officer-pass-1
sessions_of() { sql plan.db "SELECT count(*) FROM session WHERE account_id =
  (SELECT id FROM account WHERE name = '$1')"; }
sql plan.db "UPDATE session SET last_seen = last_seen - 1801 WHERE account_id =
  (SELECT id FROM account WHERE name = 'viewer1')"
sql plan.db "UPDATE session SET created = created - 12*3600 - 1 WHERE account_id =
  (SELECT id FROM account WHERE name = 'manager1')"
live=$(sessions_of officer1)
[ "$(sessions_of viewer1)" -ge 1 ] && [ "$(sessions_of manager1)" -ge 1 ] && [ "$live" -ge 1 ] \
    && ok || bad "setup: no sessions to expire"
post /sign-in "$WORK/officer2.jar" "name=officer1&password=officer-pass-1"; expect_eq "$STATUS" 303 "signed in"
expect_eq "$(sessions_of viewer1)" 0 "idle sessions left"
expect_eq "$(sessions_of manager1)" 0 "too old sessions left"
expect_eq "$(sessions_of officer1)" $((live + 1)) "live sessions kept, and the new one"
get / "$WORK/officer1.jar"; expect_eq "$STATUS" 200 "the earlier live session still works"
case_ "sign out ends the session"
signin viewer1 viewer-pass-12; vc=$(csrf viewer1); old=$(cookie viewer1)
post /sign-out "$WORK/viewer1.jar" "csrf=$vc"; expect_eq "$STATUS" 303 "status"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "safeplan=$old" "$BASE/"); expect_eq "$STATUS" 303 "old token dead"

case_ "disabled account: sessions end, sign-in refused"
signin gone1 gone-pass-123; expect_eq "$STATUS" 303 "signed in"
run user disable gone1; expect_status 0
get / "$WORK/gone1.jar"; expect_eq "$STATUS" 303 "session ended"
signin gone1 gone-pass-123; expect_eq "$STATUS" 400 "refused"

case_ "rate limit per account after five failures"
for i in 1 2 3 4 5; do signin manager1 "bad-$i-password"; done
signin manager1 manager-pass-1; expect_eq "$STATUS" 429 "right password still blocked"
expect_out "Wait 15 minutes"

case_ "clean shutdown on SIGTERM"
kill -TERM $SERVER; wait $SERVER; STATUS=$?
expect_eq "$STATUS" 0 "exit"; grep -q "stopped" "$WORK/serve.log" && ok || bad "no stop message"
case_ "the server deletes expired sessions when it starts"
live=$(sessions_of officer1)
sql plan.db "UPDATE session SET last_seen = last_seen - 3600 WHERE account_id =
  (SELECT id FROM account WHERE name = 'viewer1')"
sql plan.db "INSERT INTO session (token_hash, account_id, csrf, created, last_seen)
  SELECT 'stale', id, 'c', 0, 0 FROM account WHERE name = 'viewer1'"
[ "$(sessions_of viewer1)" -ge 1 ] && ok || bad "setup: no session to expire"
case_ "behind TLS: __Host- cookie with Secure; an http Origin is cross-origin"
"$SAFEPLAN_BIN" serve --listen 127.0.0.1:0 --behind-tls 2>"$WORK/tls.log" &
SERVER=$!
for _ in $(seq 50); do grep -q "serving on" "$WORK/tls.log" && break; sleep 0.1; done
BASE=$(sed -n 's|.*serving on \(http://[^ ]*\)/ .*|\1|p' "$WORK/tls.log")
expect_eq "$(sessions_of viewer1)" 0 "expired sessions when serving starts"
expect_eq "$(sessions_of officer1)" "$live" "live sessions when serving starts"
signin viewer1 viewer-pass-12
grep -qi "Set-Cookie: __Host-safeplan=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Lax; Secure" "$ERR" && ok || bad "cookie"
post /sign-in "$WORK/x.jar" "name=viewer1&password=viewer-pass-12" -H "Origin: $BASE"
expect_eq "$STATUS" 403 "http origin behind TLS"
case_ "behind TLS: failures count by the proxy's X-Real-IP, and by the name in any case"
for i in 1 2 3 4 5; do
    post /sign-in "$WORK/x.jar" "name=viewer1&password=bad-$i-password" -H "X-Real-IP: 10.0.0.1"
done
post /sign-in "$WORK/x.jar" "name=VIEWER1&password=viewer-pass-12" -H "X-Real-IP: 10.0.0.2"
expect_eq "$STATUS" 429 "the same account, its name in capitals"
post /sign-in "$WORK/x.jar" "name=officer1&password=officer-pass-1" -H "X-Real-IP: 10.0.0.1"
expect_eq "$STATUS" 429 "another account from the address that failed"
post /sign-in "$WORK/x.jar" "name=officer1&password=officer-pass-1" -H "X-Real-IP: 10.0.0.3"
expect_eq "$STATUS" 303 "another user behind the same proxy is not blocked"
kill -TERM $SERVER; wait $SERVER
case_ "bad --listen is misuse"
run serve --listen nowhere; expect_status 2; expect_err "is not ADDRESS:PORT"
finish

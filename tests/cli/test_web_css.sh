#!/usr/bin/env bash
# The committed stylesheet (src/web/assets/safeplan.css, embedded in the
# binary) is what npm's sass makes of its sources at the versions
# package-lock.json pins, and the server serves exactly that file.
. "$(dirname "$0")/lib.sh"

if [ ! -x "$SP_SOURCE_DIR/node_modules/.bin/sass" ]; then
    echo "needs 'npm ci' in $SP_SOURCE_DIR (.ci/run does it)" >&2
    exit 77
fi

case_ "safeplan.css matches safeplan.scss compiled by sass"
run_check() { "$SP_SOURCE_DIR/scripts/build-css.sh" --check >"$OUT" 2>"$ERR"; STATUS=$?; }
run_check
expect_status 0

case_ "the council's branding: system fonts, no GOV.UK font or crown"
css=$SP_SOURCE_DIR/src/web/assets/safeplan.css
grep -q "font-family:system-ui" "$css" && ok || bad "system font stack"
grep -q "GDS Transport" "$css" && bad "GOV.UK Transport font named" || ok
grep -q "@font-face" "$css" && bad "a web font is downloaded" || ok
grep -q "govuk-header{[^}]*background:#1d3557" "$css" && ok || bad "the council's navy header"

case_ "the server serves the embedded stylesheet byte for byte"
sp init
start_server
curl -s -D "$ERR" -o served.css "$BASE/style.css"
cmp -s served.css "$css" && ok || bad "served CSS differs from safeplan.css"
grep -qi "Content-Type: text/css" "$ERR" && ok || bad "content type"

case_ "the stylesheet is kept by the browser and revalidated: 304, no body, when unchanged"
grep -qi "^Cache-Control: no-cache" "$ERR" && ok || bad "Cache-Control for the stylesheet"
tag=$(sed -n 's/^ETag: \(.*\)\r$/\1/Ip' "$ERR")
[ -n "$tag" ] && ok || bad "no ETag"
rm -f again.css
STATUS=$(curl -s -D "$ERR" -o again.css -w '%{http_code}' -H "If-None-Match: $tag" "$BASE/style.css")
expect_eq "$STATUS" 304 "unchanged"; [ ! -s again.css ] && ok || bad "a body with the 304"
STATUS=$(curl -s -o again.css -w '%{http_code}' -H 'If-None-Match: "0-0"' "$BASE/style.css")
expect_eq "$STATUS" 200 "another tag"; cmp -s again.css "$css" && ok || bad "whole file"
STATUS=$(curl -s -D "$ERR" -o /dev/null -w '%{http_code}' "$BASE/sign-in")
grep -qi "^Cache-Control: no-store" "$ERR" && ok || bad "pages stay no-store"

finish

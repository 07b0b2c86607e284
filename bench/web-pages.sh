#!/usr/bin/env bash
# Page latency of the web service on a big plan (bench/web-pages.mjs): the
# real server on loopback over DB, one request at a time, ROUNDS rounds of
# every page (filtered lists, deep pages, My actions, action pages,
# summaries) for three accounts: a manager of every authority, a manager of
# the largest authority only, and an officer linked to the owner with most
# open actions. The issue's target: filtered lists and an action page within
# 50 ms at the 95th percentile on the 1,000,000-action bench plan. Figures
# are printed, never asserted.
#
#   bench/web-pages.sh DB [ROUNDS]        (default 50 rounds)
#
# DB is a bench plan (bench/run.sh --keep leaves one in its work directory;
# or `safeplan import` of bench/gen.py's export file). The lists are judged
# as of AS_OF (default 2017-07-01, the bench plan's day). The script adds
# three accounts (bench-manager, bench-local, bench-officer) to DB if they
# are not there. SAFEPLAN_BIN names the binary (default ./build/safeplan).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${SAFEPLAN_BIN:-$root/build/safeplan}")
db=${1:?usage: bench/web-pages.sh DB [ROUNDS]}
rounds=${2:-50}
as_of=${AS_OF:-2017-07-01}
[ -f "$db" ] || { echo "web-pages: no database $db" >&2; exit 2; }
export SAFEPLAN_DB=$db
work=$(mktemp -d "${TMPDIR:-/tmp}/sp-web-pages-XXXXXX")
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
q() { sqlite3 -batch -noheader "$db" "$1"; }

# The largest authority, the owner with most open actions and its
# authority, twenty open actions spread over the plan.
authority=$(q "SELECT a.code FROM authority a JOIN review r ON r.authority_id = a.id
  JOIN finding f ON f.review_id = r.id JOIN action x ON x.finding_id = f.id
  GROUP BY a.id ORDER BY count(*) DESC LIMIT 1")
owner=$(q "SELECT owner_id FROM action WHERE status IN ('not_started', 'in_progress')
  GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1")
owner_authority=$(q "SELECT a.code FROM action x JOIN finding f ON f.id = x.finding_id
  JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
  WHERE x.owner_id = $owner LIMIT 1")
max_id=$(q "SELECT max(id) FROM action")
actions=$(q "SELECT group_concat('\"/actions/' || id || '\"') FROM (SELECT min(id) AS id
  FROM action WHERE status IN ('not_started', 'in_progress')
  GROUP BY id * 20 / ($max_id + 1))")

account() { # NAME ROLE ARGS...: added unless there
    q "SELECT 1 FROM account WHERE name = '$1'" | grep -q 1 && return
    echo "bench-pages-password" | "$bin" user add "$1" --role "$2" "${@:3}" >/dev/null
}
account bench-manager manager --authority all
account bench-local manager --authority "$authority"
account bench-officer officer --owner "$owner" --authority "$owner_authority"

d="as_of=$as_of"
cat >"$work/spec.json" <<JSON
[{"name": "bench-manager", "password": "bench-pages-password", "pages": [
  {"label": "overdue, all authorities", "path": "/overdue?$d"},
  {"label": "overdue, all authorities", "path": "/overdue?$d", "next": 20},
  {"label": "overdue --authority", "path": "/overdue?$d&authority=$authority"},
  {"label": "overdue --authority", "path": "/overdue?$d&authority=$authority", "next": 4},
  {"label": "overdue --owner", "path": "/overdue?$d&owner=$owner"},
  {"label": "overdue --authority --status", "path": "/overdue?$d&authority=$authority&status=in_progress"},
  {"label": "due soon --authority", "path": "/due-soon?$d&authority=$authority"},
  {"label": "stale --authority", "path": "/stale?$d&authority=$authority"},
  {"label": "stale --owner", "path": "/stale?$d&owner=$owner"},
  {"label": "plan, all authorities", "path": "/plan"},
  {"label": "plan --authority", "path": "/plan?authority=$authority"},
  {"label": "plan --authority", "path": "/plan?authority=$authority", "next": 4},
  {"label": "action page (20 actions in turn)", "paths": [$actions]},
  {"label": "summary by theme --authority", "path": "/summary?$d&by=theme&authority=$authority"}]},
 {"name": "bench-local", "password": "bench-pages-password", "pages": [
  {"label": "one-authority account: overdue", "path": "/overdue?$d"},
  {"label": "one-authority account: plan", "path": "/plan", "next": 4}]},
 {"name": "bench-officer", "password": "bench-pages-password", "pages": [
  {"label": "officer: My actions", "path": "/"}]}]
JSON

"$bin" serve --listen 127.0.0.1:0 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q "serving on" "$work/serve.log" && break; sleep 0.1; done
base=$(sed -n 's|.*serving on \(http://[^ ]*\)/ .*|\1|p' "$work/serve.log")
[ -n "$base" ] || { echo "web-pages: server did not start: $(cat "$work/serve.log")" >&2; exit 1; }
echo "$(q "SELECT count(*) FROM action") actions; authority $authority; owner $owner;" \
     "as of $as_of; $rounds rounds; load $(cut -d' ' -f1-3 /proc/loadavg)"
node "$root/bench/web-pages.mjs" "$base" "$rounds" "$work/spec.json"

#!/usr/bin/env bash
# Issue 12: export --history writes every entry of every action (creation,
# updates, corrections, embedding checks), and import of that file into a
# plan without those actions rebuilds the same history: export -> import ->
# export gives the same bytes, for the history and for every report.
source "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-09-01
sp demo
DB=$SAFEPLAN_DB
id_at() { sql "$DB" "SELECT id FROM action ORDER BY id LIMIT 1 OFFSET $1"; }
path_of() {
    sql "$DB" "SELECT a.code||'/'||r.ref||'/'||f.ref||'/'||x.ref FROM action x JOIN finding f
      ON f.id = x.finding_id JOIN review r ON r.id = f.review_id JOIN authority a
      ON a.id = r.authority_id WHERE x.id = $1"
}
OPEN=$(sql "$DB" "SELECT id FROM action WHERE status IN ('not_started', 'in_progress')
  ORDER BY id LIMIT 1")
OPEN2=$(sql "$DB" "SELECT id FROM action WHERE status IN ('not_started', 'in_progress')
  ORDER BY id LIMIT 1 OFFSET 1")
DONE=$(sql "$DB" "SELECT id FROM action WHERE status = 'signed_off' ORDER BY id LIMIT 1")
VOID=$(id_at 5)
FROM=$(path_of "$OPEN")
FROM_FINDING=${FROM%/*}
FROM_REF=${FROM##*/}
# A finding of the last authority in path order: the moved action is listed
# there, before or after the finding it came from.
TO_FINDING=$(sql "$DB" "SELECT a.code||'/'||r.ref||'/'||f.ref FROM finding f JOIN review r
  ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
  WHERE f.id <> (SELECT finding_id FROM action WHERE id = $OPEN)
  ORDER BY a.code DESC, r.ref DESC, f.ref DESC LIMIT 1")

# Every kind of entry, with text a spreadsheet would take for a formula.
sp action update "$OPEN" --note "=HYPERLINK(\"x\")" --percent 40 --by "Head of Service" \
    --on 2017-08-01
sp action edit "$OPEN" --title "'Quoted, title" --measure "+ fewer re-referrals" \
    --reason "typo" --by "Plan manager"
sp action edit "$OPEN" --finding "$TO_FINDING" --ref 91 --reason "wrong finding"
# The freed reference is used again by a new action: the history import
# must replay in the order recorded, not file order, to rebuild both.
sp action add "$FROM_FINDING" --title "A new action where the old one was" \
    --owner "Head of Service" --ref "$FROM_REF" --due 2017-12-31
sp action update "$OPEN2" --due "TBC - December 2017" --reason "slipped" --by "Manager" \
    --on 2017-08-20
sp action update "$OPEN2" --rag amber --reason "partner delay" --by "Manager"
sp action edit "$OPEN2" --owner "Interim lead" --reason "cover"
sp config set closure.embedded on
sp action embed "$DONE" --evidence "Re-audit six months on: still right" --by "Manager"
sp action void "$VOID" --reason "added twice"

case_ "export --history writes one row per entry, the created row first"
run export --history --out history.csv
expect_status 0
expect_out "history entries to history.csv"
entries=$(sql "$DB" "SELECT (SELECT count(*) FROM action) + (SELECT count(*) FROM action_update)
  + (SELECT count(*) FROM journal WHERE object_kind = 'action')
  + (SELECT count(*) FROM action_embedded)")
python3 - "$entries" <<'EOF' >"$OUT" 2>"$ERR"
import csv, sys
with open('history.csv', encoding='utf-8-sig', newline='') as f:
    rows = list(csv.DictReader(f))
assert len(rows) == int(sys.argv[1]), (len(rows), sys.argv[1])
kinds = {r['entry'] for r in rows}
assert kinds == {'created', 'update', 'edit', 'embedded'}, kinds
seen = set()
for r in rows:
    key = (r['authority'], r['review'], r['finding_ref'], r['action_ref'])
    if r['entry'] == 'created':
        assert key not in seen, key
        seen.add(key)
    else:
        assert key in seen, ('entry before its created row', key)
# The formula guard: a cell that would run as a formula starts with '.
notes = [r['note'] for r in rows if r['note'].startswith("'=HYPERLINK")]
assert notes, 'guarded note missing'
print('ok', len(rows))
EOF
STATUS=$?
expect_status 0
expect_out "ok $entries"

case_ "voided actions are in the history, with their voiding"
expect_eq "$(grep -c ',edit,.*,void,0,1' history.csv)" 1 "void rows"

case_ "import of the history into an empty plan rebuilds it: the same bytes out"
snapshot() {
    mkdir -p "$1"
    "$SAFEPLAN_BIN" --db "$2" export --history --out - >"$1/history.csv"
    "$SAFEPLAN_BIN" --db "$2" export >"$1/export.csv"
    "$SAFEPLAN_BIN" --db "$2" export --include-void >"$1/void.csv"
    "$SAFEPLAN_BIN" --db "$2" export --as-of 2013-06-30 >"$1/past.csv"
    "$SAFEPLAN_BIN" --db "$2" summary >"$1/summary.txt"
    "$SAFEPLAN_BIN" --db "$2" overdue >"$1/overdue.txt"
    "$SAFEPLAN_BIN" --db "$2" stale >"$1/stale.txt"
    # Ids are the new plan's own (the history names things by path): the
    # lists are compared without them, in path order.
    COLUMNS=200 "$SAFEPLAN_BIN" --db "$2" action list --include-void | cut -c5- | sort \
        >"$1/list.txt"
    COLUMNS=200 "$SAFEPLAN_BIN" --db "$2" action history "$(path_of "$OPEN")" | cut -c4- \
        >"$1/one.txt"
}
snapshot before "$DB"
run --db moved.db import history.csv
expect_status 0
expect_out "created: 5 authorities"
expect_out "history: "
snapshot after moved.db
for f in before/*; do
    if cmp -s "$f" "after/${f#before/}"; then ok; else bad "${f#before/} differs"; fi
done

case_ "the rebuilt history verifies: every action's state is what its history says"
run --db moved.db verify
expect_status 0
expect_out "every action's state is what its history says"

case_ "the rebuilt entries keep their authors, dates and reasons"
q="SELECT author, on_date, recorded_at, reason, note, percent, new_due_as_written
   FROM action_update ORDER BY action_id, on_date, recorded_at, coalesce(note, '')"
expect_eq "$(sql moved.db "$q" | sort)" "$(sql "$DB" "$q" | sort)" "updates"
expect_eq "$(sql moved.db "SELECT new_due_on FROM action_update
  WHERE new_due_as_written = 'TBC - December 2017'")" 2017-12-31 "a revision's words, moved"
q="SELECT field, author, reason, recorded_at FROM journal WHERE object_kind = 'action'"
expect_eq "$(sql moved.db "$q" | sort)" "$(sql "$DB" "$q" | sort)" "corrections"

case_ "a sign-off by its claimant is replayed as recorded, with a note"
# The two-person rule refuses such a sign-off now; a history recorded
# before the rule, or edited by hand, may hold one. A plan's past moves
# with it as it was: kept, and said.
python3 - history.csv one-person.csv <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
place = lambda r: (r["authority"], r["review"], r["finding_ref"], r["action_ref"])
signed = next(r for r in rows if r["new_status"] == "signed_off")
claim = [r for r in rows if place(r) == place(signed) and r["new_status"] == "complete"][-1]
signed["author"] = claim["author"]
w = csv.DictWriter(open(sys.argv[2], "w", encoding="utf-8", newline=""), fieldnames=list(rows[0]))
w.writeheader()
w.writerows(rows)
print("/".join(place(signed)), claim["author"], file=open("one-person.txt", "w"))
PY
read -r ONE_PATH ONE_BY <one-person.txt
run --db one-person.db import one-person.csv
expect_status 0
expect_err "note: one-person.csv: 1 sign-off was made by the person who claimed the work complete, which the two-person rule refuses now: imported as recorded"
expect_err "action $ONE_PATH was claimed complete by $ONE_BY"
expect_eq "$(sql one-person.db "SELECT count(*) FROM action_update WHERE new_status = 'signed_off'")" \
    "$(sql "$DB" "SELECT count(*) FROM action_update WHERE new_status = 'signed_off'")" "sign-offs kept"

case_ "into a plan with actions of its own, each entry finds its action"
# The replay keeps each action it makes as its distance from the first it
# made (import_history.c, made_id): with actions there before, the ids
# start after them, and every update, correction and check must still land
# on its own action.
sp --db beside.db init
sp --db beside.db authority add zz-other --name "Another council"
sp --db beside.db review add zz-other r1 --kind "LGA peer review" --title "Peer review" \
    --from 2012-05-21
sp --db beside.db finding add zz-other/r1 1 --kind "Area for consideration" \
    --theme "Capacity and managing resources" --text "Its own finding"
for t in one two three; do
    sp --db beside.db action add zz-other/r1/1 --title "Its own $t" --owner "Head of Service" \
        --due 2012-07-31 --start 2012-06-01
done
run --db beside.db import history.csv
expect_status 0
run --db beside.db verify
expect_status 0
expect_eq "$(sql beside.db "SELECT min(id) FROM action WHERE finding_id IN
  (SELECT id FROM finding WHERE review_id IN (SELECT id FROM review WHERE authority_id IN
  (SELECT id FROM authority WHERE code <> 'zz-other')))")" 4 "the first action made"
for code in $(sql moved.db "SELECT code FROM authority ORDER BY code"); do
    for how in "" --history; do
        if cmp -s <("$SAFEPLAN_BIN" --db moved.db export $how --authority "$code" --out -) \
                  <("$SAFEPLAN_BIN" --db beside.db export $how --authority "$code" --out -); then
            ok
        else
            bad "export $how --authority $code differs"
        fi
    done
done

case_ "the import is one change set, and undo voids what it made"
run --db moved.db log
expect_out "safeplan import history.csv"
run --db moved.db undo
expect_status 0
run --db moved.db export
expect_eq "$(wc -l <"$OUT")" 1 "rows after undo"

case_ "a dry run counts and changes nothing"
run --db fresh.db init
run --db fresh.db import history.csv --dry-run
expect_status 0
expect_out "would create: 5 authorities"
expect_eq "$(sql fresh.db "SELECT count(*) FROM action")" 0 "actions"

case_ "the same history again is refused: its actions are in the plan"
before=$(fingerprint "$DB" "$DB-wal")
run import history.csv
expect_status 1
expect_err "the plan already has action"
expect_err "nothing was imported"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database"

# bad FILE PYTHON: a copy of the history changed by PYTHON (rows, h: header).
bad_copy() {
    python3 - "$1" "$2" <<'EOF'
import csv, sys
with open('history.csv', encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
h = rows[0]
exec(sys.argv[2])
with open(sys.argv[1], 'w', encoding='utf-8', newline='') as f:
    csv.writer(f, lineterminator='\r\n').writerows(rows)
EOF
}
first_update=$(awk -F, 'NR > 1 && /,update,/ {print NR; exit}' history.csv)
created_before=$(python3 - <<'EOF'
import csv
rows = list(csv.reader(open('history.csv', encoding='utf-8-sig', newline='')))
e = rows[0].index('entry')
for i in range(1, len(rows) - 1):
    if rows[i][e] == 'created' and rows[i + 1][e] != 'created':
        print(i); break
EOF
)
bad_copy kind.csv "rows[2][h.index('entry')] = 'changed'"
bad_copy date.csv "rows[2][h.index('start_on')] = '31/12/2017'"
bad_copy moment.csv "rows[3][h.index('recorded_at')] = 'yesterday'"
bad_copy percent.csv "rows[$first_update - 1][h.index('percent')] = '140'"
bad_copy orphan.csv "del rows[$created_before]"
bad_copy short.csv "rows = [r[:-1] for r in rows]"
bad_copy renamed.csv "rows[0][h.index('note')] = 'Note'"
bad_copy nowhere.csv "rows[1][h.index('created_as')] = 'nowhere/x/1/1'"
bad_copy notpath.csv "rows[1][h.index('created_as')] = 'torbay'"
bad_copy twice.csv "rows[$created_before + 1][h.index('entry')] = 'created'"
bad_copy order.csv "rows[$created_before + 1][h.index('entry_no')] = rows[$created_before][h.index('entry_no')]"
void_row=$(awk -F, '/,edit,.*,void,0,1/ {print NR; exit}' history.csv)
bad_copy voidvalue.csv "rows[$void_row - 1][h.index('new_value')] = '2'"
# Words of a due date on an update that sets none (a hand edit).
plain_update=$(python3 - <<'EOF'
import csv
rows = list(csv.reader(open('history.csv', encoding='utf-8-sig', newline='')))
h = rows[0]
print(next(i + 1 for i, r in enumerate(rows)
           if r[h.index('entry')] == 'update' and not r[h.index('new_due_on')]))
EOF
)
bad_copy words.csv "rows[$plain_update - 1][h.index('due_as_written')] = 'March 2026'"
sp --db empty.db init
for spec in "kind.csv:3:16|entry 'changed': expected created, update, edit or embedded" \
    "date.csv:3:24|start_on '31/12/2017': expected a date YYYY-MM-DD" \
    "moment.csv:4:19|recorded_at 'yesterday': expected the moment" \
    "percent.csv:$first_update:36|percent '140': expected a whole number from 0 to 100" \
    "orphan.csv:$((created_before + 1)):16|an entry before its action's 'created' row" \
    "short.csv:1:48|this header stops after 47" \
    "renamed.csv:1:33|column 33 is 'Note', expected 'note'" \
    "nowhere.csv:2:21|names finding 'nowhere/x/1', which is in neither the plan nor the file" \
    "notpath.csv:2:21|created_as 'torbay': expected the action's path" \
    "twice.csv:$((created_before + 2)):16|the file has already created this action" \
    "order.csv:$((created_before + 2)):17|not after the action's entry above it" \
    "voidvalue.csv:$void_row:48|new_value '2': void is 0 or 1" \
    "words.csv:$plain_update:29|due_as_written 'March 2026': an update's due_as_written is the words of the due date it sets, and this update sets none (new_due_on is empty)"; do
    file=${spec%%:*}
    case_ "a bad history file is refused naming the place: $file"
    run --db empty.db import "$file"
    expect_status 1
    expect_err "${spec%%|*}: "
    expect_err "${spec#*|}"
    expect_eq "$(sql empty.db "SELECT count(*) FROM action") $(sql empty.db \
      "SELECT count(*) FROM authority")" "0 0" "nothing imported"
done

case_ "--history takes no --as-of (exit 2)"
run export --history --as-of 2017-01-01
expect_status 2
expect_err "--history writes every entry ever made: it takes no --as-of"

case_ "--history --format json: the same rows, read by Python's json"
run export --history --format json
expect_status 0
python3 - "$OUT" "$entries" <<'EOF' >"$WORK/json.out" 2>&1
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert d['report'] == 'history', d['report']
assert len(d['rows']) == int(sys.argv[2]), len(d['rows'])
assert any(r['note'] == '=HYPERLINK("x")' for r in d['rows'])
print('json ok')
EOF
if grep -q "json ok" "$WORK/json.out"; then ok; else bad "$(cat "$WORK/json.out")"; fi

case_ "a filter selects whole actions' histories"
run export --history --authority torbay --no-bom
expect_status 0
expect_eq "$(tail -n +2 "$OUT" | cut -d, -f1 | sort -u)" "torbay" "authorities"

case_ "entry_no numbers the file's entries 1..N in the order chained, filtered too"
# The ledger's order of every entry the file holds, as (place, kind).
chained() {
    sql "$DB" "SELECT a.code, r.ref, f.ref, x.ref,
        CASE l.entry_table WHEN 'action_origin' THEN 'created' WHEN 'action_update'
          THEN 'update' WHEN 'journal' THEN 'edit' ELSE 'embedded' END
      FROM ledger l
      JOIN action x ON x.id = CASE l.entry_table WHEN 'action_origin' THEN l.entry_id
        WHEN 'action_update' THEN (SELECT action_id FROM action_update WHERE id = l.entry_id)
        WHEN 'journal' THEN (SELECT object_id FROM journal
                             WHERE id = l.entry_id AND object_kind = 'action')
        WHEN 'action_embedded' THEN (SELECT action_id FROM action_embedded
                                     WHERE id = l.entry_id) END
      JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
      JOIN authority a ON a.id = r.authority_id
      WHERE $1 ORDER BY l.seq" >"$2"
}
chained "1" "$WORK/chained-all.txt"
chained "a.code = 'torbay'" "$WORK/chained-torbay.txt"
"$SAFEPLAN_BIN" --db "$DB" export --history --out "$WORK/h-all.csv" >/dev/null
"$SAFEPLAN_BIN" --db "$DB" export --history --authority torbay --out "$WORK/h-torbay.csv" \
    >/dev/null
python3 - "$WORK" <<'EOF' >"$WORK/entry_no.out" 2>&1
import csv, sys
work = sys.argv[1]
for part in ('all', 'torbay'):
    with open(f'{work}/h-{part}.csv', encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    with open(f'{work}/chained-{part}.txt', encoding='utf-8') as f:
        want = [tuple(line.rstrip('\n').split('|')) for line in f]
    numbers = [int(r['entry_no']) for r in rows]
    assert sorted(numbers) == list(range(1, len(rows) + 1)), (part, 'not 1..N')
    got = [(r['authority'], r['review'], r['finding_ref'], r['action_ref'], r['entry'])
           for r in sorted(rows, key=lambda r: int(r['entry_no']))]
    assert len(got) == len(want), (part, len(got), len(want))
    assert got == want, (part, [i for i, (g, w) in enumerate(zip(got, want)) if g != w][:3])
    assert len(rows) > 10, (part, len(rows))
print('entry_no ok')
EOF
if grep -q "entry_no ok" "$WORK/entry_no.out"; then ok; else bad "$(cat "$WORK/entry_no.out")"; fi

case_ "an entry missing from the ledger stops the history export, named (exit 1)"
cp "$DB" "$WORK/unchained.db"
sql "$WORK/unchained.db" "DROP TRIGGER ledger_no_delete;
  DELETE FROM ledger WHERE seq = (SELECT max(seq) FROM ledger
                                  WHERE entry_table = 'action_update')"
run --db "$WORK/unchained.db" export --history --out "$WORK/unchained.csv"
expect_status 1
expect_err "an entry of the history is not in the ledger ('safeplan verify' names it)"
[ ! -e "$WORK/unchained.csv" ] && ok || bad "a partial history file was left"

case_ "README 'Moving a plan with its history': each command prints what the README shows"
mkdir -p "$WORK/readme" && (
    cd "$WORK/readme" || exit 1
    export SAFEPLAN_DB=$PWD/safeplan.db SAFEPLAN_TODAY=2017-07-01
    "$SAFEPLAN_BIN" demo >/dev/null
    readme_block "### Moving a plan with its history"
) && ok || bad "README block differs"

finish

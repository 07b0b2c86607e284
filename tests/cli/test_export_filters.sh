#!/usr/bin/env bash
# Every filter of `export` and `export --history`, alone and in pairs,
# keeps exactly the rows the whole export has for the actions it names.
# Each filter is its own fragment of SQL in the export's walk of the plan
# (by_ref in sql/filter.sql), so the check is that each fragment means
# what the option says: Python's csv reads the whole plan's file and
# filters it by the columns, and the filtered file must be the same rows.
source "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-09-01
sp demo
DB=$SAFEPLAN_DB
first() { sql "$DB" "$1 LIMIT 1"; }

# An open-ended action (--no-due), and a voided one (history keeps it).
FINDING=$(first "SELECT a.code||'/'||r.ref||'/'||f.ref FROM finding f JOIN review r
  ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
  WHERE a.code = 'torbay' ORDER BY f.id")
sp action add "$FINDING" --title "Agree a date for the audit" --owner "Head of Service"
sp action add "$FINDING" --title "Open-ended, then voided" --owner "Head of Service"
VOIDED=$(first "SELECT max(id) FROM action")
sp action void "$VOIDED" --reason "entered twice" --by "Plan manager"
sp action update "$(first "SELECT id FROM action WHERE status = 'in_progress' ORDER BY id")" \
    --note "Audit booked" --percent 50 --by "Head of Service" --on 2017-08-20

OWNER=$(first "SELECT o.name FROM owner o JOIN action x ON x.owner_id = o.id
  GROUP BY o.id ORDER BY count(*) DESC, o.id")
AUTHORITY=$(first "SELECT a.code FROM authority a JOIN review r ON r.authority_id = a.id
  JOIN finding f ON f.review_id = r.id JOIN action x ON x.finding_id = f.id
  GROUP BY a.id ORDER BY count(*) DESC, a.id")
REVIEW=$(first "SELECT a.code||'/'||r.ref FROM review r JOIN authority a
  ON a.id = r.authority_id JOIN finding f ON f.review_id = r.id
  JOIN action x ON x.finding_id = f.id GROUP BY r.id ORDER BY count(*) DESC, r.id")
FIND=$(first "SELECT a.code||'/'||r.ref||'/'||f.ref FROM finding f JOIN review r
  ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
  JOIN action x ON x.finding_id = f.id GROUP BY f.id ORDER BY count(*) DESC, f.id")

# Each filter as its option and as the check Python makes on a row.
OPTS=("--authority=$AUTHORITY" "--review=$REVIEW" "--finding=$FIND" "--owner=$OWNER"
      "--theme=leadership" "--status=in_progress" "--rag=red" "--no-due")

"$SAFEPLAN_BIN" export --raw --no-bom --include-void --out "$WORK/all.csv" >/dev/null
"$SAFEPLAN_BIN" export --raw --no-bom --out "$WORK/live.csv" >/dev/null
"$SAFEPLAN_BIN" export --history --raw --no-bom --out "$WORK/history.csv" >/dev/null

# check KIND OPTION... : the export (plain, with --include-void, or the
# history) under the options against the whole file filtered in Python.
check() {
    local kind=$1
    shift
    case_ "export $kind $*"
    local extra=()
    case $kind in
    history) extra=(--history) ;;
    void) extra=(--include-void) ;;
    esac
    run export "${extra[@]}" --raw --no-bom "$@" --out "$WORK/part.csv"
    expect_status 0
    if python3 - "$WORK" "$kind" "$@" >"$WORK/.py" 2>&1 <<'EOF'; then ok; else bad "$(cat "$WORK/.py")"; fi
import csv, re, sys
work, kind, opts = sys.argv[1], sys.argv[2], sys.argv[3:]

def rows(name):
    with open(f"{work}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

def words(text):
    return set(re.findall(r"\w+", text.casefold()))

def keeps(row, opt):
    name, _, value = opt[2:].partition("=")
    place = [row["authority"], row["review"], row["finding_ref"]]
    return {
        "authority": lambda: place[0] == value,
        "review": lambda: "/".join(place[:2]) == value,
        "finding": lambda: "/".join(place) == value,
        "owner": lambda: row["owner"] == value,
        "theme": lambda: words(value) <= words(row["theme"]),
        "status": lambda: row["status"] == value,
        "rag": lambda: row["rag"] == value,
        "no-due": lambda: row["due_on"] == "",
    }[name]()

def key(row):
    return (row["authority"], row["review"], row["finding_ref"], row["action_ref"])

# The actions the filters keep, judged on the plan today (voided ones too
# for the history, which keeps a voided action's entries).
whole = rows("live.csv" if kind == "plain" else "all.csv")
kept = [r for r in whole if all(keeps(r, o) for o in opts)]
part = rows("part.csv")
if kind != "history":
    assert part == kept, f"{len(part)} rows, expected {len(kept)}"
else:
    names = {key(r) for r in kept}
    history = [r for r in rows("history.csv") if key(r) in names]
    # entry_no numbers the file's own entries 1..N in the order recorded.
    order = sorted(history, key=lambda r: int(r["entry_no"]))
    number = {id(r): str(i + 1) for i, r in enumerate(order)}
    for r in history:
        r["entry_no"] = number[id(r)]
    assert part == history, f"{len(part)} entries, expected {len(history)}"
    assert len({key(r) for r in part}) == len(names), "an action with no entry"
print(len(part))
EOF
}

# Pairs for the plain export and the history; --include-void alone with
# each (the void fragment is added or not whatever else is set).
for kind in plain history void; do
    for ((i = 0; i < ${#OPTS[@]}; i++)); do
        check "$kind" "${OPTS[i]}"
        [ "$kind" = void ] && continue
        for ((j = i + 1; j < ${#OPTS[@]}; j++)); do
            check "$kind" "${OPTS[i]}" "${OPTS[j]}"
        done
    done
done

# The checks above must not pass on empty files: each filter alone keeps
# some rows and leaves some out, and the voided action is in the owner's
# history and its export with --include-void, not in the plain export.
case_ "each filter keeps some rows and drops others"
for opt in "${OPTS[@]}"; do
    n=$("$SAFEPLAN_BIN" export --raw --no-bom "$opt" | python3 -c \
        'import csv,sys; print(len(list(csv.DictReader(sys.stdin))))')
    all=$(python3 -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1])))))' \
        "$WORK/live.csv")
    if [ "$n" -gt 0 ] && [ "$n" -lt "$all" ]; then ok; else bad "$opt kept $n of $all"; fi
done
case_ "the voided action: in the history and with --include-void only"
for args in "--history" "--include-void" ""; do
    run export $args --owner "Head of Service" --raw --no-bom
    if [ -n "$args" ]; then expect_out "Open-ended, then voided"
    else expect_out_not "Open-ended, then voided"; fi
done

finish

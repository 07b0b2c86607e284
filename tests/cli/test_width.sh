#!/usr/bin/env bash
# Tables people can read (#12): they fit the terminal's width (the window
# when standard output is a terminal, else $COLUMNS, else 100), cut only
# prose, and never cut an id, a path, a code, a kind, a status, a
# judgement, a rating or a date. Durations are written alike everywhere.
# JSON from every command is the reports' envelope.
. "$(dirname "$0")/lib.sh"

sp demo
export SAFEPLAN_TODAY=2017-07-01

# Display columns as a terminal draws them, written apart from colwidth.c:
# East Asian wide and full-width characters (emoji among them) are two,
# combining marks, zero-width characters and variation selectors none.
# check TABLE CSV COLUMNS: the table's lines fit, its fields line up and
# each cell is its CSV value, whole or cut before an ellipsis.
cat >dw.py <<'PY'
import csv, unicodedata
ZERO = set(range(0x200B, 0x2010)) | set(range(0x2060, 0x2065)) | {0xFEFF} | set(range(0xFE00, 0xFE10))
TINTS = set(range(0x1F3FB, 0x1F400))  # skin tones: drawn on the emoji before
def cw(ch):
    if unicodedata.category(ch) in ("Mn", "Me") or ord(ch) in ZERO | TINTS:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
def widths(s):
    """Each character's columns; after a zero-width joiner a character is
    drawn into the one before it (an emoji family is one glyph)."""
    out, joined = [], False
    for ch in s:
        out.append(0 if joined and ord(ch) >= 0x80 else cw(ch))
        joined = ch == "\u200d"
    return out
def width(s):
    return sum(widths(s))
def cut(s, n):
    """The longest start of s no wider than n, not ending before a mark."""
    out, w = "", 0
    for ch, c in zip(s, widths(s)):
        if c and w + c > n:
            break
        out, w = out + ch, w + c
    return out
def placed(line):
    """(start column, text) of each character, a mark joined to its base."""
    cells, col = [], 0
    for ch, c in zip(line, widths(line)):
        if c == 0 and cells:
            cells[-1] = (cells[-1][0], cells[-1][1] + ch)
        else:
            cells.append((col, ch))
        col += c
    return cells
def check(table, csvfile, columns):
    lines = open(table, encoding="utf-8").read().splitlines()
    rows = list(csv.DictReader(open(csvfile, encoding="utf-8-sig", newline="")))
    wide = [l for l in lines if width(l) > columns]
    if wide:
        return "a line of %d columns: %r" % (width(wide[0]), wide[0])
    head = placed(lines[0])
    starts = [c for i, (c, ch) in enumerate(head) if ch != " " and (i == 0 or head[i - 1][1] == " ")]
    names = lines[0].split()
    body = lines[1:1 + len(rows)]
    if len(body) < len(rows) or not rows:
        return "%d rows for %d" % (len(body), len(rows))
    for line, row in zip(body, rows):
        at = dict(placed(line))
        for s in starts[1:]:
            if at.get(s - 2) != " " or at.get(s - 1) != " " or (s not in at and s < width(line)):
                return "out of line at column %d: %r" % (s, line)
        for k, name in enumerate(names):
            if name not in row:
                continue
            end = starts[k + 1] - 2 if k + 1 < len(starts) else None
            cell = "".join(t for c, t in placed(line) if c >= starts[k] and (end is None or c < end)).strip(" ")
            value = row[name].replace("\n", " ")
            if cell == value.strip(" "):
                continue
            if not cell.endswith("…"):
                return "%s not whole: %r for %r" % (name, cell, value)
            kept = cell[:-1]
            if end is not None and kept != cut(value, end - starts[k] - 1):
                return "%s cut wrongly: %r for %r" % (name, cell, value)
            if not value.startswith(kept):
                return "%s: %r is not the start of %r" % (name, cell, value)
            rest = value[len(kept):]
            if rest and cw(rest[0]) == 0:
                return "%s: a mark cut from its letter: %r" % (name, cell)
    return "ok"
PY

# widest FILE: the longest line in display columns.
widest() { python3 -c 'import sys, dw; print(max([dw.width(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))' "$1"; }

# Every value of the CSV's columns named in $2.. appears whole in the table
# $1; a judgement may be wrapped onto more lines, so each of its words must
# appear whole, in order, in its column's lines of the row.
whole_in_table() {
    python3 - "$@" <<'PY'
import csv, sys
table, csvfile, cols = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(table, encoding="utf-8").read()
lines = text.splitlines()
def column_text(col):
    """The column's slice of every line, joined: a wrapped cell reads whole."""
    head = lines[0]
    start = head.index(col)
    end = start + len(col)
    while end < len(head) and head[end] == " ":
        end += 1
    end = end if end < len(head) else None
    return " ".join(l[start:end].strip() for l in lines[1:] if l[start:end].strip())
def whole(col, value):
    return value in text or (col.endswith("judgement") and value in column_text(col))
missing = [(c, r[c]) for r in csv.DictReader(open(csvfile, encoding="utf-8-sig", newline=""))
           for c in cols if r.get(c) and not whole(c, r[c])]
print("ok" if not missing else "cut: %r" % missing[:3])
PY
}

case_ "tables fit \$COLUMNS at 80, 100 and 200 columns"
for w in 80 100 200; do
    for cmd in "action list" "owner list" "authority list" "overdue" "due" "stale" \
               "summary" "log" "config list"; do
        COLUMNS=$w "$SAFEPLAN_BIN" $cmd >"$OUT" 2>"$ERR"
        expect_eq "$?" 0 "$cmd at $w"
        [ "$(widest "$OUT")" -le "$w" ] && ok || bad "$cmd at $w columns: a line of $(widest "$OUT")"
    done
done

case_ "wider terminals show more of the prose"
COLUMNS=80 "$SAFEPLAN_BIN" action list leicester >n80.txt
COLUMNS=200 "$SAFEPLAN_BIN" action list leicester >n200.txt
[ "$(grep -c '…' n200.txt)" -lt "$(grep -c '…' n80.txt)" ] && ok || bad "200 columns cut as much as 80"
grep -qF "Director of Children's Services" n200.txt && ok || bad "an owner cut at 200 columns"

case_ "no \$COLUMNS and no terminal: 100 columns"
"$SAFEPLAN_BIN" action list >n.txt
COLUMNS=100 "$SAFEPLAN_BIN" action list >n100.txt
cmp -s n.txt n100.txt && ok || bad "the default is not 100 columns"
COLUMNS=junk "$SAFEPLAN_BIN" action list >nj.txt
cmp -s nj.txt n100.txt && ok || bad "a COLUMNS that is not a number is not ignored"

case_ "a terminal's own width wins over \$COLUMNS"
if command -v script >/dev/null && command -v stty >/dev/null; then
    COLUMNS=200 script -qec "stty cols 90 rows 40; NO_COLOR=1 '$SAFEPLAN_BIN' action list" /dev/null \
        | tr -d '\r' >tty.txt
    m=$(widest tty.txt)
    [ "$m" -le 90 ] && [ "$m" -ge 80 ] && ok || bad "on a 90-column terminal the widest line is $m"
else
    ok
fi

case_ "identifiers, kinds, statuses, judgements, ratings and dates are never cut"
for w in 80 100; do
    COLUMNS=$w "$SAFEPLAN_BIN" review list >t.txt
    "$SAFEPLAN_BIN" review list --format csv >t.csv
    expect_eq "$(whole_in_table t.txt t.csv path kind judgement started_on reported_on)" ok "review list at $w"
    COLUMNS=$w "$SAFEPLAN_BIN" finding list >t.txt
    "$SAFEPLAN_BIN" finding list --format csv >t.csv
    expect_eq "$(whole_in_table t.txt t.csv path kind)" ok "finding list at $w"
    COLUMNS=$w "$SAFEPLAN_BIN" action list >t.txt
    "$SAFEPLAN_BIN" action list --format csv >t.csv
    expect_eq "$(whole_in_table t.txt t.csv id path status due_on)" ok "action list at $w"
    COLUMNS=$w "$SAFEPLAN_BIN" overdue >t.txt
    "$SAFEPLAN_BIN" overdue --format csv >t.csv
    expect_eq "$(whole_in_table t.txt t.csv path rag days_overdue)" ok "overdue at $w"
    COLUMNS=$w "$SAFEPLAN_BIN" action history 1 >t.txt
    "$SAFEPLAN_BIN" action history 1 --format csv >t.csv
    expect_eq "$(whole_in_table t.txt t.csv id on_date old_status new_status)" ok \
        "action history at $w"
done

case_ "a long judgement wraps onto more lines, whole, and does not widen the table"
COLUMNS=100 "$SAFEPLAN_BIN" review list >before.txt
long="Requires improvement to be good, with leadership, management and governance judged inadequate at the time"
run review add torbay 2019-ofsted --kind ofsted_inspection --title "Ofsted inspection" \
    --judgement "$long"; expect_status 0
COLUMNS=100 "$SAFEPLAN_BIN" review list >t.txt
"$SAFEPLAN_BIN" review list --format csv >t.csv
[ "$(widest t.txt)" -le "$(widest before.txt)" ] && ok || bad "widened: $(widest before.txt) -> $(widest t.txt)"
expect_eq "$(whole_in_table t.txt t.csv judgement path)" ok "whole"
grep -q "^ *improvement to be\|^ \+[a-z]" t.txt && ok || bad "no continuation line"
grep "torbay/2019-ofsted" t.txt | grep -q 'Requires' && ok || bad "not on its row"
COLUMNS=200 "$SAFEPLAN_BIN" review list >t200.txt
[ "$(widest t200.txt)" -le 200 ] && ok || bad "200 columns: a line of $(widest t200.txt)"
expect_eq "$(whole_in_table t200.txt t.csv judgement)" ok "whole at 200"

case_ "durations: N, Nd, Nw and Nm wherever days are asked"
run due --within 4w --format json
expect_status 0
expect_eq "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["within_days"])' "$OUT")" 28 "4w"
run due --within 1m --format json
expect_eq "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["within_days"])' "$OUT")" 30 "1m"
run stale --days 3m --format json
expect_status 0
expect_eq "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["days"])' "$OUT")" 91 "3m"
run stale --days 13w --format csv
expect_status 0
"$SAFEPLAN_BIN" stale --days 91 --format csv >s91.csv
cmp -s "$OUT" s91.csv && ok || bad "13w is not the same list as 91 days"
before=$(sqlite3 plan.db 'SELECT count(*) FROM ledger')
run config set rag.stale_days 9w
expect_status 0
expect_out "rag.stale_days = 63 (was 60)"
run config get rag.stale_days
expect_eq "$(cat "$OUT")" 63 "stored in days"
run stale --days 4x
expect_status 2
expect_err "--days '4x' is not a number of days"
run due --within 121m
expect_status 2
expect_err "(e.g. 28, 28d, 4w or 1m)"
run config set rag.amber_days 2y
expect_status 1
expect_eq "$("$SAFEPLAN_BIN" config get rag.amber_days)" 28 "a bad value changes nothing"
sp digest --set-from "Safeguarding plan <plan@council.example>"
run digest --days 2w --preview
expect_status 0

case_ "summary --by still works, with a note that it is now --group-by"
run summary --by owner
expect_status 0
expect_err "--by is now spelt --group-by"
"$SAFEPLAN_BIN" summary --group-by owner >g.txt 2>g.err
cmp -s "$OUT" g.txt && ok || bad "--by and --group-by differ"
[ -s g.err ] && bad "--group-by printed: $(cat g.err)" || ok

case_ "a narrow summary keeps the group's name and says where the status counts went"
COLUMNS=80 "$SAFEPLAN_BIN" summary --group-by authority >s80.txt
grep -q "^windsor-maidenhead " s80.txt && ok || bad "the authority cut at 80 columns"
grep -q "not_started and in_progress: on a terminal of 100 columns" s80.txt && ok || bad "no note"
COLUMNS=100 "$SAFEPLAN_BIN" summary --group-by authority >s100.txt
head -1 s100.txt | grep -q "in_progress" && ok || bad "100 columns lost the status counts"

case_ "every command's JSON is the reports' envelope"
for cmd in "action list" "finding list" "review list" "authority list" "owner list" \
           "log" "config list" "overdue" "summary" "action history 1" "action show 1"; do
    "$SAFEPLAN_BIN" $cmd --format json >j.json 2>"$ERR"
    expect_eq "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(type(d).__name__, d["report"], type(d["rows"]).__name__)' j.json)" \
        "dict ${cmd% 1} list" "$cmd envelope"
done

case_ "the action's text is 'action' in every command's JSON"
for cmd in "action list" "action show 33" "action show 33 --as-of 2017-03-01" "overdue" "export --format json"; do
    "$SAFEPLAN_BIN" $cmd --format json >j.json 2>/dev/null || "$SAFEPLAN_BIN" $cmd >j.json 2>/dev/null
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["rows"][0]; assert "action" in r and "title" not in r, list(r)' j.json 2>/dev/null \
        && ok || bad "$cmd: no 'action' field"
done

case_ "export --format json: the CSV's rows and keys, exact, in the envelope"
for day in 2017-03-01 2017-07-01; do
    run export --format json --as-of $day --authority leicester
    expect_status 0
    "$SAFEPLAN_BIN" export --raw --no-bom --as-of $day --authority leicester >e.csv
    expect_eq "$(python3 - "$OUT" e.csv <<'PY'
import csv, json, sys
d = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
same = [{k: (v if v is not None else "") for k, v in r.items()} for r in d["rows"]] == rows
print(d["report"], d["as_of"], d["filters"]["authority"], len(rows) > 0 and same)
PY
)" "export $day leicester True" "JSON = CSV on $day"
done
run export --format table
expect_status 2
expect_err "export writes csv or json"

case_ "action show --format json carries the RAG and its reason for its date"
run action show 33 --as-of 2017-03-01 --format json
expect_status 0
expect_eq "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["rows"][0]; print(d["as_of"], r["rag"], r["rag_reason"].split(":")[0])' "$OUT")" \
    "2017-03-01 green green" "rag as of 2017-03-01"
"$SAFEPLAN_BIN" action show 33 >show.txt
rag_today=$(sed -n 's/^RAG as of 2017-07-01: \([a-z]*\).*/\1/p' show.txt)
run action show 33 --format json
expect_eq "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rows"][0]["rag"])' "$OUT")" \
    "$rag_today" "the JSON's RAG is the one action show prints"

case_ "display columns: wide, full-width, emoji and combining marks fit and line up"
# A terminal draws CJK, full-width forms and emoji two columns wide and
# combining marks, zero-width characters and variation selectors over the
# character before them (colwidth.c). The oracle (dw.py, above) is written
# apart, from Python's unicodedata: every line fits $COLUMNS, every field
# starts in the header's column on every row, and each cell is its value,
# whole, or cut on a character's boundary (its marks kept with it) before
# the "…".
u() { python3 -c 'import sys; print(sys.argv[1].encode().decode("unicode_escape"))' "$1"; }
titles=("漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字"
        "ｆｕｌｌ－ｗｉｄｔｈ ＴＩＴＬＥ：ｒｅｖｉｅｗ ｃａｓｅ ｆｉｌｅｓ ￥１００"
        "$(u '\U0001f680 Launch \U0001f4cb audit \u2705 done \u274c not \U0001f7e2 green \U0001f534 red \U0001f44d ok \U0001f468\u200d\U0001f469\u200d\U0001f467 family \U0001f44d\U0001f3fd')"
        "$(u 'Re\u0301vise\u0301 the pla\u0303n: x\u0336\u0336y\u0336 Zalgo t\u0337\u0338e\u0337x\u0338t, ZW\u200bSP, ZW\u200dJ, VS\ufe0f, \ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8 \uac80\ud1a0')")
owners=("ｗｉｄｅ ｏｗｎｅｒ ｎａｍｅ ｌｏｎｇ"
        "陳大文（兒童服務主管）及其團隊成員"
        "$(u 'Directrice de l\u2019e\u0301quipe de protection de l\u2019enfance')"
        "$(u 'Zo\u0308e\u0308 A\u030angstro\u0308m, re\u0301fe\u0301rente\u0301\u0301 sauvegarde')")
for i in 0 1 2 3; do
    for j in 0 1; do
        run action add torbay/2012-peer/3.1 --title "${titles[$(((i + j) % 4))]}" \
            --owner "${owners[$(((i + 2 * j) % 4))]}" --due 2017-0$((i + 2))-01 --start 2017-01-01
        expect_status 0
    done
done
# At 37 and 60 columns the paths alone (never cut) are wider than the
# window, so there the lines are not held to it; the cells still are.
for w in 37 60 80 100 137 200; do
    fits=$w
    [ "$w" -lt 80 ] && fits=100000
    for cmd in "overdue" "stale" "action list torbay" "owner list" "summary --group-by owner"; do
        COLUMNS=$w "$SAFEPLAN_BIN" $cmd >t.txt 2>"$ERR"
        "$SAFEPLAN_BIN" $cmd --format csv >t.csv
        expect_eq "$(python3 -c 'import sys, dw; print(dw.check(*sys.argv[1:3], int(sys.argv[3])))' \
            t.txt t.csv "$fits")" ok "$cmd at $w columns"
    done
done
COLUMNS=100 "$SAFEPLAN_BIN" overdue >t.txt
grep -q '漢字漢字' t.txt && grep -q 'ｗｉｄｅ' t.txt && ok || bad "the wide text is not in the table"

case_ "long prose is cut the same wherever its escapes fall"
# A table copies no more of a cell of prose than the table's width and a
# column (output.c, table_add_row); these descriptions, tampered into the
# file, put escapes, characters of several bytes and bad bytes just before,
# at and after that point for each width, and every cell must be the
# escaped text cut to its column (or whole), as if all of it were copied.
for w in 60 80 100 140; do
    sqlite3 plan.db "UPDATE action SET description =
        substr(printf('%.*c', 400, 'a'), 1, $w - 4 + id % 9)
        || CASE id % 4 WHEN 0 THEN char(13, 8238, 10) WHEN 1 THEN char(233, 20013, 9)
                       WHEN 2 THEN CAST(X'9BFF' AS TEXT) ELSE char(27) || '[2J' END
        || ' tail ' || id WHERE id <= 40"
    for cols in $w $((w * 3)); do
        COLUMNS=$cols "$SAFEPLAN_BIN" action list >"$OUT" 2>"$ERR"
        expect_eq "$?" 0 "action list at $cols"
        sqlite3 -json plan.db "SELECT id, hex(description) AS d FROM action WHERE id <= 40" >want.json
        expect_eq "$(python3 - "$OUT" want.json <<'PY'
import json, sys
def shown(raw):
    """cli_visible_line's escaping, written again from its comments."""
    out, i = [], 0
    text = raw
    while i < len(text):
        b = text[i]
        n = 1 if b < 0x80 else 2 if 0xc2 <= b < 0xe0 else 3 if 0xe0 <= b < 0xf0 else \
            4 if 0xf0 <= b <= 0xf4 else 0
        if n == 0 or i + n > len(text) or any(c & 0xc0 != 0x80 for c in text[i + 1:i + n]):
            out.append("\\x%02x" % b); i += 1; continue
        ch = text[i:i + n].decode(); i += n
        cp = ord(ch)
        if ch in "\n\t": out.append(" ")
        elif ch == "\r": out.append("\\r")
        elif cp < 0x20 or cp == 0x7f: out.append("\\x%02x" % cp)
        elif 0x80 <= cp <= 0x9f or cp in (0x200e, 0x200f, 0x2028, 0x2029, 0x061c) or \
                0x202a <= cp <= 0x202e or 0x2066 <= cp <= 0x2069: out.append("\\u%04x" % cp)
        else: out.append(ch)
    return "".join(out)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head = lines[0]
start, end = head.index("action"), head.index("owner") - 2
width = end - start
want = {r["id"]: shown(bytes.fromhex(r["d"])) for r in json.load(open(sys.argv[2]))}
bad = []
for line in lines[1:]:
    aid = int(line.split()[0])
    if aid in want:
        full = want[aid]
        expect = full if len(full) <= width else full[:width - 1] + "…"
        if line[start:end].rstrip(" ") != expect.rstrip(" "):
            bad.append((aid, line[start:end], expect))
print("ok" if not bad and len(lines) > 40 else "wrong: %r" % bad[:2])
PY
)" ok "prose cells at $cols columns"
    done
done

finish

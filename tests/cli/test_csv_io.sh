#!/usr/bin/env bash
# Export and import through the real binary, on real database files:
# Excel-safe CSV (BOM, CRLF, formula guard) read back by Python's csv
# module; byte-identical round trips; a council's Excel sheet; every
# malformed file rejected whole (exit 1, FILE:LINE:COLUMN, database
# unchanged); --dry-run predicting the real exit status; --map; notes.
#
# Test files: tests/data/import/ — council_excel.csv (saved by Excel as "CSV
# UTF-8"), mapped_headers.csv, and one file per way of being broken.
. "$(dirname "$0")/lib.sh"

DATA=$SP_SOURCE_DIR/tests/data/import
export SAFEPLAN_TODAY=2017-07-01

# check_csv FILE: Python's csv module reads FILE as Excel would (UTF-8 with
# a BOM); prints the number of data rows, or the first problem: a cell that
# a spreadsheet would run as a formula, a record not ended by CRLF, rows of
# unequal width.
check_csv() {
    python3 - "$1" <<'PY'
import csv, io, sys
raw = open(sys.argv[1], "rb").read()
if not raw.startswith(b"\xef\xbb\xbf"):
    sys.exit("no UTF-8 byte-order mark")
text = raw[3:].decode("utf-8")
quoted = False
for i, c in enumerate(text):  # record ends outside quotes must be CRLF
    if c == '"':
        quoted = not quoted
    elif c == "\n" and not quoted and (i == 0 or text[i - 1] != "\r"):
        sys.exit(f"a record ends with a bare LF at character {i}")
    elif c == "\r" and not quoted and text[i + 1:i + 2] != "\n":
        sys.exit(f"a record ends with a bare CR at character {i}")
rows = list(csv.reader(io.StringIO(text, newline="")))
width = len(rows[0])
for n, row in enumerate(rows, 1):
    if len(row) != width:
        sys.exit(f"row {n} has {len(row)} cells, the header {width}")
    for cell in row:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\n"):
            sys.exit(f"row {n}: cell {cell[:20]!r} begins with a formula trigger")
print(len(rows) - 1)
PY
}

# ------------------------------------------------------------------ help

case_ "export --help and import --help"
run export --help
expect_status 0
expect_out "Usage: safeplan export"
expect_out "RISKY"
expect_out "--no-bom"
expect_no_err
run import --help
expect_status 0
expect_out "Usage: safeplan import FILE"
for alias in "Ref, Reference, No." "Theme, Area" "Area for consideration" \
    "What we will do" "Responsible officer" "Target date, Deadline" "Evidence of impact" \
    "Progress update" "import-YYYY-MM-DD"; do
    expect_out "$alias"
done
run --help
expect_out "export"
expect_out "import"

# ------------------------------------------------------------------ export

sp demo
case_ "export of the example plan: BOM, CRLF, guard, every action"
run export
expect_status 0
expect_no_err
cp "$OUT" demo.csv
expect_eq "$(check_csv demo.csv 2>&1)" "$(sql plan.db 'SELECT count(*) FROM action')" \
    "rows read by Python's csv module"
expect_eq "$(head -c 42 demo.csv | tail -c +4)" "authority,authority_name,authority_kind" \
    "the header after the BOM"

case_ "round trip: export, import into an empty database, export again"
run --db copy.db init
run --db copy.db import demo.csv
expect_status 0
expect_out "imported demo.csv: "
expect_out "created: 5 authorities"
expect_out "RAG: column 23 not imported"
run --db copy.db export
expect_status 0
if cmp -s "$OUT" demo.csv; then ok; else bad "the re-export differs from the export"; fi
run --db copy.db import demo.csv
expect_out "updated: 0 actions"
expect_out "unchanged"

case_ "export filters, --no-bom, bad values"
run export --authority torbay --no-bom
expect_status 0
expect_eq "$(head -c 10 "$OUT")" "authority," "no BOM"
expect_eq "$(python3 -c 'import csv,sys; print(sorted({r["authority"] for r in csv.DictReader(open(sys.argv[1], newline=""))}))' "$OUT")" \
    "['torbay']" "authorities in the filtered export"
run export --as-of 31/02/2017
expect_status 1
expect_no_out
expect_err "safeplan: as-of date '31/02/2017'"
run export --authority nowhere
expect_status 1
expect_no_out
expect_err "nowhere"
run export --bogus
expect_status 2
expect_no_out

case_ "export --out writes a private file, only when complete"
run export --out out.csv
expect_status 0
expect_out "exported 98 actions to out.csv"
expect_eq "$(stat -c %a out.csv)" "600" "mode of the export"
if cmp -s out.csv demo.csv; then ok; else bad "--out differs from standard output"; fi
run export --out "$WORK/no/such/dir/x.csv"
expect_status 1
expect_no_out
expect_err "safeplan: cannot write $WORK/no/such/dir/x.csv: its directory does not exist"
run export --out out.csv --authority nowhere
expect_status 1
if cmp -s out.csv demo.csv; then ok; else bad "a failed export replaced out.csv"; fi
expect_eq "$(ls out.csv.* 2>/dev/null | wc -l)" "0" "temporary files left"

# ------------------------------------------------------------------ awkward text

case_ "awkward text: guarded for spreadsheets, given back exactly"
export SAFEPLAN_DB=$WORK/odd.db
sp init
sp authority add odd --name 'Council, "Odd" £ “Borough” 🙂'
sp review add odd r1 --kind ofsted_inspection --title $'=Review\r\ntitle' --from 2017-01-09
i=0
for text in '=1+1' '+44 1803 201201' '-5 days' '@risk' $'\tindented' $'\rreturn' $'\nfeed' \
    "'=1+1" "'plain" "''two" 'comma, inside' 'quote "inside"' $'line\r\nbreak' \
    $'tab\tinside' '£120,000' '“curly” ‘quotes’' 'emoji 🙂' '-' "'" '='; do
    i=$((i + 1))
    name=${text//[$'\t\r\n']/ } # a name is one line: the texts keep their control characters
    sp finding add odd/r1 "$i" --kind recommendation --theme "$text" --text "$text"
    sp action add "odd/r1/$i" --title "$text" --owner "$name owner $i" --due 2017-09-30 \
        --start 2017-01-02 --measure "$text"
    sp action update "$i" --status "In progress" --note "$text" --evidence "$text" \
        --on 2017-03-01 --by "$name"
done
run export
expect_status 0
cp "$OUT" odd.csv
expect_eq "$(check_csv odd.csv 2>&1)" "$i" "rows read by Python's csv module"
# The guard adds one apostrophe, also before one that is already there.
expect_eq "$(python3 -c 'import csv,sys; r={x[10]: x[13] for x in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))}; print(" ".join(r[k] for k in ("1", "8", "9", "18", "19")))' odd.csv)" \
    "'=1+1 ''=1+1 ''plain '- ''" "guarded finding texts 1, 8, 9, 18, 19"
run --db odd2.db init
run --db odd2.db import odd.csv
expect_status 0
run --db odd2.db export
if cmp -s "$OUT" odd.csv; then ok; else bad "awkward re-export differs"; fi
expect_eq "$(sql odd2.db "SELECT count(*) FROM finding WHERE text IN ('''=1+1', '''plain', '=1+1', '-', '''')")" \
    "5" "texts given back without the guard"
expect_eq "$(sql odd2.db "SELECT text FROM finding WHERE ref = '9'")" "'plain" "a leading apostrophe kept"

case_ "--raw turns the guard off (and import --raw reads it back)"
run export --raw
expect_status 0
cp "$OUT" raw.csv
expect_eq "$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))); print(r[1][13])' raw.csv)" \
    "=1+1" "finding 1 unguarded"
run --db raw2.db init
run --db raw2.db import raw.csv --raw
expect_status 0
run --db raw2.db export --raw
if cmp -s "$OUT" raw.csv; then ok; else bad "raw round trip differs"; fi
export SAFEPLAN_DB=$WORK/plan.db

# ------------------------------------------------------------------ council sheets

case_ "a council's sheet saved by Excel as CSV UTF-8"
export SAFEPLAN_DB=$WORK/council.db
sp init
sp authority add torbay --name "Torbay Council"
run import "$DATA/council_excel.csv" --authority torbay --by "Clerk"
expect_status 0
expect_out "created: 0 authorities, 1 review, 2 findings, 3 owners, 4 actions"
expect_out "RAG: column 10 not imported (RAG is computed"
expect_eq "$(sql council.db "SELECT ref || ' ' || coalesce(start_on, '-') || ' ' || due_on || ' ' || status FROM action ORDER BY ref" | tr '\n' ';')" \
    "1.1 2017-04-03 2018-03-31 in_progress;1.2 2017-05-01 2017-09-30 not_started;2.1 2017-01-15 2017-06-30 complete;2.2 2017-02-01 2017-08-01 in_progress;" \
    "dates and statuses"
expect_eq "$(sql council.db "SELECT count(*) FROM action_update WHERE author = 'Clerk' AND note LIKE 'Board met on 12/06/2017; terms agreed.' || char(10) || 'Next:%'")" \
    "1" "a progress note with its line break"
expect_eq "$(sql council.db "SELECT title FROM review")" \
    "Plan imported from council_excel.csv on 2017-07-01" "the review made for the import"
run import "$DATA/council_excel.csv" --authority torbay
expect_status 0
expect_out "4 unchanged"

case_ "--map names other headers; unplaced columns are listed"
run import "$DATA/mapped_headers.csv" --review torbay/import-2017-07-01
expect_status 1
expect_no_out
expect_err "mapped_headers.csv:2:1: action '1' does not exist"
run import "$DATA/mapped_headers.csv" --review torbay/import-2017-07-01 \
    --map 'To do=action,Officer=owner'
expect_status 0
expect_out "2 actions"
expect_err_not 'column 6 "Notes"' # a second choice of progress note, read here
expect_eq "$(sql council.db "SELECT count(*) FROM action_update WHERE note = 'see minutes'")" "1" \
    "the Notes column is the progress note"
expect_err 'column 7 "Colour" was not imported'
run import "$DATA/mapped_headers.csv" --review torbay/import-2017-07-01 --map 'To do=chore'
expect_status 1
expect_err "'chore' is not a field"

# ------------------------------------------------------------------ malformed files

# rejected FILE MESSAGE...: the import fails (exit 1), names each problem
# as FILE:LINE:COLUMN, prints nothing on stdout and changes nothing; a dry
# run says the same.
rejected() {
    local file=$DATA/$1 before
    shift
    before=$(fingerprint council.db council.db-wal)
    run import "$file" --review torbay/import-2017-07-01
    expect_status 1
    expect_no_out
    local m
    for m in "$@"; do expect_err "$file:$m"; done
    expect_err "nothing was imported"
    expect_eq "$(fingerprint council.db council.db-wal)" "$before" "database fingerprint"
    run import "$file" --review torbay/import-2017-07-01 --dry-run
    expect_status 1
    expect_eq "$(fingerprint council.db council.db-wal)" "$before" "fingerprint after --dry-run"
}

case_ "a byte that is text in no encoding (0x81: not UTF-8, not Windows-1252)"
rejected bad_bytes.csv "3:4: byte 0x81 is not text in Windows-1252"
case_ "an unterminated quote at the end of the file"
rejected unterminated_quote.csv "3:4: unterminated quoted field"
case_ "a quote inside an unquoted field"
rejected quote_in_field.csv "3:4: '\"' inside an unquoted field"
case_ "an unknown status"
rejected unknown_status.csv "3:8: status 'Maybe' is not known: expected one of not_started"
case_ "an impossible date"
rejected impossible_date.csv "3:7: due date '31/02/2017' is not a real day"
case_ "too many fields"
rejected too_many_fields.csv "3:10: found 10 fields, expected 9"
case_ "too few fields"
rejected too_few_fields.csv "3:6: found 5 fields, expected 9"
case_ "several bad rows: every one reported"
rejected several_bad_rows.csv "3:8: status 'Sorted'" "4:7: due date '31/04/2017'" \
    "5:5: found 4 fields" "6:5: no owner"
expect_err "4 bad rows"

# ------------------------------------------------------------------ dry run

case_ "--dry-run changes nothing, and its exit status is the real one's"
export SAFEPLAN_DB=$WORK/dry.db
sp init
sp authority add torbay --name "Torbay Council"
before=$(fingerprint dry.db dry.db-wal)
run import "$DATA/council_excel.csv" --authority torbay --dry-run
expect_status 0
expect_out "dry run of"
expect_out "would create: 0 authorities, 1 review, 2 findings, 3 owners, 4 actions"
expect_out "would reject: 0 rows"
expect_eq "$(fingerprint dry.db dry.db-wal)" "$before" "fingerprint after --dry-run"
run import "$DATA/council_excel.csv" --authority torbay
expect_status 0
expect_out "created: 0 authorities, 1 review, 2 findings, 3 owners, 4 actions"

case_ "misuse and missing things"
run import
expect_status 2
expect_err "missing argument"
run import nothere.csv --authority torbay
expect_status 1
expect_err "safeplan: cannot open nothere.csv"
run import "$DATA/council_excel.csv"
expect_status 1
expect_err "no review or authority column"
expect_err "--review"
run import "$DATA/council_excel.csv" --authority torbay --review torbay/x
expect_status 2
run import "$DATA/council_excel.csv" --authority nowhere
expect_status 1
expect_err "nowhere"

mkdir adir
run import adir --authority torbay
expect_status 1
expect_no_out
expect_err "safeplan: cannot read adir: Is a directory"

case_ "import from standard input"
"$SAFEPLAN_BIN" import - --authority torbay <"$DATA/council_excel.csv" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0
expect_out "imported stdin"

finish

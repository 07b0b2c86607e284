#!/usr/bin/env bash
# Excel's other ways of saving a sheet as text: "CSV (Comma delimited)" is
# Windows-1252 on a UK machine (£ is 0xA3, curly quotes 0x91-0x94) and
# "Unicode Text" is UTF-16 with a byte-order mark and tabs. Each is detected,
# read, and named in a note; --encoding says it outright; a byte that no
# encoding explains is refused at its line and column, changing nothing.
# The files are written by Python's codecs, not by safeplan.
. "$(dirname "$0")/lib.sh"
DB=$SAFEPLAN_DB
sp init
sp authority add pb --name Peterborough

# A plan from the Peterborough progress report (officers by role).
cat >plan.txt <<'PLAN'
Ref	Finding	Action	Lead officer	Target date	Status	Progress update
1	Early help: “one front door” for referrals	Open the co-located MASH — budget £120,000	Head of Service, Safeguarding and Quality Assurance	31/03/2017	In progress	Police and health on site; “go live” agreed
2	Early help: “one front door” for referrals	Audit 50 contacts through the front door	LSCB Business Manager	30/06/2017	Not started	
PLAN
# write ENCODING SEPARATOR BOM OUT: plan.txt re-encoded by Python.
write() {
    python3 - "$@" <<'PY'
import sys
enc, sep, bom, out = sys.argv[1:5]
text = open("plan.txt", encoding="utf-8").read().replace("\n", "\r\n")
if sep == ",":
    import csv, io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for line in text.split("\r\n")[:-1]:
        w.writerow(line.split("\t"))
    text = buf.getvalue()
data = text.encode(enc)
if bom == "bom":
    data = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-8": b"\xef\xbb\xbf"}[enc] + data
open(out, "wb").write(data)
PY
}
# stored: the plan's text as the database holds it.
stored() { sql "$DB" "SELECT f.text || '|' || a.description FROM action a JOIN finding f ON f.id = a.finding_id WHERE a.ref = '1' ORDER BY a.id DESC LIMIT 1"; }
EXPECT='Early help: “one front door” for referrals|Open the co-located MASH — budget £120,000'

case_ "Windows-1252 CSV (Excel's CSV (Comma delimited))"
write cp1252 , nobom w1252.csv
grep -q $'\xa3' w1252.csv && ok || bad "the test file has no 0xA3"
run import w1252.csv --authority pb
expect_status 0; expect_out "2 rows"
expect_err "note: read w1252.csv as Windows-1252 (detected; say otherwise with --encoding)"
expect_eq "$(stored)" "$EXPECT" "Windows-1252 text stored as UTF-8"

case_ "UTF-16LE with a byte-order mark, tab-separated (Excel's Unicode Text)"
write utf-16-le tab bom unicode.txt
run import unicode.txt --authority pb
expect_status 0; expect_out "2 unchanged"
expect_err "note: read unicode.txt as UTF-16LE, tab-separated (detected"
expect_eq "$(stored)" "$EXPECT" "UTF-16 text"

case_ "UTF-16BE with a byte-order mark"
write utf-16-be tab bom be.txt
run import be.txt --authority pb --dry-run
expect_status 0; expect_out "2 unchanged"
expect_err "note: read be.txt as UTF-16BE, tab-separated"

case_ "UTF-8 tab-separated (.tsv)"
write utf-8 tab nobom plan.tsv
run import plan.tsv --authority pb --dry-run
expect_status 0; expect_out "2 unchanged"
expect_err "note: read plan.tsv as tab-separated"

case_ "UTF-8 CSV: no note"
write utf-8 , bom utf8.csv
run import utf8.csv --authority pb --dry-run
expect_status 0; expect_out "2 unchanged"; expect_no_err

case_ "--encoding says it outright"
run import w1252.csv --authority pb --encoding windows-1252 --dry-run
expect_status 0; expect_err "note: read w1252.csv as Windows-1252"
expect_out "2 unchanged"
run import unicode.txt --authority pb --encoding UTF-16 --dry-run
expect_status 0; expect_out "2 unchanged"
# Told UTF-8, the Windows-1252 file is refused where it stops being UTF-8.
before=$(fingerprint "$DB" "$DB-wal")
run import w1252.csv --authority pb --encoding utf-8
expect_status 1; expect_err "w1252.csv:2:2: invalid UTF-8 byte 0x93"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"
run import w1252.csv --authority pb --encoding ebcdic
expect_status 2; expect_err "--encoding 'ebcdic' is not known: expected utf-8, windows-1252 or utf-16"

case_ "a Windows-1252 byte far down a large file (the whole file is checked)"
python3 -c "
head = 'Ref,Finding,Action,Lead officer,Target date,Status,Progress update\r\n'
rows = ''.join(f'{i},Early help,Action {i} ' + 'x' * 50 + ',LSCB Business Manager,31/03/2018,,\r\n' for i in range(10, 3000))
late = '3000,Budget,Spend \xa3120k,LSCB Business Manager,31/03/2018,,\r\n'
open('late.csv', 'wb').write((head + rows).encode() + late.encode('cp1252'))"
[ "$(stat -c %s late.csv)" -gt 200000 ] && ok || bad "late.csv is too small to test"
run import late.csv --authority pb --dry-run
expect_status 0; expect_err "note: read late.csv as Windows-1252 (detected"
# A pipe is read whole before the import starts (so a slow source never
# holds the database), so it is judged as a file is.
cat late.csv | "$SAFEPLAN_BIN" import - --authority pb --dry-run >"$OUT" 2>"$ERR"; STATUS=$?
expect_status 0; expect_err "note: read stdin as Windows-1252 (detected"

case_ "bytes no encoding explains change nothing"
before=$(fingerprint "$DB" "$DB-wal")
# 0x81 is not a character in Windows-1252 (nor UTF-8): line 3, column 3.
{ head -2 w1252.csv; printf '3,Early help,Check \x81 contacts,LSCB Business Manager,30/06/2017,,\r\n'; } >undefined.csv
run import undefined.csv --authority pb
expect_status 1; expect_no_out
expect_err "undefined.csv:3:3: byte 0x81 is not text in Windows-1252, nor is the file UTF-8 or UTF-16"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"
# Half a UTF-16 surrogate pair.
{ cat unicode.txt; printf '3\0\t\0\x00\xd8'; } >surrogate.txt
run import surrogate.txt --authority pb
expect_status 1; expect_err "surrogate.txt:4:2: invalid UTF-16LE: 0xd800 is half of a character"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"
case_ "UTF-8 rows beside Windows-1252 rows: refused, naming a row of each, changing nothing"
before=$(fingerprint "$DB" "$DB-wal")
{ head -1 w1252.csv; printf '5,Early help,Caf\xc3\xa9 for families,LSCB Business Manager,30/06/2017,,\r\n'
  printf '6,Early help,Budget \xa3120k,LSCB Business Manager,30/06/2017,,\r\n'; } >mixed.csv
run import mixed.csv --authority pb
expect_status 1; expect_no_out
expect_err "mixed.csv: the file mixes two encodings: row 2 has text written as UTF-8, but row 3 has bytes that are not UTF-8"
expect_err 'save it again as "CSV UTF-8"'
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"
case_ "... found however far apart they are, in a file or a pipe"
python3 -c "
head = 'Ref,Finding,Action,Lead officer,Target date,Status,Progress update\r\n'
rows = ''.join(f'{i},Early help,Action {i} ' + 'x' * 50 + ',LSCB Business Manager,31/03/2018,,\r\n' for i in range(10, 3000))
early = '9,Budget,Spend \xa3120k,LSCB Business Manager,31/03/2018,,\r\n'.encode('cp1252')
late = '3000,Early help,Caf\xe9 for families,LSCB Business Manager,31/03/2018,,\r\n'.encode()
open('mixed_far.csv', 'wb').write(head.encode() + early + rows.encode() + late)"
run import mixed_far.csv --authority pb --dry-run
expect_status 1; expect_err "row 2993 has text written as UTF-8, but row 2 has bytes that are not UTF-8"
cat mixed_far.csv | "$SAFEPLAN_BIN" import - --authority pb --dry-run >"$OUT" 2>"$ERR"; STATUS=$?
expect_status 1; expect_err "stdin: the file mixes two encodings: row 2993"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"
case_ "... and --encoding says how to read it outright"
run import mixed.csv --authority pb --encoding windows-1252 --dry-run
expect_status 0

finish

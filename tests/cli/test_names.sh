#!/usr/bin/env bash
# One officer, one owner: a name typed with a doubled, trailing, no-break
# or zero-width space, or in other capitals, is the owner already there,
# in a council's sheet, at `owner add`, in a filter and in a correction;
# a new name is stored as it reads. A history file is replayed as it was
# recorded.
. "$(dirname "$0")/lib.sh"
export SAFEPLAN_TODAY=2018-06-01
DB=$WORK/plan.db
sp --db "$DB" init
sp --db "$DB" authority add tb --name Torbay
owners() { sql "$DB" "SELECT group_concat(name, '|') FROM (SELECT name FROM owner ORDER BY id)"; }
NBSP=$'\xc2\xa0' ZWSP=$'\xe2\x80\x8b'

case_ "a sheet's spellings of one owner make one owner, stored tidy"
printf 'Ref,Finding,Action,Lead officer,Target date\n' >sheet.csv
printf '1.1,Rec 1,Act one,Head of  Service,31/03/2019\n' >>sheet.csv
printf '1.2,Rec 1,Act two,head of service ,31/03/2019\n' >>sheet.csv
printf '1.3,Rec 1,Act three,Head of%sService,31/03/2019\n' "$NBSP" >>sheet.csv
printf '1.4,Rec 1,Act four,%sHead of Service,31/03/2019\n' "$ZWSP" >>sheet.csv
printf '1.5,Rec 1,Act five,Business Manager,31/03/2019\n' >>sheet.csv
run --db "$DB" import sheet.csv --authority tb
expect_status 0
expect_out "2 owners, 5 actions"
expect_eq "$(owners)" "Head of Service|Business Manager" "owners after the import"
expect_eq "$(sql "$DB" "SELECT count(DISTINCT owner_id) FROM action")" "2" "owners of the actions"

case_ "importing the sheet again changes no owner"
run --db "$DB" import sheet.csv --authority tb
expect_status 0
expect_out "0 owners"
expect_out "5 unchanged"
expect_eq "$(owners)" "Head of Service|Business Manager" "owners after a second import"

case_ "a name written with accents composed or decomposed, in capitals or full width, is one owner"
# Python's unicodedata is the judge: every Latin-1 and Latin Extended-A
# letter that Unicode writes as a letter and a combining accent (NFD), in
# small letters and in capitals, against the composed letter (NFC).
python3 - <<'PY'
import unicodedata
letters = [c for c in map(chr, range(0xC0, 0x180))
           if len(unicodedata.normalize("NFD", c)) == 2 and c.lower() != "\u0131"]
with open("accents_nfc.csv", "w", encoding="utf-8") as nfc, \
     open("accents_nfd.csv", "w", encoding="utf-8") as nfd:
    for f in (nfc, nfd):
        f.write("Ref,Finding,Action,Lead officer,Target date\n")
    for i, c in enumerate(letters):
        name = f"Officer {c.lower()}{i}"
        other = unicodedata.normalize("NFD", name.upper() if i % 2 else name)
        nfc.write(f"A{i},Accents,Act {i},{unicodedata.normalize('NFC', name)},31/03/2019\n")
        nfd.write(f"A{i},Accents,Act {i},{other},31/03/2019\n")
    print(len(letters), file=open("accents_n", "w"))
PY
n=$(cat accents_n)
A=$WORK/accents.db  # a plan of its own: the cases below count this one's owners
sp --db "$A" init
sp --db "$A" authority add tb --name Torbay
run --db "$A" import accents_nfc.csv --authority tb
expect_status 0; expect_out "$n owners, $n actions"
run --db "$A" import accents_nfd.csv --authority tb
expect_status 0; expect_out "0 owners"; expect_out "$n unchanged"
expect_eq "$(sql "$A" "SELECT count(*) FROM owner")" "$n" "one owner for each spelling pair"
expect_eq "$([ "$n" -ge 150 ] && echo all)" all "the letters tried ($n)"
# "OFFICER À0" with a full-width A and a combining grave accent
run --db "$A" action list --owner "$(printf 'OFFICER \xef\xbc\xa1\xcc\x800')" --format csv
expect_status 0; expect_out "/A0,Act 0,Officer à0,"
refused "already exists, written 'Officer é8'" --db "$A" owner add \
    "$(python3 -c 'import unicodedata; print(unicodedata.normalize("NFD", "OFFICER \u00c98"))')"

case_ "owner add refuses another spelling of an owner, naming it"
refused "owner 'HEAD of service' already exists, written 'Head of Service'" \
    --db "$DB" owner add "HEAD of${NBSP}  service"
refused "owner 'Business Manager' already exists" --db "$DB" owner add " Business Manager "

case_ "owner add stores a new name tidy, and prints it so"
run --db "$DB" owner add "  Team${NBSP}Manager${ZWSP}  (North) "
expect_status 0
expect_out "added owner 3: Team Manager (North)"
expect_eq "$(owners)" "Head of Service|Business Manager|Team Manager (North)" "owners after add"

case_ "a name is still one line: a newline is refused, not tidied away"
refused "owner name contains a newline" --db "$DB" owner add $'Ann\nLee'

case_ "a filter finds the owner by any spelling"
run --db "$DB" action list --owner "head  of${NBSP}service" --format csv
expect_status 0
expect_eq "$(grep -c 'Head of Service' "$OUT")" "4" "the owner's actions listed"

case_ "a correction to an owner by another spelling moves no action to a new owner"
run --db "$DB" action edit tb/import-2018-06-01/1/1.5 --owner "business  MANAGER " \
    --reason "same person" --by "Head of Service"
expect_status 0
expect_eq "$(sql "$DB" "SELECT count(*) FROM owner")" "3" "owners after the correction"

case_ "a renamed owner is stored tidy"
run --db "$DB" owner edit 3 --name " Team  Manager (South)" --reason "moved" --by "Head of Service"
expect_status 0
expect_eq "$(sql "$DB" "SELECT name FROM owner WHERE id = 3")" "Team Manager (South)" "renamed owner"

case_ "a history file keeps the owners it recorded, however spelt"
# Two owners whose names differ by a space, as a plan made before names
# were stored tidy may hold them: the history's rows, edited to say so.
H=$WORK/h.db
sp --db "$H" init
sp --db "$H" authority add tb --name Torbay
printf 'Ref,Finding,Action,Lead officer,Target date\n1.1,Rec 1,Act one,Business Manager,31/03/2019\n1.2,Rec 1,Act two,Team Lead,31/03/2019\n' >two.csv
sp --db "$H" import two.csv --authority tb
sp --db "$H" export --history --out hist.csv
sed 's/Team Lead/Business  Manager/' hist.csv >hist2.csv
NEW=$WORK/new.db
sp --db "$NEW" init
run --db "$NEW" import hist2.csv
expect_status 0
expect_eq "$(sql "$NEW" "SELECT group_concat(name, '|') FROM (SELECT name FROM owner ORDER BY id)")" \
    "Business Manager|Business  Manager" "owners rebuilt from the history"

case_ "themes are stored tidy: a stray space makes no second group in the summary"
# A summary counts what the plan held on the day: these actions are
# recorded now, so the day is today's.
unset SAFEPLAN_TODAY
T=$WORK/themes.db
sp --db "$T" init
sp --db "$T" authority add tb --name Torbay
printf 'Ref,Theme,Finding,Action,Lead officer,Target date\n' >themes.csv
printf '1.1,Leadership,Rec 1,Act one,Lead,31/03/2019\n2.1,Leadership ,Rec 2,Act two,Lead,31/03/2019\n' >>themes.csv
printf '3.1,leadership,Rec 3,Act three,Lead,31/03/2019\n4.1,"Early\n  help",Rec 4,Act four,Lead,31/03/2019\n' >>themes.csv
printf '5.1,Early%shelp,Rec 5,Act five,Lead,31/03/2019\n' "$NBSP" >>themes.csv
sp --db "$T" import themes.csv --authority tb
expect_eq "$(sql "$T" "SELECT group_concat(theme, '|') FROM (SELECT theme FROM finding ORDER BY id)")" \
    "Leadership|Leadership|leadership|Early help|Early help" "themes as stored"
run --db "$T" summary --format csv
expect_status 0
expect_eq "$(cut -d, -f1,2 "$OUT" | tr '\n' ' ')" "group,total Early help,2 Leadership,3 " "summary groups"

case_ "a theme corrected is stored tidy; one of invisible characters alone is refused"
run --db "$T" finding edit "$(sql "$T" "SELECT id FROM finding WHERE ref = '1'")" --theme "  Vision,${NBSP} strategy " --reason "typo" --by "Clerk"
expect_status 0
expect_eq "$(sql "$T" "SELECT theme FROM finding WHERE ref = '1'")" "Vision, strategy" "corrected theme"
DB=$T refused "--theme must not be empty" --db "$T" finding edit \
    "$(sql "$T" "SELECT id FROM finding WHERE ref = '1'")" \
    --theme "$ZWSP" --reason "typo" --by "Clerk"

case_ "themes stored before they were tidy still group together"
sp --db "$T" export --history --out themes-hist.csv
sed 's/,leadership,/,Leadership  ,/' themes-hist.csv >themes-old.csv
grep -q ',Leadership  ,' themes-old.csv && ok || bad "the history file names no theme to respell"
OLDT=$WORK/themes-old.db
sp --db "$OLDT" init
sp --db "$OLDT" import themes-old.csv
expect_eq "$(sql "$OLDT" "SELECT count(DISTINCT theme) FROM finding WHERE theme LIKE 'leadership%'")" "2" \
    "a legacy spelling kept by the history file"
run --db "$OLDT" summary --format csv
expect_out "Leadership,2,"
expect_out_not "Leadership  ,"

case_ "the report and the pack group themes as the summary does"
# They count themes themselves (src/lib/pack_data.c): by strcasecmp, the
# legacy "Leadership  " was a second bar, row and sheet line.
sp --db "$OLDT" report --out "$WORK/themes-old.html"
grep -q 'Leadership: 2 Red<' "$WORK/themes-old.html" && ok || bad "the report's chart has no Leadership of 2"
grep -q 'Leadership  ' "$WORK/themes-old.html" && bad "the report shows the legacy spelling apart" || ok
sp --db "$OLDT" pack --out "$WORK/themes-old.xlsx"
expect_eq "$(python3 - "$WORK/themes-old.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
cells = [t for n in z.namelist() if n.startswith("xl/") and n.endswith(".xml")
         for t in re.findall(r"<t[^>]*>([^<]*)</t>", z.read(n).decode())]
print(sorted({c for c in cells if c.lower().startswith("leadership")}))
PY
)" "['Leadership']" "the pack's theme names"

finish

#!/usr/bin/env bash
# The committee pack printed: the example plan's workbook converted to PDF
# by LibreOffice (a real reader, as a clerk would print it), then checked
# with poppler: the page count, that no sheet is split across pages
# horizontally, and that no text prints under 8 pt.
. "$(dirname "$0")/lib.sh"

if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
    echo "SKIP: needs soffice (libreoffice-calc) and pdftotext (poppler-utils): scripts/install-deps.sh" >&2
    exit 77
fi

# pdf_facts PDF: one "key=value" line per fact about the printed pages.
cat >"$WORK/pdf_facts.py" <<'PY'
import re, struct, subprocess, sys
pdf = sys.argv[1]
pages = int(re.search(r'Pages:\s+(\d+)', subprocess.run(
    ['pdfinfo', pdf], capture_output=True, text=True).stdout).group(1))
print('pages=%d' % pages)

# The font LibreOffice printed with (it stands in for Calibri) and its
# line box per em (usWinAscent + usWinDescent over unitsPerEm from the
# font file): poppler's word boxes are that tall, so a box's height over
# it is the printed size in points.
font = subprocess.run(['fc-match', '-f', '%{file}', 'Calibri'], capture_output=True,
                      text=True).stdout
data = open(font, 'rb').read()
tables = {}
for i in range(struct.unpack('>H', data[4:6])[0]):
    tag, _, off, _ = struct.unpack('>4sIII', data[12 + 16 * i:28 + 16 * i])
    tables[tag] = off
upem = struct.unpack('>H', data[tables[b'head'] + 18:tables[b'head'] + 20])[0]
win_asc, win_desc = struct.unpack('>HH', data[tables[b'OS/2'] + 74:tables[b'OS/2'] + 78])
em_box = (win_asc + win_desc) / upem

word = re.compile(r'<page width="([\d.]+)" height="([\d.]+)"|<word xMin="([\d.]+)" '
                  r'yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
bbox = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True,
                      text=True).stdout
page, smallest, where = 0, 99.0, ''
words = {}   # page -> [(y, x, x1, word)]
for m in word.finditer(bbox):
    if m.group(1):
        page += 1
        width, height = float(m.group(1)), float(m.group(2))
        words[page] = []
        continue
    x0, y0, x1, y1 = (float(m.group(i)) for i in range(3, 7))
    w = m.group(7)
    size = (y1 - y0) / em_box
    if size < smallest:
        smallest, where = size, '%s on page %d' % (w, page)
    words[page].append((round(y0), x0, x1, w))
print('smallest=%.2f' % smallest)
print('smallest_at=%s' % where)
print('page_width=%.0f' % width)
for p in sorted(words):
    ws = sorted(words[p])
    # The footer is the lowest line: the sheet's name at its left, then
    # "Page N of M".
    foot = [w for w in ws if w[0] == ws[-1][0]]
    text = ' '.join(w[3] for w in ws)
    print('page.%d=%s|%.0f|%s|%s' % (p, foot[0][3], max(w[2] for w in ws),
                                     ' '.join(w[3] for w in foot), text))
PY

# check_print XLSX MAXPAGES: converts, then checks every page.
check_print() {
    local xlsx=$1 max=$2 base=${1%.xlsx}
    soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo-profile" \
        --convert-to pdf --outdir "$WORK" "$xlsx" >/dev/null 2>&1
    if [ ! -s "$base.pdf" ]; then bad "LibreOffice made no PDF of $xlsx"; return; fi
    python3 "$WORK/pdf_facts.py" "$base.pdf" >"$WORK/pfacts"
    local pages; pages=$(sed -n 's/^pages=//p' "$WORK/pfacts")
    [ "$pages" -le "$max" ] && ok || bad "$xlsx prints on $pages pages, more than $max"
    # No text under 8 pt (the smallest word and where it is, if it fails).
    python3 -c 'import sys; sys.exit(float(sys.argv[1]) < 8)' "$(sed -n 's/^smallest=//p' "$WORK/pfacts")" &&
        ok || bad "text under 8 pt: $(grep '^smallest' "$WORK/pfacts" | tr '\n' ' ')"
    # Not split horizontally: a sheet split into vertical strips prints
    # pages that lack its last column. Every page of a table sheet carries
    # the repeated header row with the first and the last column's heading,
    # every page is numbered "Page N of M" in one run, and a page's text
    # reaches the right-hand side of the page (a strip ends short of it).
    local n=0 line sheet text foot want
    while IFS= read -r line; do
        n=$((n + 1))
        sheet=$(cut -d'|' -f1 <<<"${line#page.*=}")
        foot=$(cut -d'|' -f3 <<<"$line")
        text=$(cut -d'|' -f4- <<<"$line")
        case "$foot" in *"Page $n of $pages"*) ok ;; *) bad "$xlsx page $n: footer '$foot' lacks 'Page $n of $pages'" ;; esac
        case "$sheet" in
        Actions) want="Ref|Latest progress and evidence" ;;
        Overdue) want="Days|Latest progress" ;;
        Changes) want="Date|Recorded by, note and evidence" ;;
        Awaiting*) want="Days|Claimed" ;; # closure (#14): claims awaiting verification
        Summary) want="Position as of|Withdrawn" ;;
        *) bad "$xlsx page $n: which sheet? ($sheet)"; continue ;;
        esac
        [ "$sheet" = Summary ] && [ "$n" -gt 1 ] && want="Position as of|Made by safeplan"
        grep -qF -- "${want%%|*}" <<<"$text" && grep -qF -- "${want#*|}" <<<"$text" && ok ||
            bad "$xlsx page $n ($sheet) lacks '${want%%|*}' or '${want#*|}'"
    done < <(grep '^page\.' "$WORK/pfacts")
    expect_eq "$n" "$pages" "$xlsx: pages read"
    # The right edge: within 60 pt of the page's right side on every page.
    local width; width=$(sed -n 's/^page_width=//p' "$WORK/pfacts")
    awk -F'|' -v w="$width" '/^page\./ { if ($2 + 0 < w - 60) { print $0; bad = 1 } } END { exit bad }' \
        "$WORK/pfacts" >/dev/null && ok || bad "$xlsx: a page ends short of the right-hand side"
}

export SAFEPLAN_DB=$WORK/demo.db
sp demo

case_ "the demo plan's pack on the demo's day prints in at most 20 pages"
run pack --out demo.xlsx --as-of 2017-07-01
expect_status 0
check_print demo.xlsx 20
expect_eq "$(grep -c '^page\.[0-9]*=Actions|' "$WORK/pfacts")" "12" "the Actions sheet's pages"

case_ "the demo plan's pack today (every action, a quiet quarter)"
run pack --out today.xlsx
expect_status 0
check_print today.xlsx 20

finish

#!/usr/bin/env bash
# The committee pack through the real binary: `safeplan pack` (XLSX) opened
# with a real reader (python3's zipfile and XML parser), and `safeplan
# report` (HTML) parsed as XML, checked for escaping, and its numbers
# compared with `safeplan summary`, `overdue`, `due` and sqlite3 on the same
# database. Past as-of dates are checked against hand-worked histories.
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-09-01
DB=$SAFEPLAN_DB

# ------------------------------------------------------------------
# A small plan with a history. Hand-worked state on 2017-09-01 (action
# number: its path):
#   1 (1/1) complete 2017-08-15         blue   completed since 2017-06-01
#   2 (1/2) in progress, due 2017-05-31 red    93 days overdue
#   3 (2/1) not started, due 2017-07-31 red    32 days overdue
#   4 (2/2) in progress, last update 2017-06-15, due 2017-12-31: amber (stale)
#   5 (2/3) signed off 2017-05-10       blue   (completed before 2017-06-01)
#   6 (1/3) starts 2017-08-01, due 2017-09-20: amber, due within 28 days
#   7 (1/4) due 2017-05-31, revised on 2017-06-10 to 2017-10-31: amber (slipped)
# Open 5, overdue 2, due within 28 days 1, completed since 2017-06-01 1.
sp init
sp authority add tb --name "Torbay Council"
sp review add tb peer --kind lga_peer_review --title "LGA safeguarding peer review" \
    --from 2017-01-09 --to 2017-01-13 --reported 2017-01-31
sp finding add tb/peer 1 --kind recommendation --theme "Capacity and managing resources" \
    --text "Streamline paperwork"
sp finding add tb/peer 2 --kind area_for_consideration --theme "Working together & 'partners'" \
    --text "Partners do not share data"
add() { sp action add "$1" --title "$2" --owner "${4:-Head of Service}" --start "$3" --due "$5"; }
add tb/peer/1 "Remove unnecessary ICS fields" 2017-02-01 "" 2017-06-30
add tb/peer/1 "<script>alert(1)</script> audit of caseloads" 2017-02-01 "" 2017-05-31
add tb/peer/2 '"><img src=x onerror=alert(1)> partner data' 2017-02-01 "LSCB Business Manager" 2017-07-31
add tb/peer/2 '=HYPERLINK("x","click") & <b>bold</b>' 2017-02-01 "" 2017-12-31
add tb/peer/2 "Joint audit" 2017-02-01 "" 2017-04-30
add tb/peer/1 "Recruit a principal social worker" 2017-08-01 "" 2017-09-20
add tb/peer/1 "Revise thresholds" 2017-02-01 "" 2017-05-31
upd() { sp action update "$@"; }
upd tb/peer/1/1 --status in_progress --on 2017-02-15
upd tb/peer/1/1 --status complete --note "All fields removed" --on 2017-08-15
upd tb/peer/1/2 --status in_progress --on 2017-03-01
upd tb/peer/2/2 --status in_progress --on 2017-04-01
upd tb/peer/2/2 --note "Waiting for the data team" --on 2017-06-15
upd tb/peer/2/3 --status in_progress --on 2017-03-01
upd tb/peer/2/3 --status complete --note "Audit done" --on 2017-04-20
upd tb/peer/2/3 --status signed_off --evidence "Re-audit shows change" --on 2017-05-10 \
    --by "Head of Service"
upd tb/peer/1/4 --due 2017-10-31 --reason "Consultation extended" --on 2017-06-10

# ------------------------------------------------------------------
# Readers

# xlsx_facts FILE: what a spreadsheet reader finds in the workbook, one
# "key=value" line per fact.
cat >"$WORK/xlsx_facts.py" <<'PY'
import re, sys, zipfile, datetime
import xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
z = zipfile.ZipFile(sys.argv[1])
wb = ET.fromstring(z.read('xl/workbook.xml'))
rels = {r.get('Id'): r.get('Target') for r in
        ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
sheets = [(s.get('name'), 'xl/' + rels[s.get(R + 'id')]) for s in wb.iter(M + 'sheet')]
print('sheets=' + ','.join(n for n, _ in sheets))
styles = ET.fromstring(z.read('xl/styles.xml'))
numfmts = {int(f.get('numFmtId')): f.get('formatCode') for f in styles.iter(M + 'numFmt')}
fills = []
for f in styles.find(M + 'fills'):
    p = f.find(M + 'patternFill')
    fg = p.find(M + 'fgColor') if p is not None else None
    fills.append((p.get('patternType') if p is not None else None,
                  fg.get('rgb') if fg is not None else None))
xfs = [(int(x.get('numFmtId', 0)), int(x.get('fillId', 0)))
       for x in styles.find(M + 'cellXfs')]
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    shared = [''.join(si.itertext()) for si in
              ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si')]

def text(c):
    t = c.get('t')
    if t == 'inlineStr':
        return ''.join(c.find(M + 'is').itertext())
    v = c.find(M + 'v')
    if t == 's':
        return shared[int(v.text)]
    return v.text if v is not None else ''

def col(ref):
    return re.match('[A-Z]+', ref).group(0)

def is_date_format(xf):
    code = numfmts.get(xfs[xf][0], '')
    return xfs[xf][0] in range(14, 23) or ('d' in code and 'm' in code and 'y' in code)

RAG = {'red': 'FFC00000', 'amber': 'FFFFC000', 'green': 'FF00B050', 'blue': 'FF0070C0',
       'grey': 'FFBFBFBF'}
formulas = 0
for name, path in sheets:
    root = ET.fromstring(z.read(path))
    formulas += len(list(root.iter(M + 'f')))
    rows = list(root.iter(M + 'row'))
    if name == 'Summary':
        print('rows.%s=%d' % (name, len(rows)))
    pane = root.find('.//' + M + 'pane')
    print('frozen.%s=%s' % (name, pane is not None and pane.get('state') == 'frozen'
                                  and pane.get('ySplit') == '1'))
    setup = root.find(M + 'pageSetup')
    fit = root.find(M + 'sheetPr/' + M + 'pageSetUpPr')
    print('print.%s=%s,%s,%s,%s' % (name, setup.get('paperSize'), setup.get('orientation'),
          setup.get('fitToWidth', '1'), setup.get('fitToHeight')))
    print('fit.%s=%s' % (name, fit is not None and fit.get('fitToPage')))
    hf = root.find(M + 'headerFooter')
    print('headerfooter.%s=%s' % (name, '' if hf is None else
          hf.find(M + 'oddHeader').text + ' / ' + hf.find(M + 'oddFooter').text))
    if name == 'Summary':
        # The RAG columns (headed Red ... Grey): the header cells, and every
        # count that is not zero, filled in the RAG colour.
        rag_cols, good = {}, 0
        for r in rows:
            cells = list(r.iter(M + 'c'))
            first = text(cells[0]) if cells else ''
            for c in cells:
                fill = fills[xfs[int(c.get('s', 0))][1]]
                if first == 'Theme' and text(c).lower() in RAG:
                    rag_cols[col(c.get('r'))] = RAG[text(c).lower()]
                    good += fill == ('solid', RAG[text(c).lower()])
                elif col(c.get('r')) in rag_cols and text(c) not in ('', '0'):
                    good += fill == ('solid', rag_cols[col(c.get('r'))])
                    print('summaryfill.bad=%s' % c.get('r')) if fill != ('solid', rag_cols[col(c.get('r'))]) else None
            if first == 'Total':
                print('summary.total=' + ','.join(text(c) for c in cells[1:]))
        print('summaryfill.good=%d' % good)
        continue
    if not rows:
        continue
    header = {col(c.get('r')): text(c) for c in rows[0].iter(M + 'c')}
    print('header.%s=%s' % (name, ','.join(header[k] for k in sorted(header, key=lambda k: (len(k), k)))))
    # Data rows: those with a date (Changes) or a RAG cell; the Actions
    # sheet's review and theme headings have only column A.
    key = 'Date' if name == 'Changes' else 'RAG'
    bad_fill = bad_date = dates = data = 0
    values = {}
    headings = []
    for r in rows[1:]:
        cells = {header.get(col(c.get('r'))): c for c in r.iter(M + 'c')}
        if key not in cells:
            headings.append(text(next(iter(r.iter(M + 'c')))) if list(r.iter(M + 'c')) else '')
            continue
        data += 1
        for h, c in cells.items():
            v = text(c)
            values.setdefault(h, []).append(v)
            if h == 'RAG':
                fill = fills[xfs[int(c.get('s', 0))][1]]
                if fill != ('solid', RAG.get(v.split(':')[0].lower())):
                    bad_fill += 1
            if h and (h.endswith('due date') or h.endswith('Due date') or h == 'Date'):
                dates += 1
                ok = c.get('t') is None and is_date_format(int(c.get('s', 0)))
                bad_date += not ok
    print('rows.%s=%d' % (name, data + 1))
    print('headings.%s=%s' % (name, '|'.join(h for h in headings if h)))
    print('badfill.%s=%d' % (name, bad_fill))
    print('dates.%s=%d' % (name, dates))
    print('baddate.%s=%d' % (name, bad_date))
    if name == 'Changes' and 'Date' in values:  # oldest first
        print('datesorted.Changes=%d' % (values['Date'] == sorted(values['Date'], key=float)))
        print('datecount.Changes=%d' % len(set(values['Date'])))
    # Date serials back to ISO (Excel's day 0 is 1899-12-30 after 1900-02-28).
    for h, k in (('Due date', 'due_on'), ('Original due date', 'original_due_on')):
        if h in values:
            iso = [(datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(v)))).isoformat()
                   for v in values[h]]
            print('%s.%s=%s' % (k, name, ','.join(sorted(iso))))
    for h, k in (('Action', 'action'), ('What', 'what'), ('Status', 'status'),
                 ('RAG', 'rag'), ('Days overdue', 'days_overdue'), ('Ref', 'ref')):
        if h in values:
            print('%s.%s=%s' % (k, name, '|'.join(values[h])))
print('formulas=%d' % formulas)
core = z.read('docProps/core.xml').decode()
for tag in ('dc:title', 'dc:subject', 'dcterms:created', 'dc:creator'):
    m = re.search('<%s[^>]*>(.*?)</%s>' % (tag, tag), core)
    print('core.%s=%s' % (tag, m.group(1) if m else ''))
PY
facts() { python3 "$WORK/xlsx_facts.py" "$1" >"$WORK/facts" 2>&1 || cat "$WORK/facts" >&2; }
fact() { sed -n "s/^$1=//p" "$WORK/facts"; }

# html_facts FILE: parses the page as XML (well-formed or it fails) and
# prints the headline numbers and table sizes.
cat >"$WORK/html_facts.py" <<'PY'
import sys, html.parser
import xml.etree.ElementTree as ET
raw = open(sys.argv[1], encoding='utf-8').read()
root = ET.fromstring(raw[raw.index('<html'):])
def by_id(i):
    for e in root.iter():
        if e.get('id') == i:
            return e
for i in ('open', 'overdue', 'due-soon', 'completed'):
    print('%s=%s' % (i, by_id(i).find('span').text))
print('overdue_rows=%d' % len(by_id('overdue-actions').find('tbody').findall('tr'))
      if by_id('overdue-actions') is not None else 'overdue_rows=0')
foot = by_id('by-theme').find('tfoot').find('tr')
print('total=' + ','.join(''.join(c.itertext()) for c in foot)[len('Total,'):])
print('tags=' + ','.join(sorted({e.tag for e in root.iter()})))
print('polylines=' + ','.join(str(len(p.get('points').split())) for p in root.iter('polyline')))
trend = by_id('trend-table')
print('trend=' + ' '.join(':'.join(''.join(c.itertext()) for c in tr)
                          for tr in trend.find('tbody').findall('tr')) if trend is not None else 'trend=')
print('texts=' + ' | '.join(''.join(td.itertext()) for td in by_id('overdue-actions').iter('td'))
      if by_id('overdue-actions') is not None else 'texts=')
class Check(html.parser.HTMLParser):
    tags = set()
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for k, v in attrs:
            if k.startswith('on'):
                self.tags.add('EVENT-' + k)
c = Check(); c.feed(raw)
print('html_tags=' + ','.join(sorted(c.tags)))
PY
hfacts() { python3 "$WORK/html_facts.py" "$1" >"$WORK/hfacts" 2>&1 || cat "$WORK/hfacts" >&2; }
hfact() { sed -n "s/^$1=//p" "$WORK/hfacts"; }

# summary_total KEY [ARGS...]: a total from `safeplan summary --format json`.
summary_total() {
    local key=$1; shift
    "$SAFEPLAN_BIN" summary --format json "$@" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["totals"][sys.argv[1]])' "$key"
}
json_rows() { "$SAFEPLAN_BIN" "$@" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["rows"]))'; }

# ------------------------------------------------------------------
case_ "help"
run --help; expect_status 0; expect_out "pack"; expect_out "report"
run pack --help; expect_status 0; expect_out "Usage: safeplan pack --out FILE.xlsx"
expect_out "--since DATE"; expect_out "--authority CODE"; expect_no_err
run report --help; expect_status 0; expect_out "Usage: safeplan report --out FILE.html"
expect_no_err

case_ "pack writes a private workbook and says so"
run pack --out pack.xlsx --since 2017-06-01
expect_status 0; expect_out "pack.xlsx"; expect_out "2017-09-01"; expect_no_err
expect_eq "$(stat -c %a pack.xlsx)" "600" "file mode"
expect_eq "$(ls pack.xlsx.* 2>/dev/null | wc -l)" "0" "no temporary file left"
facts pack.xlsx

case_ "sheets, rows and the export's columns"
expect_eq "$(fact sheets)" "Summary,Actions,Overdue,Changes,Awaiting verification" "sheet names"
expect_eq "$(fact rows.Actions)" "$(($(summary_total total) + 1))" "Actions rows = summary total + header"
expect_eq "$(fact rows.Overdue)" "$(($(json_rows overdue) + 1))" "Overdue rows = overdue list + header"
expect_eq "$(fact rows.Overdue)" "$(($(summary_total red) + 1))" "Overdue rows = summary red + header"
changes=$(sql "$DB" "SELECT count(*) FROM action_update WHERE on_date BETWEEN '2017-06-01' AND '2017-09-01'")
expect_eq "$(fact rows.Changes)" "$((changes + 1))" "Changes rows = updates since + header"
expect_eq "$changes" "3" "hand-worked changes since 2017-06-01: 1/4 revised, 2/2 note, 1/1 complete"
expect_eq "$(fact datesorted.Changes),$(fact datecount.Changes)" "1,3" "Changes oldest first, on three days"
"$SAFEPLAN_BIN" export --as-of 2017-09-01 >export.csv
expect_eq "$(fact header.Actions)" "Ref,Finding,Action,Owner,Original due date,Due date,Status,RAG,Latest progress and evidence" "Actions headings in words"
expect_eq "$(fact header.Overdue)" "Days overdue,Action,What,Owner,Original due date,Due date,Status,RAG,Latest progress" "Overdue headings in words"
expect_eq "$(fact header.Changes)" "Date,Action,What,What changed,Recorded by, note and evidence" "Changes headings in words"
# Grouped by review, then theme (themes in order within the review).
expect_eq "$(fact headings.Actions)" "Torbay Council: LGA safeguarding peer review (9 January 2017)|Theme: Capacity and managing resources|Theme: Working together & 'partners'" "review and theme headings"
expect_eq "$(fact ref.Actions)" "1/1|1/2|1/3|1/4|2/1|2/2|2/3" "one row per action, by finding"
for s in Summary Actions Overdue Changes; do
    expect_eq "$(fact print.$s),$(fact fit.$s)" "9,landscape,1,0,1" "$s: A4 landscape, one page wide"
    case "$(fact headerfooter.$s)" in
    *"Safeguarding improvement plan: Torbay Council"*"Position as of 1 September 2017"*"Page &P of &N"*) ok ;;
    *) bad "$s header/footer: $(fact headerfooter.$s)" ;;
    esac
done
expect_eq "$(fact days_overdue.Overdue)" "93|32" "most overdue first"

case_ "summary sheet totals equal safeplan summary"
want=""
for k in total red amber green blue grey not_started in_progress complete signed_off transferred withdrawn; do
    want="$want${want:+,}$(summary_total $k)"
done
expect_eq "$(fact summary.total)" "$want" "Summary total row"

case_ "RAG cells filled in their colour, dates are dates, text is never a formula"
# The five RAG headers and the non-zero RAG counts: red, amber and blue in
# each of the two themes and in the total row (3 + 3 + 3).
expect_eq "$(fact summaryfill.bad)" "" "Summary RAG counts filled"
expect_eq "$(fact summaryfill.good)" "14" "Summary filled cells"
expect_eq "$(fact badfill.Actions)" "0" "Actions RAG fills"
expect_eq "$(fact badfill.Overdue)" "0" "Overdue RAG fills"
expect_eq "$(fact rag.Actions | tr '|' '\n' | sed 's/:.*//' | sort | uniq -c | sed 's/^ *\([0-9]*\) \(.*\)/\2\1/' | tr '\n' ' ')" \
    "Amber3 Blue2 Red2 " "hand-worked RAG on 2017-09-01"
fact rag.Actions | grep -qF "Red: 93 days past due date 2017-05-31" && ok || bad "RAG cell says why in words"
expect_eq "$(fact dates.Actions)" "14" "original and current due date of 7 actions"
expect_eq "$(fact baddate.Actions)" "0" "Actions date cells typed as dates"
expect_eq "$(fact baddate.Changes)" "0" "Changes date cells typed as dates"
for h in due_on original_due_on; do
    expect_eq "$(fact $h.Actions)" \
        "$(python3 -c 'import csv,sys; print(",".join(sorted(r[sys.argv[2]] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))))' export.csv $h)" \
        "$h read back equal the export's"
done
expect_eq "$(fact formulas)" "0" "no formula cells"
fact action.Actions | grep -qF '=HYPERLINK("x","click") & <b>bold</b>' && ok || bad "formula-like text not kept as text"
expect_eq "$(fact frozen.Actions)" "True" "Actions header frozen"

case_ "document properties"
expect_eq "$(fact core.dc:title)" "Safeguarding improvement plan: Torbay Council" "title"
expect_eq "$(fact core.dc:subject)" "Committee pack: position as of 2017-09-01; changes since 2017-06-01" "subject"
expect_eq "$(fact core.dcterms:created)" "2017-09-01T00:00:00Z" "created"
expect_eq "$(fact core.dc:creator)" "Test Officer" "author from SAFEPLAN_USER"

case_ "a past as-of date shows the plan as it stood then"
run pack --out past.xlsx --as-of 2017-06-05
expect_status 0
facts past.xlsx
# Action 6 began in August: absent. Action 1 (complete in August) was in
# progress; action 7's due date was still the original 2017-05-31.
expect_eq "$(fact rows.Actions)" "7" "six actions and the header"
fact action.Actions | grep -qF "Recruit a principal social worker" && bad "a later action is listed" || ok
expect_eq "$(fact status.Actions | tr '|' '\n' | sort | uniq -c | sed 's/^ *\([0-9]*\) \(.*\)/\2\1/' | tr '\n' ' ')" \
    "In progress3 Not started2 Signed off1 " "statuses on 2017-06-05"
expect_eq "$(fact days_overdue.Overdue)" "5|5" "actions 2 and 7 five days overdue"
expect_eq "$(fact due_on.Overdue)" "2017-05-31,2017-05-31" "original due date before the revision"
expect_eq "$(fact core.dc:subject)" "Committee pack: position as of 2017-06-05; changes since 2017-03-07" "default since: 90 days before"

case_ "report: one well-formed page, numbers equal the other reports"
run report --out report.html --since 2017-06-01
expect_status 0; expect_out "report.html"; expect_no_err
expect_eq "$(stat -c %a report.html)" "600" "file mode"
hfacts report.html
expect_eq "$(hfact open)" "$(($(summary_total not_started) + $(summary_total in_progress)))" "open = summary"
expect_eq "$(hfact overdue)" "$(json_rows overdue)" "overdue = overdue list"
expect_eq "$(hfact overdue)" "$(summary_total red)" "overdue = summary red"
expect_eq "$(hfact due-soon)" "$(json_rows due --within 28)" "due within 28 days = due list"
completed=$(sql "$DB" "SELECT count(DISTINCT action_id) FROM action_update
    WHERE new_status IN ('complete','signed_off') AND on_date BETWEEN '2017-06-01' AND '2017-09-01'
      AND action_id NOT IN (SELECT action_id FROM action_update
                            WHERE new_status IN ('complete','signed_off') AND on_date < '2017-06-01')")
expect_eq "$(hfact completed)" "$completed" "completed since = sqlite3"
expect_eq "$(hfact open),$(hfact overdue),$(hfact due-soon),$(hfact completed)" "5,2,1,1" "hand-worked headline"
# One owner's report reads its done actions one by one, as they stood the
# day before --since (pack_data.c, done_by_id): 1/1 is completed since,
# 2/3 was signed off before (both Head of Service's).
run report --out owner.html --since 2017-06-01 --owner "Head of Service"
expect_status 0
hfacts owner.html
expect_eq "$(hfact open),$(hfact completed)" "4,1" "one owner's headline: open, completed since"
hfacts report.html
expect_eq "$(hfact overdue_rows)" "2" "overdue table rows"
expect_eq "$(hfact total)" "$(summary_total total),$(summary_total red),$(summary_total amber),$(summary_total green),$(summary_total blue),$(summary_total grey),5,2" "RAG by theme totals"
# Month ends from February (the first start) to August, then 1 September.
expect_eq "$(hfact polylines)" "8,8" "trend points"

case_ "report: nothing from the data becomes markup"
expect_eq "$(grep -c '<script' report.html)" "0" "no script element"
expect_eq "$(grep -ci 'https\?://' report.html)" "0" "no URL to fetch"
expect_eq "$(grep -c '<img' report.html)" "0" "no img element"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' report.html && ok || bad "script text not escaped"
grep -qF '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;' report.html && ok || bad "attribute breakout not escaped"
grep -qF "Working together &amp; &#39;partners&#39;" report.html && ok || bad "theme not escaped"
case "$(hfact html_tags)" in *script*|*img*|*EVENT-*|*iframe*) bad "unexpected tags: $(hfact html_tags)" ;; *) ok ;; esac
hfact texts | grep -qF '<script>alert(1)</script> audit of caseloads' && ok || bad "escaped text does not read back"

case_ "report in the past and the trend"
run report --out past.html --as-of 2017-06-05
expect_status 0
hfacts past.html
expect_eq "$(hfact open),$(hfact overdue)" "5,2" "hand-worked on 2017-06-05"
expect_eq "$(hfact polylines)" "5,5" "trend: February to May, then 5 June"

# bad CMD...: must fail with STATUS and TEXT on stderr, print nothing, and
# leave the output files as they were.
bad_case() {
    local status=$1 text=$2; shift 2
    local before; before=$(fingerprint pack.xlsx report.html "$DB")
    run "$@"
    expect_status "$status"; expect_err "$text"; expect_no_out
    expect_eq "$(fingerprint pack.xlsx report.html "$DB")" "$before" "files unchanged after: $*"
}

case_ "misuse and failures"
bad_case 2 "missing --out" pack
bad_case 2 "should end in .xlsx" pack --out pack.csv
bad_case 2 "--as-of 'someday'" pack --out pack.xlsx --as-of someday
bad_case 2 "--since 2017-09-02 is after --as-of 2017-09-01" report --out report.html --as-of 2017-09-01 --since 2017-09-02
bad_case 2 "--status 'sorted' is not known" pack --out pack.xlsx --status sorted
bad_case 2 "unexpected argument" report --out report.html extra
bad_case 1 "no owner 'Nobody'" pack --out pack.xlsx --owner Nobody
bad_case 1 "no owner 'Nobody'" report --out report.html --owner Nobody
bad_case 2 "--since 2017-09-05 is after the as-of date 2017-09-01" report --out report.html --since 2017-09-05
bad_case 1 "cannot write" pack --out no/such/dir/pack.xlsx
bad_case 1 "cannot write no/such/dir/report.html: its directory does not exist" report --out no/such/dir/report.html
expect_eq "$(ls pack.xlsx.* report.html.* 2>/dev/null | wc -l)" "0" "no temporary files left"

case_ "filters narrow the pack"
run pack --out theme.xlsx --theme "working together & 'partners'"
expect_status 0
facts theme.xlsx
expect_eq "$(fact rows.Actions)" "$(($(summary_total total --theme "Working together & 'partners'") + 1))" "theme filter"
expect_eq "$(fact rows.Changes)" "2" "changes of that theme only: 2/2 on 2017-06-15"

case_ "the example plan"
export SAFEPLAN_DB=$WORK/demo.db
sp demo
for a in torbay leicester peterborough windsor-maidenhead; do
    run pack --out "demo-$a.xlsx" --as-of 2017-07-01 --since 2016-07-01 --authority "$a"
    expect_status 0
    facts "demo-$a.xlsx"
    expect_eq "$(fact rows.Actions)" "$(($(summary_total total --as-of 2017-07-01 --authority "$a") + 1))" "$a actions"
    # the council's updates in the dates, and no other's (0, 68, 42 and 45)
    changes=$(sql "$SAFEPLAN_DB" "SELECT count(*) FROM action_update u
        JOIN action x ON x.id = u.action_id JOIN finding f ON f.id = x.finding_id
        JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
        WHERE a.code = '$a' AND x.voided = 0 AND u.on_date BETWEEN '2016-07-01' AND '2017-07-01'")
    expect_eq "$(fact rows.Changes)" "$((changes + 1))" "$a changes"
    expect_eq "$(fact rows.Overdue)" "$(($(json_rows overdue --as-of 2017-07-01 --authority "$a") + 1))" "$a overdue"
    expect_eq "$(fact badfill.Actions),$(fact baddate.Actions),$(fact formulas)" "0,0,0" "$a fills, dates, formulas"
done
run report --out demo.html --as-of 2017-07-01
expect_status 0
hfacts demo.html
expect_eq "$(hfact overdue)" "$(json_rows overdue --as-of 2017-07-01)" "demo overdue"

case_ "report --no-due: the trend counts the open-ended actions, never as overdue"
# The example plan has none: each month end of the trend counts nothing
# (it counted the whole plan).
run report --out nodue.html --as-of 2017-07-01 --no-due
expect_status 0
hfacts nodue.html
expect_eq "$(hfact open),$(hfact overdue)" "0,0" "no open-ended action in the example plan"
expect_eq "$(hfact trend | tr ' ' '\n' | grep -vc ':0:0$')" "0" "a trend of nothing"
# One "Ongoing" action from March 2017: open from its month on, never overdue.
sp action add leicester/2015-ofsted/1 --title "Keep the audit programme under review" \
    --owner "Head of Service" --start 2017-03-01 --due Ongoing
run report --out nodue.html --as-of 2017-07-01 --no-due
expect_status 0
hfacts nodue.html
expect_eq "$(hfact open),$(hfact overdue)" "1,0" "one open-ended action"
expect_eq "$(hfact trend | tr ' ' '\n' | tail -5 | tr '\n' ' ')" \
    "2017-03-31:1:0 2017-04-30:1:0 2017-05-31:1:0 2017-06-30:1:0 2017-07-01:1:0 " "open from March"
expect_eq "$(hfact trend | tr ' ' '\n' | grep -c ':1$')" "0" "never overdue"

case_ "many themes, in several spellings: the pack's Summary names and counts them as summary does"
# 2,400 findings, each of a theme of its own (names of about 60 bytes:
# more than one of the blocks the pack keeps names in, and the index of
# themes grown many times), and three spellings of one theme that count
# as one, named by the spelling summary names it by.
awk 'BEGIN {
    printf "authority,authority_name,review,review_kind,review_title,finding_ref,"
    printf "finding_kind,theme,finding,action_ref,action,owner,due_on,status\r\n"
    split("Leadership|leadership  |LEADERSHIP", same, "|")
    for (i = 1; i <= 2403; i++) {
        theme = i <= 3 ? same[i] : sprintf("Theme %04d of a plan where every finding has its own", i)
        printf "many,Many Council,r1,other,Many themes,%d,recommendation,%s,Finding %d,1," \
               "Action %d,Head of Service,2017-%02d-28,%s\r\n", i, theme, i, i, i % 12 + 1,
               i % 3 ? "in_progress" : "not_started"
    }
}' >many.csv
"$SAFEPLAN_BIN" --db many.db import many.csv >/dev/null 2>&1 || bad "many.csv imported"
# (recorded today, by the real clock: judged long after)
SAFEPLAN_TODAY=2099-01-01 run --db many.db pack --out many.xlsx
expect_status 0
SAFEPLAN_TODAY=2099-01-01 "$SAFEPLAN_BIN" --db many.db summary --format csv >many-summary.csv
python3 - many.xlsx many-summary.csv >"$WORK/many.out" 2>&1 <<'PY'
import csv, sys, zipfile
import xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
sheet = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml'))
def cells(row):
    return [''.join(t.text or '' for t in c.iter(M + 't')) or (c.findtext(M + 'v') or '')
            for c in row.iter(M + 'c')]
rows = [cells(r) for r in sheet.iter(M + 'row')]
start = next(i for i, r in enumerate(rows) if r and r[0] == 'Theme') + 1
pack = []
for r in rows[start:]:
    if r[0] == 'Total':
        break
    pack.append((r[0], r[1]))
summary = [(r['group'], r['total']) for r in csv.DictReader(open(sys.argv[2], encoding='utf-8'))]
assert len(summary) == 2401, len(summary)
assert pack == summary, [x for x in zip(pack, summary) if x[0] != x[1]][:3] or (len(pack), len(summary))
print('themes', len(pack), pack[0])
PY
expect_eq "$(cat "$WORK/many.out")" "themes 2401 ('LEADERSHIP', '3')" \
    "the Summary's themes, named and counted as summary does"

finish

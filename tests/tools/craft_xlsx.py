#!/usr/bin/env python3
"""Writes hand-made workbooks for the import tests with Python's zipfile:
the forms of SpreadsheetML that neither libxlsxwriter nor LibreOffice
writes (the 1904 date system, inline strings, namespace prefixes, cells
without references, _xHHHH_ escapes, phonetic runs), and broken or hostile
ones (a zip bomb, a sheet of 1,048,576 rows, a DTD, a shared string that is
not there, 1,048,577 shared strings, an OpenDocument file, a CSV named .xlsx, an OLE file); and a
plan of long, different texts (long.xlsx, and the same rows as long.csv),
whose shared strings pass what the reader keeps in memory.

    craft_xlsx.py DIR      writes every workbook into DIR

The plan's text is from the seeds' tables (Torbay's areas for further
consideration, Herefordshire's suggested actions), officers by role.
"""
import csv
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = RELS + "/worksheet"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""

# Style 0 General, 1 a date (built-in 14), 2 a custom date-time format,
# 3 a percentage.
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="9"/></cellXfs>
</styleSheet>"""


def workbook(path, sheets, date1904=False, shared=None, prefix="", styles=STYLES):
    """sheets: [(name, sheet_xml)]; shared: list of <si> bodies or None."""
    p = prefix + ":" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    # A sheet named "(hidden) ..." is hidden, as Excel marks one.
    entries = "".join(f'<{p}sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"'
                      + (' state="hidden"' if n.startswith("(hidden)") else "") + "/>"
                      for i, (n, _) in enumerate(sheets))
    pr = f'<{p}workbookPr date1904="1"/>' if date1904 else ""
    wb = (f'<?xml version="1.0" encoding="UTF-8"?><{p}workbook {ns} xmlns:r="{RELS}">'
          f"{pr}<{p}sheets>{entries}</{p}sheets></{p}workbook>")
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{SHEET_TYPE}" '
                   f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    rels += f'<Relationship Id="rIdS" Type="{RELS}/styles" Target="styles.xml"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
                   f"{rels}</Relationships>")
        z.writestr("xl/styles.xml", styles)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><{p}sst {ns}>'
                       + "".join(f"<{p}si>{s}</{p}si>" for s in shared) + f"</{p}sst>")
        for i, (_, xml) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", xml)


def sheet(rows, merges="", prefix=""):
    p = prefix + ":" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return (f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns}>'
            f"<{p}sheetData>{rows}</{p}sheetData>{merges}</{p}worksheet>")


def inline(ref, text, p=""):
    return f'<{p}c r="{ref}" t="inlineStr"><{p}is><{p}t>{text}</{p}t></{p}is></{p}c>'


def rows(table):
    """A sheet's rows from a table of texts (None or "": no cell), as inline strings."""
    return "".join(f'<row r="{n}">' + "".join(inline(f"{chr(65 + i)}{n}", v)
                   for i, v in enumerate(r) if v) + "</row>"
                   for n, r in enumerate(table, 1))


HEADER = ["Ref", "Theme", "Area for consideration", "What we will do", "Lead officer",
          "Start date", "Target date", "Status"]


def header_row(p=""):
    cells = "".join(inline(f"{chr(65 + i)}1", h, p) for i, h in enumerate(HEADER))
    return f'<{p}row r="1">{cells}</{p}row>'


def craft_1904(path):
    """The 1904 date system, with a namespace prefix, inline strings, rich
    and phonetic shared strings, an escaped CR, cells without references,
    a gap in the column letters and a merged theme."""
    shared = [
        # rich text: two runs, joined
        "<x:r><x:rPr><x:b/></x:rPr><x:t>Vision, Strategy</x:t></x:r>"
        "<x:r><x:t xml:space=\"preserve\"> and Leadership</x:t></x:r>",
        # a phonetic guide is not part of the text
        "<x:t>Challenge and pace of action</x:t><x:rPh sb=\"0\" eb=\"1\"><x:t>IGNORED</x:t></x:rPh>",
        # Excel's escape for a character XML cannot hold
        "<x:t>Agree the recruitment plan_x000D_\nwith HR</x:t>",
    ]
    # 2018-03-31 is 43190 in the 1900 system, 41728 in the 1904 system;
    # 2017-04-03 is 41366 in 1904.
    row2 = (f'<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2" t="s"><x:v>0</x:v></x:c>'
            f'<x:c r="C2" t="s"><x:v>1</x:v></x:c><x:c r="D2" t="s"><x:v>2</x:v></x:c>'
            f'{inline("E2", "Director of Children&apos;s Services", "x:")}'
            f'<x:c r="F2" s="1"><x:v>41366</x:v></x:c><x:c r="G2" s="1"><x:v>41728</x:v></x:c>'
            f'<x:c r="H2" t="str"><x:f>"In progress"</x:f><x:v>In progress</x:v></x:c></x:row>')
    # Row 3: no cell references at all (columns count on from A), the theme
    # merged from B2, and a date-time at noon.
    row3 = ('<x:row><x:c><x:v>2</x:v></x:c><x:c/>'
            f'<x:c t="inlineStr"><x:is><x:t>Children as a long term political priority</x:t></x:is></x:c>'
            f'<x:c t="inlineStr"><x:is><x:t>Report to Cabinet each quarter</x:t></x:is></x:c>'
            f'<x:c t="inlineStr"><x:is><x:t>Lead Member for Children</x:t></x:is></x:c>'
            f'<x:c s="2"><x:v>41366.5</x:v></x:c><x:c s="1"><x:v>41728</x:v></x:c>'
            f'<x:c t="inlineStr"><x:is><x:t>Not started</x:t></x:is></x:c></x:row>')
    merges = '<x:mergeCells count="1"><x:mergeCell ref="B2:B3"/></x:mergeCells>'
    workbook(path, [("Plan", sheet(header_row("x:") + row2 + row3, merges, "x"))],
             date1904=True, shared=shared, prefix="x")


def plain_rows(n, start=2):
    """n data rows of the seed plan (actions numbered from 1)."""
    out = []
    for i in range(n):
        r = start + i
        out.append(f'<row r="{r}"><c r="A{r}"><v>{i + 1}</v></c>'
                   f'{inline(f"B{r}", "Working Together")}'
                   f'{inline(f"C{r}", "Collaboration with other LSCBs on training")}'
                   f'{inline(f"D{r}", f"Joint training session {i + 1}")}'
                   f'{inline(f"E{r}", "LSCB Business Manager")}'
                   f'<c r="F{r}" s="1"><v>42828</v></c><c r="G{r}" s="1"><v>43190</v></c>'
                   f"</row>")
    return "".join(out)


def craft_bad(d):
    # A CSV file named .xlsx.
    with open(os.path.join(d, "notzip.xlsx"), "w") as f:
        f.write(",".join(HEADER) + "\r\n")
    # An OLE compound file: how Excel saves a password-protected .xlsx, and
    # what an old .xls is.
    ole = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    for name in ("protected.xlsx", "old.xls"):
        with open(os.path.join(d, name), "wb") as f:
            f.write(ole)
    # A zip bomb: a sheet whose 40 MiB of XML packs into a few KiB.
    bomb = sheet(header_row() + "<row r=\"2\">" + " " * (40 << 20) + "</row>")
    workbook(os.path.join(d, "bomb.xlsx"), [("Sheet1", bomb)])
    # A sheet with a value in each of Excel's 1,048,576 rows.
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'
                   for r in range(2, 1048577))
    workbook(os.path.join(d, "rows.xlsx"), [("Sheet1", sheet(header_row() + rows))])
    # A DTD (the way to an entity expansion attack).
    dtd = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]>'
           f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>')
    workbook(os.path.join(d, "dtd.xlsx"), [("Sheet1", dtd)])
    # A cell that names a shared string the workbook does not have.
    badref = plain_rows(5) + '<row r="7"><c r="C7" t="s"><v>99</v></c></row>'
    workbook(os.path.join(d, "badsst.xlsx"), [("Sheet1", sheet(header_row() + badref))],
             shared=["<t>only one</t>"])
    # More different texts (shared strings) than Excel has rows.
    workbook(os.path.join(d, "manysst.xlsx"), [("Sheet1", sheet(header_row()))],
             shared=[f"<t>{i * 2654435761 % 2**32:x}</t>" for i in range(1048577)])
    # A zip that is an OpenDocument spreadsheet.
    with zipfile.ZipFile(os.path.join(d, "plan.ods"), "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    # A workbook with two sheets, for --sheet.
    workbook(os.path.join(d, "two.xlsx"),
             [("Cover", sheet('<row r="1">' + inline("A1", "Improvement plan") + "</row>")),
              ("Action plan", sheet(header_row() + plain_rows(3)))])
    # A hidden first sheet: the reader sees the second, and so does import.
    workbook(os.path.join(d, "hidden.xlsx"),
             [("(hidden) lookups", sheet('<row r="1">' + inline("A1", "Status list") + "</row>")),
              ("Plan", sheet(header_row() + plain_rows(2)))])


def craft_long(d, n=3000):
    """n actions whose texts are long and all different, as shared strings
    (about 6 MiB: more than the reader's 4 MiB in memory, so most are
    sealed in its spill), and the same rows as CSV."""
    # Words of the seeds' plans in a fixed pseudo-random order: a real plan's
    # text packs about 4 to 1, and a repeated sentence far past the reader's
    # zip-bomb ratio.
    words = ("collaboration with other LSCBs on training practitioners across the "
             "partnership share thresholds neglect toolkit front-line staff audit "
             "reported to Board each quarter supervision caseloads recruitment agency "
             "social workers early help assessment re-referrals children in need plans "
             "timeliness visits voice of the child").split()
    rnd = random.Random(16)
    def text(count):
        return " ".join(rnd.choice(words) for _ in range(count))
    rows = [HEADER]
    for i in range(n):
        rows.append([str(i + 1), "Working Together", f"{text(80)} (area {i + 1})",
                     f"{text(170)} (cohort {i + 1}) & <review>", "LSCB Business Manager",
                     "03/04/2017", "31/03/2018", "In progress" if i % 3 else "Not started"])
    strings, index = [], {}
    def sid(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(f'<t xml:space="preserve">{escape(text)}</t>')
        return index[text]
    xml = "".join(f'<row r="{r + 1}">' + "".join(
        f'<c r="{chr(65 + c)}{r + 1}" t="s"><v>{sid(v)}</v></c>' for c, v in enumerate(row))
        + "</row>" for r, row in enumerate(rows))
    workbook(os.path.join(d, "long.xlsx"), [("Plan", sheet(xml))], shared=strings)
    with open(os.path.join(d, "long.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    craft_1904(os.path.join(d, "mac1904.xlsx"))
    craft_bad(d)
    craft_long(d)


if __name__ == "__main__":
    main()

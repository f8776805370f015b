"""Edits an exported workbook the way a spreadsheet program saves typed cells, for the round
trip's end-to-end test: python3 edit-workbook.py IN.xlsx OUT.xlsx ROW_ID HEADER=VALUE ...

VALUE is written as an inline string, or as a number when it starts with '#' (a date serial
such as #46447). Cells are found by the header text in row 1 and the Row ID in column A of the
"Matrix (ISO 27001 view)" sheet (xl/worksheets/sheet2.xml)."""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

source, target, row_id, *edits = sys.argv[1:]
with zipfile.ZipFile(source) as book:
    entries = {name: book.read(name) for name in book.namelist()}
strings = [
    re.sub(r"<[^>]+>", "", si)
    for si in re.findall(r"<si>(.*?)</si>", entries["xl/sharedStrings.xml"].decode(), re.S)
]
sheet = entries["xl/worksheets/sheet2.xml"].decode()


def cell_text(xml):
    value = re.search(r"<v>(.*?)</v>", xml)
    if value is None:
        return ""
    return strings[int(value.group(1))] if 't="s"' in xml else value.group(1)


cells = {m.group(1): m.group(0) for m in re.finditer(r'<c r="([A-Z]+\d+)"[^>]*?(?:/>|>.*?</c>)', sheet, re.S)}
headers = {cell_text(xml): re.match(r"[A-Z]+", ref).group(0) for ref, xml in cells.items() if re.fullmatch(r"[A-Z]+1", ref)}
row = next(ref[1:] for ref, xml in cells.items() if ref.startswith("A") and cell_text(xml) == row_id)
for edit in edits:
    header, value = edit.split("=", 1)
    ref = headers[header] + row
    old = cells[ref]
    style = re.search(r' s="\d+"', old)
    style = style.group(0) if style else ""
    if value.startswith("#"):
        new = f'<c r="{ref}"{style}><v>{value[1:]}</v></c>'
    else:
        new = f'<c r="{ref}"{style} t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    sheet = sheet.replace(old, new, 1)
entries["xl/worksheets/sheet2.xml"] = sheet.encode()
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
    for name, data in entries.items():
        out.writestr(name, data)

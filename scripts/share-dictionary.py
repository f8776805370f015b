#!/usr/bin/env python3
"""Prints a preset dictionary for compressed share links (src/assessment/share.rs).

A share link's deflate stream refers back into this dictionary, so the ids every assessment
repeats (questions, options, crosswalk rows, field names) cost a few bits each instead of their
length. A dictionary is frozen once a version of the app has shipped it: links made with it must
open in every later version. To change it, write a new file under a new version number
(data/share-dictionary-<n>.txt), teach share.rs the new key, and keep the old one.

    python3 scripts/share-dictionary.py > data/share-dictionary-2.txt
"""
import json
from pathlib import Path

root = Path(__file__).resolve().parent.parent
questionnaire = json.loads((root / "data/questionnaire.json").read_text())
crosswalk = json.loads((root / "data/crosswalk.json").read_text())

parts = ['{"schema":3,"created":"2026-","updated":"2026-","editions":{"iso27001":"2022","iso20000-1":"2018"},"answers":{']
for section in questionnaire["sections"]:
    for question in section["questions"]:
        options = [o["id"] if isinstance(o, dict) else o for o in question.get("options", [])]
        parts.append(f'"{question["id"]}":' + "".join(f'"{o}",' for o in options))
parts.append('},"rows":{')
for row in crosswalk["rows"]:
    parts.append(f'"{row["id"]}":{{"owner":"","due":"2027-","notes":""}},')
parts.append('"status":"not_started","in_progress","implemented","not_applicable"')
# Deflate looks back 32 KiB at most; the ids used most (the rows) sit at the end, nearest the data.
text = "".join(parts)
assert len(text.encode()) <= 32768, "a deflate dictionary holds 32 KiB at most"
print(text, end="")

"""Xapian Omega's scriptindex as the reference indexer: the JSON Lines corpus converted to
scriptindex's record format, and an index script with the fields Morgue indexes.

Record format: one "name=value" line per field (a field may repeat, e.g. one author
line per author), records separated by a blank line, a newline inside a value escaped
by starting the next line with '='.

The index script mirrors Morgue's schema for JSON Lines input: unique id (the URL, Q),
URL (U, hashed past Xapian's term limit), host (H), language (L), title (S, weight 3)
and subtitle (XDEK, weight 2) and authors (A) each prefixed and unprefixed, the date
as D/M/Y terms plus a YYYYMMDD value, the body with positions, every field stored."""

import json
import os

SCRIPT = """\
url : field unique=Q boolean=Q hash boolean=U
source_domain : field boolean=H
language : field boolean=L
title : field weight=3 index=S index
description : field weight=2 index=XDEK index
author : field index=A index
date : field date=yyyymmdd value=0
text : field index
"""


def write_script(work):
    path = os.path.join(work, "morgue.script")
    with open(path, "w") as f:
        f.write(SCRIPT)
    return path


def _field(out, name, value):
    value = value.replace("\r", "")
    out.append(f"{name}=" + value.replace("\n", "\n="))


def record(obj):
    out = []
    _field(out, "url", obj.get("url") or "")
    _field(out, "source_domain", obj.get("source_domain") or "")
    _field(out, "language", obj.get("language") or "")
    _field(out, "title", obj.get("title") or "")
    _field(out, "description", obj.get("description") or "")
    for a in obj.get("authors") or []:
        _field(out, "author", a)
    d = (obj.get("date_publish") or "")[:10].replace("-", "")
    if len(d) == 8 and d.isdigit():
        _field(out, "date", d)
    _field(out, "text", obj.get("text") or "")
    return "\n".join(out) + "\n\n"


def convert(jsonl):
    """Writes JSONL.scriptindex next to the corpus once; returns its path."""
    dump = jsonl + ".scriptindex"
    if os.path.exists(dump) and os.path.getmtime(dump) >= os.path.getmtime(jsonl):
        return dump
    tmp = dump + ".tmp"
    with open(jsonl, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                dst.write(record(json.loads(line)))
    os.replace(tmp, dump)
    return dump

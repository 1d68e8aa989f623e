#!/usr/bin/env python3
"""A content folder from the real corpus and its truth, for the search
relevance benchmark (benches/relevance.sh): each document the truth
records with a number, type, trích yếu, issuer and date becomes one
Markdown file with those fields (as read by a person) and the converted
text of its file as the body. Files holding two documents give both the
whole text. Documents whose number repeats one already written are left
out (the archive keys documents by number).

    benches/real-corpus-content.py OUT_DIR
"""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "tests" / "real-corpus"
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)


def quote(s):
    return json.dumps(s, ensure_ascii=False)


seen = set()
written = 0
for truth_path in sorted((root / "truth").glob("*.json")):
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    if not truth.get("directive", True):
        continue
    text = (root / "docs" / truth["file"]).read_text(encoding="utf-8", errors="replace")
    # The body is Markdown: characters that would start markup at a line's
    # start are kept as text.
    # Images of the conversion are not in the corpus: left as text.
    text = text.replace("![", "!\\[")
    body = "\n".join(re.sub(r"^(\s*)([#>\-*+|=]|\d+[.)])", r"\1\\\2", line) for line in text.splitlines())
    for i, d in enumerate(truth.get("documents", [])):
        fields = [d.get(k) for k in ("number", "type", "title", "issuer", "date")]
        if not all(fields):
            continue
        key = re.sub(r"\s+", "", d["number"]).lower()
        if key in seen:
            continue
        seen.add(key)
        name = f"{truth_path.stem}-{i}.md"
        front = [
            "---",
            f"number: {quote(d['number'])}",
            f"type: {quote(d['type'])}",
            f"title: {quote(d['title'])}",
            f"issuer: {quote(d['issuer'])}",
            f"date: {d['date']}",
            "---",
            "",
        ]
        (out / name).write_text("\n".join(front) + body + "\n", encoding="utf-8")
        written += 1
print(f"{written} documents written to {out}", file=sys.stderr)

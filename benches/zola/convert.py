#!/usr/bin/env python3
"""Copy a `vanban generate` archive into a Zola content folder.

Usage: convert.py SOURCE_CONTENT ZOLA_CONTENT

Zola rejects unknown top-level front matter fields, so each document gets
TOML front matter with the fields Zola knows (title, date), the issuer and
type as taxonomies, and the contract's number and type under [extra]. The
body is copied unchanged. Every folder gets an `_index.md` so that its pages
belong to a section and reach Zola's search index.
"""

import json
import os
import sys

FIELDS = ("number", "type", "title", "issuer", "date")


def scalar(raw):
    """A YAML scalar as the generator writes it: double- or single-quoted, or plain."""
    raw = raw.strip()
    if raw.startswith('"'):
        return json.loads(raw)
    if raw.startswith("'") and raw.endswith("'"):
        return raw[1:-1].replace("''", "'")
    return raw


def toml(value):
    return json.dumps(value, ensure_ascii=False)


def convert(text):
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.index("\n---\n", 3)
    meta = {}
    for line in text[4:end].split("\n"):
        key, sep, value = line.partition(":")
        if sep and key in FIELDS and not line.startswith(" "):
            meta[key] = scalar(value)
    body = text[end + 5 :]
    return (
        "+++\n"
        f"title = {toml(meta['title'])}\n"
        f"date = {meta['date']}\n"
        "[taxonomies]\n"
        f"issuer = [{toml(meta['issuer'])}]\n"
        f"type = [{toml(meta['type'])}]\n"
        "[extra]\n"
        f"number = {toml(meta['number'])}\n"
        f"type = {toml(meta['type'])}\n"
        "+++\n" + body
    )


def main():
    source, target = sys.argv[1], sys.argv[2]
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, "_index.md"), "w", encoding="utf-8") as f:
        f.write('+++\ntitle = "Kho văn bản"\n+++\n')
    count = 0
    for folder, dirs, files in os.walk(source):
        dirs.sort()
        rel = os.path.relpath(folder, source)
        out = os.path.normpath(os.path.join(target, rel))
        os.makedirs(out, exist_ok=True)
        if rel != ".":
            with open(os.path.join(out, "_index.md"), "w", encoding="utf-8") as f:
                f.write(f"+++\ntitle = {toml(rel)}\n+++\n")
        for name in sorted(files):
            if not name.endswith(".md") or name.startswith("_"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write(convert(text))
            count += 1
    print(f"{count} documents converted into {target}")


if __name__ == "__main__":
    main()

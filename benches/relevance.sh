#!/bin/sh
# The search relevance benchmark (issue 15): judged query sets made from a
# built site's own truth (tests/common/relevance.rs), asked through the
# site's client, with the gzip bytes of each first query; with
# PAGEFIND=1, the same queries asked of Pagefind 1.6 indexing the same
# site's document pages, side by side.
#
#   [PAGEFIND=1] benches/relevance.sh SITE_OR_CONTENT...
#
# A built site (`vanban build`) is read as served; a content folder
# (`vanban generate --count N --seed S --output DIR`) is indexed in memory
# (quicker; no pages for cited documents; no Pagefind). SAMPLE (default
# 200) documents give the known-item and number queries. The real corpus:
# `benches/real-corpus-content.py DIR/content`, then `vanban build`.
# Pagefind is installed with npm into $TMPDIR (a benchmark tool, never
# part of a build); its bundle is written next to the site
# (SITE.pagefind). It needed 5.2 GB for 10,000 documents.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --example relevance
tmp=${TMPDIR:-/tmp}/vanban-relevance
mkdir -p "$tmp"
if [ "${PAGEFIND:-0}" = 1 ] && [ ! -d "$tmp/node_modules/pagefind" ]; then
  (cd "$tmp" && npm install --no-save --no-audit --no-fund pagefind@1.6)
fi
for site in "$@"; do
  site=$(cd "$site" && pwd)
  name=$(basename "$site")
  echo "## $site"
  if [ "${PAGEFIND:-0}" = 1 ] && [ -f "$site/search/manifest.json" ]; then
    q="$tmp/queries-$name.json"
    target/release/examples/relevance "$site" --export "$q" --export-only
    cp benches/relevance/pagefind-*.mjs "$tmp/"
    [ -f "$site.pagefind/pagefind.js" ] || (cd "$tmp" && /usr/bin/time -f "pagefind index: %e s, %M KB peak" node pagefind-index.mjs "$site" "$site.pagefind")
    (cd "$tmp" && node pagefind-search.mjs "$site.pagefind" "$q" "$tmp/pagefind-$name.json")
    target/release/examples/relevance "$site" --score "$tmp/pagefind-$name.json" Pagefind
  else
    target/release/examples/relevance "$site"
  fi
done

#!/bin/sh
# The search relevance benchmark (issue 15): judged query sets made from a
# built site's own truth (tests/common/relevance.rs), asked through the
# site's client, with the gzip bytes of each first query.
#
#   benches/relevance.sh SITE_OR_CONTENT...
#
# A built site (`vanban build`) is read as served; a content folder
# (`vanban generate --count N --seed S --output DIR`) is indexed in memory
# (quicker; no pages for cited documents). SAMPLE (default 200) documents
# give the known-item and number queries. Writes the queries next to the
# table (queries.json) for other engines; `--score R.json NAME` after the
# site scores their results beside vanban's (examples/relevance.rs).
set -eu
cd "$(dirname "$0")/.."
cargo build --release --example relevance
for site in "$@"; do
  echo "## $site"
  target/release/examples/relevance "$site" --export "${TMPDIR:-/tmp}/queries-$(basename "$site").json"
done

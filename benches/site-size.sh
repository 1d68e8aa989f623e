#!/usr/bin/env bash
# What a built site costs a static host: bytes and file entries (files and
# folders: GitLab Pages counts both) in all and by kind of file.
#   benches/site-size.sh public
set -euo pipefail
site="${1:?usage: benches/site-size.sh SITE_DIR}"
cd "$site"
files=$(find . -type f | wc -l)
dirs=$(find . -mindepth 1 -type d | wc -l)
bytes=$(find . -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s}')
printf 'total: %d files + %d folders = %d entries, %.1f MB (%d bytes)\n' \
  "$files" "$dirs" $((files + dirs)) "$(echo "$bytes / 1000000" | bc -l)" "$bytes"
printf '%-40s %9s %10s %10s\n' kind files MB 'avg bytes'
find . -type f -printf '%s %p\n' | awk '
{
  size = $1; p = $2
  if (p ~ /^\.\/van-ban\/[^\/]+\/[^\/]+\/index\.html$/) k = "document page (van-ban/Y/x/index.html)"
  else if (p ~ /^\.\/van-ban\/.*index\.json$/) k = "document record (index.json)"
  else if (p ~ /^\.\/van-ban\/.*index\.md$/) k = "document source (index.md)"
  else if (p ~ /^\.\/van-ban\//) k = "other van-ban/ (cited, shared, lists)"
  else if (p ~ /feed\.xml$/) k = "feeds"
  else if (p ~ /sitemap/) k = "sitemaps"
  else if (p ~ /^\.\/(tim-kiem|search)\//) k = "search index"
  else if (p ~ /^\.\/data\//) k = "data/"
  else if (p ~ /^\.\/static\//) k = "static/"
  else if (p ~ /\/trang\/[0-9]+\//) k = "list pages, page 2+"
  else { split(p, a, "/"); k = a[2] "/ pages" }
  n[k]++; s[k] += size
}
END { for (k in n) printf "%-40s %9d %10.1f %10d\n", k, n[k], s[k] / 1e6, s[k] / n[k] }' | sort

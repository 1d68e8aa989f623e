// Asks a Pagefind bundle the queries exported by the relevance example
// (`--export Q.json`), through Pagefind's own JS API (pagefind.js, run in
// node with fetch reading the bundle from disk), and writes the ranked
// URLs and the bytes each first query fetched, as `--score R.json NAME`
// reads them:
//   node pagefind-search.mjs BUNDLE Q.json R.json
// Every query starts from a fresh instance (nothing cached). Bytes are
// those served: Pagefind's index files are stored compressed already;
// its script is counted gzip-compressed. Filtered queries get null (the
// site's HTML carries no Pagefind filters).
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';

const [bundle, queriesPath, outPath] = process.argv.slice(2);
const base = pathToFileURL(path.resolve(bundle)).href + '/';
const queries = JSON.parse(readFileSync(queriesPath, 'utf8'));

let bytes = 0;
const seen = new Set();
globalThis.fetch = async (input) => {
  const url = typeof input === 'string' ? input : input.url;
  const data = readFileSync(fileURLToPath(url));
  if (!seen.has(url)) {
    seen.add(url);
    const packed = data[0] === 0x1f && data[1] === 0x8b;
    bytes += packed ? data.length : gzipSync(data, { level: 6 }).length;
  }
  return new Response(data, { status: 200 });
};

const script = readFileSync(path.join(bundle, 'pagefind.js'));
const scriptBytes = gzipSync(script, { level: 6 }).length;
const results = [];
const sizes = [];
for (let i = 0; i < queries.length; i++) {
  const q = queries[i];
  if (q.filter) {
    results.push(null);
    sizes.push(0);
    continue;
  }
  // A fresh module instance per query: a first query, nothing cached.
  const pf = await import(base + 'pagefind.js?q=' + i);
  bytes = scriptBytes;
  seen.clear();
  await pf.options({ basePath: base, baseUrl: '/' });
  await pf.init('vi');
  const found = await pf.search(q.q);
  const top = await Promise.all((found?.results || []).slice(0, 10).map((r) => r.data()));
  results.push(top.map((d) => d.url.replace(/index\.html$/, '')));
  sizes.push(bytes);
  await pf.destroy?.();
}
writeFileSync(outPath, JSON.stringify({ results, bytes: sizes }));
console.error(`pagefind: ${queries.length} queries asked`);

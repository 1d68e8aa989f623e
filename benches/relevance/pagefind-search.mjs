// Asks a Pagefind bundle the queries exported by the relevance example
// (`--export Q.json`), through Pagefind's own JS API (pagefind.js, run in
// node with fetch reading the bundle from disk), and writes the ranked
// URLs and the bytes each first query fetched, as `--score R.json NAME`
// reads them:
//   node pagefind-search.mjs BUNDLE Q.json R.json
// Every query starts from a fresh instance (nothing cached), in worker
// threads of 100 queries each (module instances are never freed). Bytes
// are those served: Pagefind's index files are stored compressed
// already; its script is counted gzip-compressed. Filtered queries get
// null (the site's HTML carries no Pagefind filters).
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';

const BATCH = 100;

async function ask(bundle, queries, first) {
  const base = pathToFileURL(path.resolve(bundle)).href + '/';
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
  const scriptBytes = gzipSync(readFileSync(path.join(bundle, 'pagefind.js')), { level: 6 }).length;
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
    const pf = await import(base + 'pagefind.js?q=' + (first + i));
    bytes = scriptBytes;
    seen.clear();
    await pf.options({ basePath: base, baseUrl: '/' });
    await pf.init('vi');
    const found = await pf.search(q.q);
    const top = await Promise.all((found?.results || []).slice(0, 10).map((r) => r.data()));
    results.push(top.map((d) => d.url.replace(/index\.html$/, '')));
    sizes.push(bytes);
  }
  return { results, sizes };
}

if (isMainThread) {
  const [bundle, queriesPath, outPath] = process.argv.slice(2);
  const queries = JSON.parse(readFileSync(queriesPath, 'utf8'));
  const results = [];
  const sizes = [];
  for (let first = 0; first < queries.length; first += BATCH) {
    const part = queries.slice(first, first + BATCH);
    const out = await new Promise((resolve, reject) => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { bundle, part, first } });
      w.once('message', resolve);
      w.once('error', reject);
    });
    results.push(...out.results);
    sizes.push(...out.sizes);
    console.error(`pagefind: ${results.length} of ${queries.length} queries asked`);
  }
  writeFileSync(outPath, JSON.stringify({ results, bytes: sizes }));
} else {
  const { bundle, part, first } = workerData;
  parentPort.postMessage(await ask(bundle, part, first));
  process.exit(0);
}

// search.js on an index written by the Rust builder: the same answers and
// the same fetched files as the Rust client (crates/vanban-core/src/search/client.rs).
// `cargo test --test search search_index::` builds the index into a temporary
// folder and runs these tests with SEARCH_FIXTURE pointing at it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const search = require('../../themes/default/static/search.js');
const dir = process.env.SEARCH_FIXTURE;
if (!dir) {
  // Never a silent skip: these tests need the index the Rust test builds.
  throw new Error('SEARCH_FIXTURE is not set: run `cargo test --test search search_index::`');
}

function client() {
  return search.createClient((path) => readFile(join(dir, path)).then((b) => new Uint8Array(b)));
}

test('search.js answers like the Rust client and fetches the same files', async () => {
  const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8'));
  assert.ok(expected.length > 5);
  for (const c of expected) {
    const req = Object.fromEntries(Object.entries(c.request).filter(([, v]) => v !== null));
    const cl = client();
    const r = await cl.search(req);
    const what = JSON.stringify(c.request);
    assert.equal(r.total, c.total, `total for ${what}`);
    assert.deepEqual(r.hits.map((h) => h.id), c.ids, `ranking for ${what}`);
    assert.deepEqual(r.hits.map((h) => h.meta.number), c.numbers, `numbers for ${what}`);
    assert.deepEqual(r.hits.map((h) => h.meta.title), c.titles, `titles for ${what}`);
    assert.deepEqual(r.hits.map((h) => h.excerpt), c.excerpts, `excerpts for ${what}`);
    assert.deepEqual(cl.fetched, c.fetched, `files fetched for ${what}`);
  }
});

test('a second query reuses the files already fetched', async () => {
  const cl = client();
  await cl.search({ q: 'chong dich' });
  const before = cl.fetched.length;
  await cl.search({ q: 'chong dich' });
  assert.equal(cl.fetched.length, before);
});

test('hostile metadata stays text and is highlighted as text', async () => {
  const r = await client().search({ q: 'script alert' });
  const hit = r.hits.find((h) => h.meta.title.includes('<script>'));
  assert.ok(hit, 'the hostile document is found');
  const segments = search.highlight(hit.meta.title, r.words, r.prefix);
  assert.equal(segments.map((s) => s.text).join(''), hit.meta.title);
  assert.ok(segments.some((s) => s.mark && s.text === 'script'));
  assert.equal(search.hitHref('../', hit.meta.url), '../' + hit.meta.url);
});

test('more hits are fetched by id in rank order', async () => {
  const cl = client();
  const r = await cl.search({ q: '', type: 'Công văn', limit: 2 });
  assert.ok(r.total > 2);
  const more = await cl.hits(r.ids.slice(2, 4));
  assert.deepEqual(more.map((h) => h.id), r.ids.slice(2, 4));
  assert.ok(more.every((h) => h.meta.type === 'Công văn'));
});

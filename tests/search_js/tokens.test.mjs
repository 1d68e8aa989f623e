// The tokenizer and the small pure functions of search.js. The cases in
// cases.json are the shared spec: tests/search/search_index.rs checks that the
// Rust tokenizer gives the same answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const search = require('../../themes/default/static/search.js');
const cases = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8'));

test('fold, tokens, exact forms, breaks and pairs match the shared cases', () => {
  assert.ok(cases.length >= 20);
  for (const c of cases) {
    const tokens = search.tokenize(c.text);
    assert.equal(search.fold(c.text), c.folded, `fold ${JSON.stringify(c.text)}`);
    assert.deepEqual(tokens.map((t) => t.f), c.tokens, `tokens of ${JSON.stringify(c.text)}`);
    assert.deepEqual(tokens.map((t) => t.x), c.exact, `exact forms of ${JSON.stringify(c.text)}`);
    assert.deepEqual(tokens.map((t) => t.brk), c.breaks, `breaks in ${JSON.stringify(c.text)}`);
    assert.deepEqual(search.pairs(c.text), c.pairs, `pairs of ${JSON.stringify(c.text)}`);
  }
});

test('token offsets point into the original text', () => {
  const text = 'Qua\u0309ng Ngãi, “đảng”';
  for (const t of search.tokenize(text)) {
    assert.equal(search.fold(text.slice(t.s, t.e)), t.f);
  }
});

test('FNV-1a matches the reference values the Rust side uses', () => {
  assert.equal(search.fnv1a(''), 0x811c9dc5);
  assert.equal(search.fnv1a('a'), 0xe40c292c);
  assert.equal(search.fnv1a('foobar'), 0xbf9cf968);
  assert.equal(search.fnv1a('đảng'), search.fnv1a('\u0111\u1ea3ng'));
});

test('sets decode from gap lists and bitmaps, and truncation throws', () => {
  const ids = [];
  // gap list: n=3 (head 6), first 5, gaps 1 and 200 (varint 0xc8 0x01)
  search.readSet(new search.Reader(Uint8Array.from([6, 5, 1, 0xc8, 0x01])), (d) => ids.push(d));
  assert.deepEqual(ids, [5, 6, 206]);
  const bits = [];
  // bitmap: 2 bytes (head 5), first 10, bits 0,2 of byte 0 and bit 7 of byte 1
  search.readSet(new search.Reader(Uint8Array.from([5, 10, 0b101, 0x80])), (d) => bits.push(d));
  assert.deepEqual(bits, [10, 12, 25]);
  assert.throws(() => search.readSet(new search.Reader(Uint8Array.from([5, 10, 1])), () => {}));
  assert.throws(() => new search.Reader(Uint8Array.from([0x80])).varint());
});

test('dates, counts and addresses are shown the Vietnamese way and safely', () => {
  assert.deepEqual(search.formatDate(20210615), { text: '15/06/2021', iso: '2021-06-15' });
  assert.equal(search.formatCount(1234567), '1.234.567');
  assert.equal(search.formatCount(12), '12');
  assert.equal(search.hitHref('../', 'van-ban/176-cv-tu/'), '../van-ban/176-cv-tu/');
  assert.equal(search.hitHref('/kho/', 'https://example.org/x'), 'https://example.org/x');
  assert.equal(search.hitHref('/', 'javascript:alert(1)'), null);
  assert.equal(search.hitHref('/', '//evil.example/'), null);
});

test('short dates follow crates/vanban-core/src/site/dates.rs: day and month always of two digits', () => {
  // The same dates as the Rust unit test of `short`, plus the edges.
  const cases = [
    [20210605, '05/06/2021', '2021-06-05'],
    [20210215, '15/02/2021', '2021-02-15'],
    [20211115, '15/11/2021', '2021-11-15'],
    [20210901, '01/09/2021', '2021-09-01'],
    [20210205, '05/02/2021', '2021-02-05'],
    [20210101, '01/01/2021', '2021-01-01'],
    [20211231, '31/12/2021', '2021-12-31'],
    [20211010, '10/10/2021', '2021-10-10'],
    [20210310, '10/03/2021', '2021-03-10'],
  ];
  for (const [ymd, text, iso] of cases) {
    assert.deepEqual(search.formatDate(ymd), { text: text, iso: iso }, String(ymd));
  }
});

test('query and filters round-trip through the address', () => {
  const state = search.readParams(
    '?q=gi%C3%A3n+c%C3%A1ch&issuer=T%E1%BB%89nh+%E1%BB%A7y&year=2021&validity=%C4%90%C3%A3+b%E1%BB%8B+thay+th%E1%BA%BF',
  );
  assert.deepEqual(state, {
    q: 'giãn cách',
    issuer: 'Tỉnh ủy',
    type: '',
    year: '2021',
    topic: '',
    validity: 'Đã bị thay thế',
  });
  assert.deepEqual(search.readParams(search.writeParams(state)), state);
  assert.equal(search.writeParams({ q: '', issuer: '', type: '', year: '', topic: '', validity: '' }), '');
});

test('matched words are highlighted, folded or exact, and nothing else', () => {
  const seg = search.highlight('Giãn cách xã hội, <b>giãn</b>', ['gian', 'hoi'], null);
  assert.deepEqual(seg, [
    { text: 'Giãn', mark: true },
    { text: ' cách xã ', mark: false },
    { text: 'hội', mark: true },
    { text: ', <b>', mark: false },
    { text: 'giãn', mark: true },
    { text: '</b>', mark: false },
  ]);
  const typed = search.highlight('Phòng, phong tỏa', ['phong', 'to'], 'to');
  assert.deepEqual(typed.filter((s) => s.mark).map((s) => s.text), ['Phòng', 'phong', 'tỏa']);
  assert.equal(seg.map((s) => s.text).join(''), 'Giãn cách xã hội, <b>giãn</b>', 'text is kept whole');
});

test('excerpts show the text around the first match, cut at spaces', () => {
  const lead = 'Mở đầu văn bản. '.repeat(12) + 'Thực hiện giãn cách xã hội toàn tỉnh. ' + 'Kết thúc. '.repeat(10);
  const ex = search.excerpt(lead, ['gian'], null, 120);
  assert.ok(ex.includes('giãn cách xã hội'), ex);
  assert.ok(ex.startsWith('…') && ex.endsWith('…'), ex);
  assert.ok([...ex].length <= 122, ex);
  assert.ok(search.excerpt(lead, ['khong'], null, 120).startsWith('Mở đầu'));
  assert.equal(search.excerpt('Ngắn gọn.', ['x'], null, 120), 'Ngắn gọn.');
});

/*
 * search.js: the search page of a vanban archive (/tim-kiem/).
 *
 * It reads the index that `vanban build` writes under search/ (format in
 * src/search/mod.rs) and mirrors, step for step, the reference client in
 * src/search/client.rs: the same tokens, the same files fetched in the
 * same order, the same scores. tests/search_js/ checks both agree.
 *
 * Loading: a classic deferred script, no inline code, no eval, no
 * dependencies (it runs under a Content-Security-Policy without
 * 'unsafe-inline'). The page says where the site root is with
 * data-root="…" on this script's tag. In node (`require`), the file
 * exports its functions instead of starting the page, for the tests.
 *
 * Never uses innerHTML: everything shown comes from documents and is set
 * with textContent.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------- tokens
  // The rules (src/search/mod.rs, "Tokens"): NFD; word characters are
  // Alphabetic, Numeric or Marks; folded = marks dropped, đ -> d, each
  // character lower-cased; exact = lower-cased, marks kept, NFC. Runs of
  // marks alone are ignored; runs folding to more than 40 characters are
  // dropped and break pairs. A break is . ! ? ; : … | or two line feeds.

  const WORD = /[\p{Alphabetic}\p{N}\p{M}]/u;
  const MARK = /\p{M}/u;
  const BREAKS = '.!?;:…|';
  const MAX_TOKEN_CHARS = 40;
  /** Query words beyond this are ignored. */
  const MAX_QUERY_TOKENS = 16;

  /** The folded form of a whole string (what `crate::text::fold` does). */
  function fold(s) {
    let out = '';
    for (const ch of s.normalize('NFD')) {
      if (MARK.test(ch)) continue;
      out += ch === 'đ' || ch === 'Đ' ? 'd' : ch.toLowerCase();
    }
    return out;
  }

  /**
   * Tokens of `text`: {f: folded, x: exact form or null when equal,
   * brk: a break comes before it, s/e: its start and end in `text`}.
   */
  function tokenize(text) {
    const tokens = [];
    let f = '';
    let raw = '';
    let chars = 0;
    let inRun = false;
    let start = 0;
    let end = 0;
    let newlines = 0;
    let broken = false;
    let pos = 0;

    function endRun() {
      inRun = false;
      if (chars > MAX_TOKEN_CHARS) {
        broken = true;
      } else if (f !== '') {
        let x = null;
        if (raw !== f) {
          const nfc = raw.normalize('NFC');
          if (nfc !== f) x = nfc;
        }
        tokens.push({ f: f, x: x, brk: tokens.length > 0 && broken, s: start, e: end });
        newlines = 0;
        broken = false;
      }
      f = '';
      raw = '';
      chars = 0;
    }

    for (const ch of text) {
      const pieces = ch.charCodeAt(0) < 128 ? ch : ch.normalize('NFD');
      for (const p of pieces) {
        if (WORD.test(p)) {
          if (!inRun) {
            inRun = true;
            start = pos;
          }
          end = pos + ch.length;
          const lower = p.toLowerCase();
          raw += lower;
          if (!MARK.test(p)) {
            const folded = p === 'đ' || p === 'Đ' ? 'd' : lower;
            f += folded;
            chars += [...folded].length;
          }
        } else {
          if (inRun) endRun();
          if (p === '\n') {
            newlines += 1;
            if (newlines >= 2) broken = true;
          } else if (BREAKS.includes(p)) {
            broken = true;
          }
        }
      }
      pos += ch.length;
    }
    if (inRun) endRun();
    return tokens;
  }

  /** Adjacent-syllable pairs "a b" of `text`, not across breaks. */
  function pairs(text) {
    const t = tokenize(text);
    const out = [];
    for (let i = 1; i < t.length; i++) {
      if (!t[i].brk) out.push(t[i - 1].f + ' ' + t[i].f);
    }
    return out;
  }

  const isDigits = (s) => /^[0-9]+$/.test(s);

  /** "0045" -> "45", "0" -> "0". */
  function stripZeros(s) {
    const t = s.replace(/^0+/, '');
    return t === '' && s !== '' ? s.slice(-1) : t;
  }

  // ----------------------------------------------------------------- bytes

  const utf8 = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { fatal: true });

  /** FNV-1a, 32 bits, over the UTF-8 bytes of `key`. */
  function fnv1a(key) {
    let h = 0x811c9dc5;
    for (const b of utf8.encode(key)) {
      h = Math.imul(h ^ b, 0x01000193) >>> 0;
    }
    return h;
  }

  function Malformed() {
    return new Error('search index file malformed');
  }

  /** Reads varints, bytes and strings; throws on truncated input. */
  class Reader {
    constructor(bytes, start, end) {
      this.b = bytes;
      this.p = start || 0;
      this.end = end === undefined ? bytes.length : end;
    }
    atEnd() {
      return this.p >= this.end;
    }
    byte() {
      if (this.p >= this.end) throw Malformed();
      return this.b[this.p++];
    }
    varint() {
      let v = 0;
      let mul = 1;
      for (;;) {
        const b = this.byte();
        v += (b & 0x7f) * mul;
        if (b < 0x80) return v;
        mul *= 128;
        if (mul > 2 ** 49) throw Malformed();
      }
    }
    bytes(n) {
      if (this.p + n > this.end) throw Malformed();
      const out = this.b.subarray(this.p, this.p + n);
      this.p += n;
      return out;
    }
    str() {
      return decoder.decode(this.bytes(this.varint()));
    }
  }

  /** Calls f(id) for each document of a set (gap list or bitmap). */
  function readSet(r, f) {
    const head = r.varint();
    if (head === 0) return;
    const first = r.varint();
    if (head % 2 === 0) {
      let id = first;
      f(id);
      for (let i = 1; i < head / 2; i++) {
        id += r.varint();
        f(id);
      }
    } else {
      const bits = r.bytes((head - 1) / 2);
      for (let j = 0; j < bits.length; j++) {
        const b = bits[j];
        if (b === 0) continue;
        for (let i = 0; i < 8; i++) {
          if (b & (1 << i)) f(first + 8 * j + i);
        }
      }
    }
  }

  /** Calls f(id, level) for each posting of a term's tiers. */
  function readTiers(r, f) {
    const n = r.byte();
    for (let t = 0; t < n; t++) {
      const level = r.byte();
      if (level >= 8) throw Malformed();
      readSet(r, (d) => f(d, level));
    }
  }

  const KIND = { syllable: 0, pair: 1, number: 2, exact: 3 };

  /** A bucket file: Map "kind term" -> entry, and its number terms. */
  function parseBucket(bytes) {
    const r = new Reader(bytes);
    const entries = new Map();
    const numbers = [];
    while (!r.atEnd()) {
      const kind = r.byte();
      const term = r.str();
      const df = r.varint();
      // tag: value << 2 | body << 1 | packed (value: inline length or pack).
      const tag = r.varint();
      const value = Math.floor(tag / 4);
      let loc;
      if (tag % 2 === 0) {
        const start = r.p;
        r.bytes(value);
        loc = { bytes: bytes, start: start, len: value };
      } else {
        loc = { pack: value, start: r.varint(), len: r.varint() };
      }
      const body = tag & 2 ? { pack: r.varint(), start: r.varint(), len: r.varint() } : null;
      if (kind === KIND.number) numbers.push(term);
      entries.set(kind + ' ' + term, { df: df, loc: loc, body: body });
    }
    return { entries: entries, numbers: numbers };
  }

  // ------------------------------------------------------------------- fit
  // src/search/fit.rs: [run, share] of the better of a document's number
  // and trích yếu: the longest run of query words there in order (not
  // across a sentence end), then the thousandths of its syllables that are
  // query words.

  const RERANK = 20;
  const LONG_QUERY = 6;
  const RERANK_TIES = 100;
  const FIT_TOKENS = 32;

  function fit(words, prefix, number, title) {
    const matches = (tok, j) => tok === words[j] || (prefix && j + 1 === words.length && tok.startsWith(words[j]));
    let best = [0, 0];
    for (const field of [number, title]) {
      const seg = tokenize(field);
      let run = 0;
      for (let i = 0; i < seg.length; i++) {
        for (let j = 0; j < words.length; j++) {
          let k = 0;
          while (i + k < seg.length && j + k < words.length && matches(seg[i + k].f, j + k) && (k === 0 || !seg[i + k].brk)) k++;
          run = Math.max(run, k);
        }
      }
      let hit = 0;
      for (const t of seg) if (words.some((_, j) => matches(t.f, j))) hit++;
      const share = seg.length ? Math.floor((hit * 1000) / seg.length) : 0;
      if (run > best[0] || (run === best[0] && share > best[1])) best = [run, share];
    }
    return best;
  }

  // --------------------------------------------------------------- excerpt
  // src/search/excerpt.rs: a document's excerpt file holds pieces of its
  // body, one a line; the piece shown holds the most distinct query words
  // (the last a prefix when `prefix`), the first of equals, the first
  // piece when none does.

  function pick(file, words, prefix) {
    let best = '';
    let bestHeld = 0;
    file.split('\n').forEach((piece, i) => {
      const tokens = tokenize(piece);
      let held = 0;
      words.forEach((w, j) => {
        if (words.slice(0, j).includes(w)) return;
        const last = prefix && j + 1 === words.length;
        if (tokens.some((t) => t.f === w || (last && t.f.startsWith(w)))) held++;
      });
      if (i === 0 || held > bestHeld) {
        best = piece;
        bestHeld = held;
      }
    });
    return best;
  }

  // ---------------------------------------------------------------- client
  // Ranking (src/search/mod.rs, "Terms and ranking").

  const LEVEL_WEIGHTS = [10, 14, 18, 22, 30, 45, 55, 70];
  const PREFIX_EXPANSIONS = 3;
  const COMPLETION_BLOCKS = 2;
  const MAX_PAIRS = 5;
  const POSTING_BUDGET = 65536;
  const FACETS = ['issuer', 'type', 'year', 'topic', 'validity'];

  const idf = (docs, df) => Math.round(Math.log(1 + docs / Math.max(df, 1)) * 1000);

  /**
   * A search client over `fetchBytes(path) -> Promise<Uint8Array>`, where
   * path is relative to the site root ("search/t/3.bin"). Files are cached
   * for the page's life; `fetched` lists the paths asked for, in order.
   */
  function createClient(fetchBytes) {
    const files = new Map();
    const fetched = [];
    let manifest = null;

    function file(path) {
      let p = files.get(path);
      if (!p) {
        fetched.push(path);
        p = fetchBytes(path);
        files.set(path, p);
        p.catch(() => files.delete(path));
      }
      return p;
    }

    async function getManifest() {
      if (!manifest) {
        manifest = file('search/manifest.json').then((b) => JSON.parse(decoder.decode(b)));
        manifest.catch(() => {
          manifest = null;
        });
      }
      return manifest;
    }

    function bucketPath(m, key) {
      return 'search/t/' + (fnv1a(key) % m.buckets) + '.bin';
    }

    const buckets = new Map();
    async function bucket(m, key) {
      const path = bucketPath(m, key);
      const bytes = await file(path);
      let b = buckets.get(path);
      if (!b) {
        b = parseBucket(bytes);
        buckets.set(path, b);
      }
      return b;
    }

    /** An entry's locations: its tiers, and its body tiers unless `defer`. */
    function locs(entry, defer) {
      return entry.body && !defer ? [entry.loc, entry.body] : [entry.loc];
    }

    async function postings(entry, defer, f) {
      for (const loc of locs(entry, defer)) {
        const bytes = loc.bytes || (await file('search/p/' + loc.pack + '.bin'));
        readTiers(new Reader(bytes, loc.start, loc.start + loc.len), f);
      }
    }

    /**
     * Budget cost of fetching an entry's postings (without its body tiers
     * when `defer`), [bytes, packs]: the most each pack may weigh (the
     * builder's rule), unless inline or fetched or counted already.
     */
    function cost(entry, defer, m, counted) {
      let sum = 0;
      const packs = [];
      for (const loc of locs(entry, defer)) {
        if (loc.bytes || counted.includes(loc.pack) || packs.includes(loc.pack) || files.has('search/p/' + loc.pack + '.bin')) {
          continue;
        }
        sum += loc.len >= m.ownMin ? loc.len : Math.max(m.packMin, 4 * 2 ** Math.floor(Math.log2(Math.max(loc.len, 1))));
        packs.push(loc.pack);
      }
      return [sum, packs];
    }

    /** The number terms matched at token i and how many tokens they cover. */
    function numberAt(tokens, i, prefix, bucketsByKey) {
      const t = tokens[i];
      if (!isDigits(t.f) || i + 1 >= tokens.length || tokens[i + 1].brk) return null;
      const first = stripZeros(t.f);
      const b = bucketsByKey.get(first);
      if (!b) return null;
      let avail = 1;
      while (i + avail < tokens.length && !tokens[i + avail].brk) avail++;
      let bestLen = 1;
      let best = [];
      for (const key of b.numbers) {
        const parts = key.split(' ');
        if (parts[0] !== first) continue;
        let m = 1;
        while (m < parts.length && m < avail) {
          const q = tokens[i + m].f;
          const last = i + m === tokens.length - 1;
          if (parts[m] === q || (prefix && last && parts[m].startsWith(q))) m++;
          else break;
        }
        const full = m === parts.length;
        const extendsIt = m === avail && m < parts.length;
        if (m >= 2 && (full || extendsIt)) {
          if (m > bestLen) {
            bestLen = m;
            best = [key];
          } else if (m === bestLen) {
            best.push(key);
          }
        }
      }
      return best.length ? { terms: best, len: bestLen } : null;
    }

    async function completions(m, prefix) {
      const dir = m.completion;
      if (dir.length === 0) return [];
      let start = 0;
      while (start < dir.length && dir[start] <= prefix) start++;
      start = Math.max(start - 1, 0);
      const paths = [];
      for (let b = start; b < Math.min(start + COMPLETION_BLOCKS, dir.length); b++) {
        paths.push('search/c/' + b + '.bin');
      }
      const blocks = await Promise.all(paths.map(file));
      const found = [];
      for (const bytes of blocks) {
        const r = new Reader(bytes);
        let term = utf8.encode('');
        while (!r.atEnd()) {
          const shared = r.varint();
          const suffix = r.bytes(r.varint());
          if (shared > term.length) throw Malformed();
          const next = new Uint8Array(shared + suffix.length);
          next.set(term.subarray(0, shared));
          next.set(suffix, shared);
          term = next;
          const df = r.varint();
          const word = decoder.decode(term);
          if (word.startsWith(prefix) && word !== prefix) found.push([df, word]);
        }
      }
      found.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      return found.slice(0, PREFIX_EXPANSIONS).map((x) => x[1]);
    }

    async function meta(m, id) {
      const bytes = await file('search/m/' + Math.floor(id / m.metaBlock) + '.bin');
      const r = new Reader(bytes);
      const skip = id % m.metaBlock;
      for (let i = 0; i < skip; i++) readMeta(r, m);
      return readMeta(r, m);
    }

    /**
     * A facet's values with their counts, in file order: the issuers from
     * search/f/issuer.json (a thousand names in a big archive, fetched for
     * the filters only), the others from the manifest.
     */
    async function facetValues(name) {
      if (name === 'issuer') return JSON.parse(decoder.decode(await file('search/f/issuer.json')));
      return (await getManifest()).facets[name] || [];
    }

    /**
     * The documents `ids`: their metadata fetched together, then their
     * excerpts (the piece of each body holding the most of the folded
     * query `words`, the last a prefix when `prefix`).
     */
    async function hits(ids, scores, words, prefix) {
      const m = await getManifest();
      const metas = await Promise.all(ids.map((id) => meta(m, id)));
      const texts = await Promise.all(ids.map((id, i) => (metas[i].excerpt ? file('search/x/' + Math.floor(id / 1000) + '/' + (id % 1000) + '.txt') : null)));
      return ids.map((id, i) => ({
        id: id,
        score: scores ? scores[i] : 0,
        meta: metas[i],
        excerpt: texts[i] ? pick(decoder.decode(texts[i]), words || [], Boolean(prefix)) : '',
      }));
    }

    /**
     * Runs a query {q, prefix, issuer, type, year, topic, validity, limit,
     * full}: resolves to {total, ids (all matches, best first), hits (the
     * first `limit` with metadata), words (the folded words, for
     * highlighting), prefix (the word matched as a prefix, or null),
     * partial}. A first page (`limit` at most RERANK, not `full`) is ranked
     * without the body tiers of big terms when the documents matching
     * without them fill the re-ranked head; it is then `partial`: `ids`
     * holds those, `total` all matches for one word and no filter, those
     * found otherwise; the next pages need a `full` request.
     */
    async function search(req) {
      const limit = req.limit === undefined ? 10 : req.limit;
      if (!req.full && limit <= RERANK) {
        const out = await run(req, true);
        if (out) return out;
      }
      return run(req, false);
    }

    /** search(), deferring the body tiers or not: null when deferring them left fewer than RERANK matches. */
    async function run(req, deferAsked) {
      const m = await getManifest();
      const all = tokenize(req.q || '');
      // A pasted trích yếu is longer than the words looked up: all of it
      // (to FIT_TOKENS) still counts in the last step.
      const words = all.slice(0, FIT_TOKENS).map((t) => t.f);
      const tokens = all.slice(0, MAX_QUERY_TOKENS);
      const none = { total: 0, ids: [], hits: [], words: tokens.map((t) => t.f), prefix: null, partial: false };
      const wanted = FACETS.filter((name) => req[name]).map((name) => [name, req[name]]);
      if (tokens.length === 0 && wanted.length === 0) return none;
      const prefix = Boolean(req.prefix) && tokens.length > 0;
      const limit = req.limit === undefined ? 10 : req.limit;

      // Stage 1: the buckets of the words and of numbers' first parts.
      const keys = [];
      tokens.forEach((t, i) => {
        keys.push(t.f);
        if (isDigits(t.f) && i + 1 < tokens.length && !tokens[i + 1].brk) keys.push(stripZeros(t.f));
      });
      const uniqueKeys = keys.filter((k, i) => keys.indexOf(k) === i);
      const fetchedBuckets = await Promise.all(uniqueKeys.map((k) => bucket(m, k)));
      const byKey = new Map(uniqueKeys.map((k, i) => [k, fetchedBuckets[i]]));

      // Stage 2: units (numbers, words, the word being typed).
      const last = tokens.length - 1;
      const units = [];
      const plain = [];
      let missing = false;
      for (let i = 0; i < tokens.length; ) {
        const num = numberAt(tokens, i, prefix, byKey);
        if (num) {
          const b = byKey.get(stripZeros(tokens[i].f));
          units.push({ entries: num.terms.map((t) => b.entries.get(KIND.number + ' ' + t)), exact: null });
          for (let j = 0; j < num.len; j++) plain.push(false);
          i += num.len;
          continue;
        }
        const t = tokens[i];
        const b = byKey.get(t.f);
        const own = b.entries.get(KIND.syllable + ' ' + t.f);
        if (prefix && i === last) {
          const entries = own ? [own] : [];
          const words = await completions(m, t.f);
          const wordBuckets = [];
          for (const w of words) wordBuckets.push(await bucket(m, w));
          words.forEach((w, j) => {
            const e = wordBuckets[j].entries.get(KIND.syllable + ' ' + w);
            if (e) entries.push(e);
          });
          if (entries.length === 0) missing = true;
          units.push({ entries: entries, exact: null });
          // A word being typed that is a word already pairs with the one
          // before: the completed words keep their phrase.
          plain.push(Boolean(own));
        } else if (own) {
          const exact = t.x ? b.entries.get(KIND.exact + ' ' + t.x) || null : null;
          units.push({ entries: [own], exact: exact });
          plain.push(true);
        } else {
          missing = true;
          plain.push(false);
        }
        i++;
      }
      if (missing) return none;

      // Stage 3: required postings, then filters. A unit of several words
      // (the one being typed) keeps its body tiers: its df is the union's.
      const deferred = units.map((u) => deferAsked && u.entries.length === 1 && Boolean(u.entries[0].body));
      const defer = deferred.includes(true);
      const counted = [];
      let spent = 0;
      units.forEach((u, j) => {
        for (const e of u.entries) {
          const [c, packs] = cost(e, deferred[j], m, counted);
          spent += c;
          counted.push(...packs);
        }
      });
      const n = m.docs;
      const count = new Uint8Array(n);
      const score = new Float64Array(n);
      const unitIdf = [];
      // Ask for every required file first (in order), then read them.
      await Promise.all(
        units.flatMap((u, j) =>
          u.entries.flatMap((e) => locs(e, deferred[j]).filter((loc) => !loc.bytes).map((loc) => file('search/p/' + loc.pack + '.bin'))),
        ),
      );
      let k = 0;
      for (let j = 0; j < units.length; j++) {
        const u = units[j];
        const best = new Map();
        for (const e of u.entries) {
          await postings(e, deferred[j], (d, l) => {
            const b = best.get(d);
            if (b === undefined || l > b) best.set(d, l);
          });
        }
        const uidf = idf(n, u.entries.length === 1 ? u.entries[0].df : best.size);
        unitIdf.push(uidf);
        for (const [d, l] of best) {
          if (d < n && count[d] === k) {
            count[d] = k + 1;
            score[d] += uidf * LEVEL_WEIGHTS[l];
          }
        }
        k++;
      }
      const facetFiles = [];
      for (const [name, value] of wanted) {
        const pos = (await facetValues(name)).findIndex((v) => v[0] === value);
        if (pos < 0) return none;
        facetFiles.push('search/f/' + name + '-' + pos + '.bin');
      }
      const facetBytes = await Promise.all(facetFiles.map(file));
      for (const bytes of facetBytes) {
        readSet(new Reader(bytes), (d) => {
          if (d < n && count[d] === k) count[d] = k + 1;
        });
        k++;
      }

      let found = 0;
      for (let d = 0; d < n; d++) if (count[d] === k) found++;
      if (defer && found < RERANK) return null;

      // Stage 4: optional data within the budget: exact forms, then pairs.
      for (let u = 0; u < units.length; u++) {
        const e = units[u].exact;
        if (!e) continue;
        const [c, packs] = cost(e, defer, m, counted);
        if (spent + c <= POSTING_BUDGET) {
          spent += c;
          counted.push(...packs);
          await postings(e, defer, (d, l) => {
            if (d < n && count[d] === k) score[d] += Math.floor((unitIdf[u] * LEVEL_WEIGHTS[l]) / 2);
          });
        }
      }
      const pairKeys = [];
      for (let i = 1; i < tokens.length; i++) {
        if (plain[i - 1] && plain[i] && !tokens[i].brk && pairKeys.length < MAX_PAIRS) {
          pairKeys.push(tokens[i - 1].f + ' ' + tokens[i].f);
        }
      }
      const pairBuckets = await Promise.all(pairKeys.map((key) => bucket(m, key)));
      for (let p = 0; p < pairKeys.length; p++) {
        const e = pairBuckets[p].entries.get(KIND.pair + ' ' + pairKeys[p]);
        if (!e) continue;
        const [c, packs] = cost(e, defer, m, counted);
        if (spent + c <= POSTING_BUDGET) {
          spent += c;
          counted.push(...packs);
          const pidf = idf(n, e.df);
          await postings(e, defer, (d, l) => {
            if (d < n && count[d] === k) score[d] += pidf * LEVEL_WEIGHTS[l];
          });
        }
      }

      // Stage 5: rank, then the metadata of the first hits.
      const ids = [];
      for (let d = 0; d < n; d++) if (count[d] === k) ids.push(d);
      ids.sort((a, b) => score[b] - score[a] || b - a);
      // Stage 6: the best scored, by how well their number or trích yếu
      // holds the query (their metadata in rank order).
      // A long query (a pasted trích yếu) re-orders every document tied
      // with the last of the 20 too (to RERANK_TIES): they hold the words
      // looked up alike, the words after them tell them apart.
      let headLen = Math.min(ids.length, RERANK);
      if (words.length > LONG_QUERY && headLen === RERANK) {
        const edge = score[ids[headLen - 1]];
        while (headLen < Math.min(ids.length, RERANK_TIES) && score[ids[headLen]] === edge) headLen++;
      }
      const head = ids.slice(0, headLen);
      const metas = await Promise.all(head.map((id) => meta(m, id)));
      const keyed = head.map((id, i) => [fit(words, prefix, metas[i].number, metas[i].title), id]);
      // The run first, then the score (which holds the exact-diacritic bonus),
      // then the share of the field.
      keyed.sort((a, b) => b[0][0] - a[0][0] || score[b[1]] - score[a[1]] || b[0][1] - a[0][1] || b[1] - a[1]);
      keyed.forEach((x, i) => {
        ids[i] = x[1];
      });
      const first = ids.slice(0, limit);
      return {
        total: defer && units.length === 1 && wanted.length === 0 ? units[0].entries[0].df : ids.length,
        partial: defer,
        // Partial with several words or a filter: the matches found so far.
        atLeast: defer && !(units.length === 1 && wanted.length === 0),
        ids: ids,
        hits: await hits(
          first,
          first.map((d) => score[d]),
          tokens.map((t) => t.f),
          prefix,
        ),
        words: tokens.map((t) => t.f),
        prefix: prefix ? tokens[last].f : null,
      };
    }

    return { search: search, hits: hits, manifest: getManifest, facetValues: facetValues, fetched: fetched };
  }

  function readMeta(r, m) {
    // A value one past a facet's end is in no facet (a cited document's): empty.
    const facet = (list, i) => {
      if (i === list.length) return '';
      if (i > list.length) throw Malformed();
      return list[i][0];
    };
    const number = r.str();
    const type = facet(m.facets.type, r.varint());
    const issuer = r.str();
    const date = r.varint();
    const title = r.str();
    const url = r.str();
    const topics = [];
    for (let n = r.varint(), i = 0; i < n; i++) topics.push(facet(m.facets.topic, r.varint()));
    // 1: it has an excerpt file (search/x/<id>.txt), 0: no body.
    const excerpt = r.varint();
    if (excerpt > 1) throw Malformed();
    return { number: number, type: type, issuer: issuer, date: date, title: title, url: url, topics: topics, excerpt: excerpt === 1 };
  }

  // ------------------------------------------------------------- display

  /**
   * 20210615 -> "15/06/2021"; and the ISO form "2021-06-15". As the rest
   * of the site (src/site/dates.rs, `short`): day and month always of two
   * digits ("01/09/2021", "05/02/2021").
   */
  function formatDate(ymd) {
    const y = Math.floor(ymd / 10000);
    const m = Math.floor(ymd / 100) % 100;
    const mo = String(m).padStart(2, '0');
    const d = String(ymd % 100).padStart(2, '0');
    return { text: d + '/' + mo + '/' + y, iso: y + '-' + mo + '-' + d };
  }

  /** 12345 -> "12.345". */
  function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  /** True when a token of the shown text matches a query word. */
  function matches(folded, words, prefix) {
    return words.includes(folded) || (prefix !== null && prefix !== undefined && folded.startsWith(prefix));
  }

  /**
   * `text` cut into [{text, mark}] segments, the words matching the query
   * marked.
   */
  function highlight(text, words, prefix) {
    const out = [];
    let pos = 0;
    for (const t of tokenize(text)) {
      if (!matches(t.f, words, prefix)) continue;
      if (t.s > pos) out.push({ text: text.slice(pos, t.s), mark: false });
      out.push({ text: text.slice(t.s, t.e), mark: true });
      pos = t.e;
    }
    if (pos < text.length) out.push({ text: text.slice(pos), mark: false });
    return out;
  }

  /**
   * About `size` characters of `lead` around its first word matching the
   * query (its start when none does), cut at spaces, with "…" where cut.
   */
  function excerpt(lead, words, prefix, size) {
    size = size || 160;
    if (lead.length <= size) return lead;
    const hit = tokenize(lead).find((t) => matches(t.f, words, prefix));
    let from = hit ? Math.max(0, hit.s - Math.floor(size / 3)) : 0;
    let to = Math.min(lead.length, from + size);
    from = Math.max(0, to - size);
    if (from > 0) {
      const space = lead.indexOf(' ', from);
      from = space >= 0 && space < (hit ? hit.s : to) ? space + 1 : from;
    }
    if (to < lead.length) {
      const space = lead.lastIndexOf(' ', to);
      to = space > from ? space : to;
    }
    let text = lead.slice(from, to);
    if (from > 0) text = '…' + text;
    if (to < lead.length && !text.endsWith('…')) text += '…';
    return text;
  }

  /** A document's address: relative to the root, or http(s) as is. */
  function hitHref(root, url) {
    if (/^https?:\/\//i.test(url)) return url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
    return root + url;
  }

  /** Query and filters from a query string ("?q=…&issuer=…"). */
  function readParams(search) {
    const p = new URLSearchParams(search);
    const state = { q: p.get('q') || '' };
    for (const name of FACETS) state[name] = p.get(name) || '';
    return state;
  }

  /** The query string for a state, empty values left out. */
  function writeParams(state) {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    for (const name of FACETS) if (state[name]) p.set(name, state[name]);
    const s = p.toString();
    return s ? '?' + s : '';
  }

  const api = {
    fold: fold,
    tokenize: tokenize,
    pairs: pairs,
    fnv1a: fnv1a,
    Reader: Reader,
    readSet: readSet,
    readTiers: readTiers,
    createClient: createClient,
    fit: fit,
    pick: pick,
    formatDate: formatDate,
    formatCount: formatCount,
    highlight: highlight,
    excerpt: excerpt,
    hitHref: hitHref,
    readParams: readParams,
    writeParams: writeParams,
  };

  if (typeof module === 'object' && module && module.exports) {
    module.exports = api;
    return;
  }
  if (typeof document === 'undefined') return;

  // ---------------------------------------------------------------- page

  const script = document.currentScript;

  function start() {
    const box = document.getElementById('search');
    if (!box) return;
    const root = (script && script.dataset.root) || box.dataset.root || '/';
    const form = document.getElementById('search-form');
    const input = document.getElementById('search-q');
    const status = document.getElementById('search-status');
    const list = document.getElementById('search-results');
    const more = document.getElementById('search-more');
    const selects = {};
    for (const name of FACETS) selects[name] = document.getElementById('search-' + name);

    const client = createClient((path) =>
      fetch(root + path).then((r) => {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.arrayBuffer().then((b) => new Uint8Array(b));
      }),
    );

    let seq = 0;
    let timer = 0;
    let current = null;
    let shown = 0;

    function state() {
      const s = { q: input.value };
      for (const name of FACETS) s[name] = selects[name] ? selects[name].value : '';
      return s;
    }

    function setState(s) {
      input.value = s.q;
      for (const name of FACETS) {
        const sel = selects[name];
        if (!sel) continue;
        if (s[name] && !Array.from(sel.options).some((o) => o.value === s[name])) addOption(sel, s[name], s[name]);
        sel.value = s[name];
      }
    }

    function addOption(sel, value, label) {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      sel.appendChild(o);
    }

    function say(text) {
      status.textContent = text;
    }

    /** Why the index could not be read: opened from disk, or a failure. */
    function failure() {
      return location.protocol === 'file:'
        ? 'Tìm kiếm cần trang được phục vụ qua máy chủ web, không mở thẳng từ tệp: chạy “vanban serve” rồi mở địa chỉ nó in ra.'
        : 'Không tải được dữ liệu tìm kiếm. Vui lòng thử lại.';
    }

    /** The filters fold away until asked for, or while one is set. */
    const filtersBox = document.getElementById('search-filters-box');
    const filtersCount = document.getElementById('search-filters-count');
    function showFilters(s) {
      const n = FACETS.filter((name) => s[name]).length;
      if (filtersCount) filtersCount.textContent = n ? '(' + n + ')' : '';
      if (filtersBox && n) filtersBox.open = true;
    }

    function renderHits(result, hits) {
      for (const h of hits) {
        const m = h.meta;
        const li = document.createElement('li');
        li.className = 'search-hit';
        const title = document.createElement('h2');
        title.className = 'search-hit-title';
        const href = hitHref(root, m.url);
        const link = document.createElement(href ? 'a' : 'span');
        if (href) link.href = href;
        appendMarked(link, highlight(m.title || m.number, result.words, result.prefix));
        title.appendChild(link);
        li.appendChild(title);

        const info = document.createElement('p');
        info.className = 'search-hit-meta';
        const number = document.createElement('span');
        number.className = 'search-hit-number';
        appendMarked(number, highlight(m.number, result.words, result.prefix));
        info.appendChild(number);
        // A cited document outside the archive may lack its type, issuer or date.
        const rest = [m.type, m.issuer].filter((v) => v);
        if (rest.length) info.appendChild(document.createTextNode(' · ' + rest.join(' · ')));
        if (m.date) {
          const date = formatDate(m.date);
          const time = document.createElement('time');
          time.dateTime = date.iso;
          time.textContent = date.text;
          info.appendChild(document.createTextNode(' · '));
          info.appendChild(time);
        }
        li.appendChild(info);

        const text = excerpt(h.excerpt, result.words, result.prefix);
        if (text) {
          const p = document.createElement('p');
          p.className = 'search-hit-excerpt';
          appendMarked(p, highlight(text, result.words, result.prefix));
          li.appendChild(p);
        }
        list.appendChild(li);
      }
      shown += hits.length;
      more.hidden = shown >= result.total && !result.partial;
    }

    function appendMarked(parent, segments) {
      for (const s of segments) {
        if (s.mark) {
          const mark = document.createElement('mark');
          mark.textContent = s.text;
          parent.appendChild(mark);
        } else {
          parent.appendChild(document.createTextNode(s.text));
        }
      }
    }

    async function run(prefix) {
      const my = ++seq;
      const s = state();
      showFilters(s);
      if (!tokenize(s.q).length && !FACETS.some((name) => s[name])) {
        current = null;
        list.replaceChildren();
        more.hidden = true;
        say('Nhập từ khóa, số ký hiệu hoặc chọn bộ lọc để tìm văn bản.');
        return;
      }
      list.setAttribute('aria-busy', 'true');
      try {
        const asked = Object.assign({ prefix: prefix, limit: 10 }, s);
        const result = await client.search(asked);
        if (my !== seq) return;
        result.asked = asked;
        current = result;
        shown = 0;
        list.replaceChildren();
        renderHits(result, result.hits);
        say(
          result.total
            ? 'Tìm thấy ' + (result.atLeast ? 'ít nhất ' : '') + formatCount(result.total) + ' văn bản.'
            : 'Không tìm thấy văn bản nào.',
        );
      } catch (e) {
        if (my === seq) say(failure());
      } finally {
        if (my === seq) list.removeAttribute('aria-busy');
      }
    }

    function url(s) {
      return location.pathname + writeParams(s) + location.hash;
    }

    /** Records the state in the address: a new history entry, or not. */
    function remember(s, newEntry) {
      const next = url(s);
      if (newEntry && next !== location.pathname + location.search + location.hash) {
        history.pushState(null, '', next);
      } else {
        history.replaceState(null, '', next);
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const v = input.value;
        const live = v.length > 0 && WORD.test(Array.from(v).pop());
        remember(state(), false);
        run(live);
      }, 150);
    });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      clearTimeout(timer);
      remember(state(), true);
      run(false);
    });
    for (const name of FACETS) {
      if (!selects[name]) continue;
      selects[name].addEventListener('change', () => {
        clearTimeout(timer);
        remember(state(), true);
        run(false);
      });
    }
    more.addEventListener('click', async () => {
      if (!current) return;
      const result = current;
      try {
        if (result.partial && shown + 10 > result.ids.length) {
          // Past the documents ranked without the body tiers: all of them,
          // after those shown.
          const all = await client.search(Object.assign({}, result.asked, { full: true, limit: 0 }));
          if (result !== current) return;
          const seen = new Set(result.ids.slice(0, shown));
          result.ids = result.ids.slice(0, shown).concat(all.ids.filter((d) => !seen.has(d)));
          result.total = all.total;
          result.partial = false;
          result.atLeast = false;
          say(result.total ? 'Tìm thấy ' + formatCount(result.total) + ' văn bản.' : 'Không tìm thấy văn bản nào.');
        }
        const ids = result.ids.slice(shown, shown + 10);
        const hits = await client.hits(ids, null, result.words, result.prefix !== null);
        if (result === current) renderHits(result, hits);
      } catch (e) {
        say(failure());
      }
    });
    window.addEventListener('popstate', () => {
      setState(readParams(location.search));
      run(false);
    });

    function fill(name, values) {
      const sel = selects[name];
      if (!sel) return;
      for (const [value, count] of values) addOption(sel, value, value + ' (' + formatCount(count) + ')');
    }
    // The issuers (a thousand names in a big archive) when the filters
    // are opened or one is asked for, not with the first query.
    let issuers = null;
    function loadIssuers() {
      if (!issuers) {
        issuers = client.facetValues('issuer').then((values) => fill('issuer', values));
        issuers.catch(() => {
          issuers = null;
        });
      }
      return issuers;
    }
    if (filtersBox) {
      filtersBox.addEventListener('toggle', () => {
        if (filtersBox.open) loadIssuers().catch(() => {});
      });
    }

    client
      .manifest()
      .then((m) => {
        for (const name of FACETS) if (name !== 'issuer') fill(name, m.facets[name] || []);
        if (!filtersBox || readParams(location.search).issuer) return loadIssuers();
      })
      .catch(() => {})
      .then(() => {
        setState(readParams(location.search));
        run(false);
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

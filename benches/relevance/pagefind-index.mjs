// Indexes a built vanban site's document pages with Pagefind (the npm
// package, installed by benches/relevance.sh into a temporary folder):
//   node pagefind-index.mjs SITE OUT
import * as pagefind from 'pagefind';

const [site, out] = process.argv.slice(2);
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
if (errors.length) throw new Error(errors.join('\n'));
const added = await index.addDirectory({ path: site, glob: 'van-ban/**/*.html' });
if (added.errors.length) throw new Error(added.errors.join('\n'));
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length) throw new Error(written.errors.join('\n'));
console.error(`pagefind: ${added.page_count} pages indexed into ${out}`);
await pagefind.close();

// run.mjs — `npm run bench`: runs every benchmark in bench/ one after another.
import { readdirSync } from 'node:fs';

const only = process.argv[2];
for (const f of readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('-bench.mjs')).sort()) {
  if (only && !f.startsWith(only)) continue;
  console.log(`\n=== ${f}`);
  await import(new URL(f, import.meta.url));
}

// npm run bench -- NAME [--quick]: runs bench/NAME.ts. Each benchmark prints its figures, the last line as one JSON object.
import fs from 'node:fs';
import path from 'node:path';

const [name] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const available = fs.readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !['run.ts', 'common.ts'].includes(f)).map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME [--quick]\nbenchmarks: ${available.join(', ')}`);
  process.exit(64);
}
await import(path.join(import.meta.dirname, `${name}.ts`));

// Translates the server's TypeScript (src/) into JavaScript under .build/, one file for one file at the same depth,
// so that `npm start` runs plain Node: a start spent about half its time in tsx's loader, which compiles and resolves
// every module (the server's own and each of its packages' files) on the way in. With --if-stale only when a source
// is newer than the last translation. Paths a module finds from its own file (../../data, ../../migrations,
// ../../web/dist) resolve the same from .build/ as from src/. Tests, the CLI and the benchmarks still run the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const out = path.join(root, '.build');
const stamp = path.join(out, '.built');

const sources = fs.readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
const newest = Math.max(...sources.map((f) => fs.statSync(path.join(src, f)).mtimeMs), fs.statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (process.argv.includes('--if-stale') && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newest) process.exit(0);

fs.rmSync(out, { recursive: true, force: true });
const { build } = await import('esbuild');
await build({
  entryPoints: sources.map((f) => path.join(src, f)),
  outdir: out,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// Node reads .js here as ES modules, as it reads src/ (the repository's package.json says "type": "module").
fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);

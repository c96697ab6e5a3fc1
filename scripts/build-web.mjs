// Builds the web app with Vite; with --if-stale only when a source file is newer than the last build,
// so `npm start` and `npm test` build on a fresh clone and start at once afterwards. Each text file of the build
// gets its brotli (.br) and gzip (.gz) copies, made once here at the highest levels: the server sends them as they are.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

if (process.argv.includes('--if-stale') && fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest(web)) process.exit(0);
console.log('Đang dựng giao diện web / building the web app…');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--config', path.join(web, 'vite.config.ts')], { cwd: web, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// What each installable app keeps for offline use (web/public/sw.js): the citizens' app its own chunks, those they
// import and those they may load later; the officers' reporting app every chunk (it runs on their own machines).
const manifest = JSON.parse(fs.readFileSync(path.join(web, 'dist', '.vite', 'manifest.json'), 'utf8'));
function closure(keys, seen = new Set()) {
  for (const key of keys) {
    // The entry is there already; its other dynamic imports (the back office) are not the citizens'.
    if (seen.has(key) || !manifest[key] || manifest[key].isEntry) continue;
    seen.add(key);
    closure([...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? [])], seen);
  }
  return seen;
}
const filesOf = (keys) => [...new Set([...keys].flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])]))].map((f) => `/${f}`).sort();
const staticOf = (key, seen = new Set()) => {
  if (!seen.has(key) && manifest[key]) {
    seen.add(key);
    for (const k of manifest[key].imports ?? []) staticOf(k, seen);
  }
  return seen;
};
const citizen = Object.keys(manifest).find((k) => k.startsWith('src/pages/Citizen/index'));
if (!citizen) throw new Error('build-web: no citizen app chunk in the manifest');
const offline = {
  '/cong-dan': filesOf(new Set([...staticOf('index.html'), ...closure([citizen])])),
  '/reports': filesOf(new Set(Object.keys(manifest))),
  // The technicians' count form is in the back office's code: every chunk, as for the reporting app.
  '/agronomy/count': filesOf(new Set(Object.keys(manifest))),
  // So is the producers' record form.
  '/traceability/record': filesOf(new Set(Object.keys(manifest))),
};
fs.writeFileSync(path.join(web, 'dist', 'offline-assets.json'), `${JSON.stringify(offline, null, 1)}\n`);

// The citizens' page names its own chunks in its HTML, so a phone fetches them while the entry still loads instead of
// a round trip after it (the server sends cong-dan.html for /cong-dan).
const index = fs.readFileSync(built, 'utf8');
const preloads = filesOf(staticOf(citizen)).filter((f) => f.endsWith('.js') && !index.includes(f));
const links = preloads.map((f) => `    <link rel="modulepreload" crossorigin href="${f}">\n`).join('');
fs.writeFileSync(path.join(web, 'dist', 'cong-dan.html'), index.replace('  </head>', `${links}  </head>`));

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const dist = path.join(web, 'dist');
const texts = fs.readdirSync(dist, { recursive: true }).map(String).filter((f) => /\.(js|css|html|svg|json|webmanifest)$/.test(f));
await Promise.all(texts.map(async (name) => {
  const file = path.join(dist, name);
  const data = fs.readFileSync(file);
  if (data.length < 1024) return;
  const size = data.length;
  const [br, gz] = await Promise.all([
    brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size } }),
    gzip(data, { level: 9 }),
  ]);
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
}));
// Written last: its time is what --if-stale compares with the sources.
fs.utimesSync(built, new Date(), new Date());

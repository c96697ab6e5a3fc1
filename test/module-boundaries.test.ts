import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — the rule is plain JavaScript, loaded by ESLint's own config
import { moduleOf } from '../eslint/module-boundaries.js';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints `code` as if it were the file at `file`, and returns the boundary rule's complaints. */
async function boundaryFaults(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return result!.messages.filter((m) => m.ruleId === 'tinhso/module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it("refuses an import of another module's internal file, naming the index to use", async () => {
    const faults = await boundaryFaults(
      'src/modules/feedback/fixture.ts',
      "import { actOnCase } from '../../core/cases/service.js';\nexport const use = actOnCase;\n",
    );
    expect(faults).toEqual([
      "'../../core/cases/service.js' reaches into src/core/cases: import '../../core/cases/index.js' (its index.ts) and export what you need there.",
    ]);
  });

  it('refuses re-exports and dynamic imports of internals too, from tests and the server alike', async () => {
    expect(await boundaryFaults('src/server/fixture.ts', "export { dataRoutes } from '../core/data/routes.js';\n")).toHaveLength(1);
    expect(
      await boundaryFaults('test/fixture.test.ts', "export async function f() { return import('../src/modules/reporting/reports.js'); }\n"),
    ).toHaveLength(1);
  });

  it('refuses an import of a capability module from the core, even through its index', async () => {
    const faults = await boundaryFaults('src/core/data/fixture.ts', "export { reportingRoutes } from '../../modules/reporting/index.js';\n");
    expect(faults).toEqual([
      "'../../modules/reporting/index.js': the core never imports a capability module; let the module provide what the core needs (see docs/architecture.md).",
    ]);
  });

  it('lets a module reach its own files and others through their index', async () => {
    expect(await boundaryFaults('src/modules/feedback/fixture.ts', "export { actOnCase } from '../../core/cases/index.js';\nexport * from './service.js';\n")).toEqual([]);
    expect(await boundaryFaults('src/server/fixture.ts', "export { loadConfig } from './config.js';\nexport type { Db } from '../db/database.js';\n")).toEqual([]);
  });

  it('treats a folder with its own index inside a module as a sub-module', () => {
    const indexes = new Set(['src/core/data/values/index.ts']);
    const exists = (p: string) => indexes.has(path.relative('/repo', p));
    expect(moduleOf('src/core/data/values/store.ts', exists, '/repo')).toBe('src/core/data/values');
    expect(moduleOf('src/core/data/values/deep/x.ts', exists, '/repo')).toBe('src/core/data/values');
    expect(moduleOf('src/core/data/formula.ts', exists, '/repo')).toBe('src/core/data');
    expect(moduleOf('src/server/app.ts', exists, '/repo')).toBeNull();
  });

  it('holds for the whole code base: no file reaches into another module', async () => {
    const results = await eslint.lintFiles(['src', 'test', 'bench', 'scripts']);
    const faults = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'tinhso/module-boundaries').map((m) => `${path.relative(process.cwd(), r.filePath)}: ${m.message}`),
    );
    expect(faults).toEqual([]);
  });

  it('gives every module folder an index.ts', () => {
    const folders = ['src/core', 'src/modules'].flatMap((tier) =>
      fs.readdirSync(tier, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${tier}/${e.name}`),
    );
    expect(folders.length).toBeGreaterThan(15);
    expect(folders.filter((folder) => !fs.existsSync(`${folder}/index.ts`))).toEqual([]);
  });
});

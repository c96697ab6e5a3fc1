// A module's folder under src/core or src/modules is reached from outside only through its index.ts: the index is its
// public surface, and everything beside it may change without telling anyone. A folder inside a module that has an
// index.ts of its own is a sub-module with the same rule (src/core/data/values/ is reached through its index, even
// from src/core/data/analytics/). Paths only: the rule needs no resolver, so it also holds for dynamic imports.
import fs from 'node:fs';
import path from 'node:path';

const MODULE_ROOT = /^src\/(core|modules)\/[^/]+$/;

/** The innermost module folder holding `file` (relative to the repository), or null outside every module. */
export function moduleOf(file, exists = fs.existsSync, root = process.cwd()) {
  let dir = path.posix.dirname(file);
  let found = null;
  while (dir.startsWith('src/')) {
    if (MODULE_ROOT.test(dir)) return found ?? dir;
    if (!found && exists(path.join(root, dir, 'index.ts'))) found = dir;
    dir = path.posix.dirname(dir);
  }
  return null;
}

const isInside = (file, dir) => file.startsWith(dir + '/');

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Import another module only through its index.ts" },
    messages: {
      internal: "'{{spec}}' reaches into {{module}}: import '{{index}}' (its index.ts) and export what you need there.",
      tier: "'{{spec}}': the core never imports a capability module; let the module provide what the core needs (see docs/architecture.md).",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd ?? process.cwd();
    const importer = path.relative(root, context.filename).split(path.sep).join('/');
    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(importer), spec)).replace(/\.js$/, '.ts');
      if (importer.startsWith('src/core/') && target.startsWith('src/modules/')) {
        context.report({ node, messageId: 'tier', data: { spec } });
        return;
      }
      const owner = moduleOf(target, fs.existsSync, root);
      if (!owner || isInside(importer, owner) || target === `${owner}/index.ts`) return;
      let index = path.posix.relative(path.posix.dirname(importer), `${owner}/index.js`);
      if (!index.startsWith('.')) index = `./${index}`;
      context.report({ node, messageId: 'internal', data: { spec, module: owner, index } });
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIMIT = 10_000;
const ROOTS = ['src', 'web/src', 'test', 'bench', 'scripts', 'eslint'];
const SOURCE = /\.(ts|tsx|js|mjs|css)$/;

/**
 * Files still over the limit, each with the size it may not pass, while they wait to be split (issue "One module
 * skeleton"). The list only shrinks: a file split below the limit must leave it, and no file may join it.
 */
const WAITING: Record<string, number> = {
  'test/data-values.test.ts': 47_200,
  'test/reporting.test.ts': 30_000,
  'src/modules/reporting/reports.ts': 27_300,
  'web/src/pages/Metadata.tsx': 26_400,
  'web/src/pages/Citizen.tsx': 22_900,
  'src/core/cases/service.ts': 18_300,
  'test/feedback.test.ts': 17_800,
  'src/modules/feedback/service.ts': 17_700,
  'web/src/pages/Reports.tsx': 17_600,
  'src/modules/feedback/routes.ts': 17_500,
  'src/core/data/analytics/analytics.ts': 16_600,
  'src/db/schema.ts': 16_200,
  'test/access.test.ts': 15_800,
  'web/src/pages/Feedback.tsx': 15_700,
  'src/modules/open311/routes.ts': 15_600,
  'test/e2e-scorecard.test.ts': 15_200,
  'test/data-exchange.test.ts': 14_800,
  'src/modules/reporting/routes.ts': 14_600,
  'bench/analytics.ts': 14_000,
  'src/modules/reporting/regimes.ts': 13_000,
  'test/feedback-media.test.ts': 12_300,
  'src/modules/feedback/backoffice.ts': 12_100,
  'test/org-units.test.ts': 12_100,
  'web/src/pages/FeedbackCase.tsx': 12_000,
  'web/src/styles.css': 12_000,
  'test/e2e-feedback.test.ts': 11_900,
  'web/src/pages/DataEntry.tsx': 11_600,
  'test/notifications.test.ts': 11_500,
  'src/modules/scorecard/export.ts': 11_400,
  'src/core/data/values/values.ts': 11_300,
  'test/reporting-xlsx.test.ts': 10_900,
  'src/modules/feedback/figures.ts': 10_400,
  'src/core/data/values/value-store.ts': 10_300,
  'web/src/pages/FeedbackSettings.tsx': 10_200,
  'web/src/pages/Scorecard.tsx': 10_100,
};

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(file);
    return SOURCE.test(entry.name) ? [file] : [];
  });
}

const sizes = new Map(ROOTS.flatMap(sourceFiles).map((file) => [file, [...fs.readFileSync(file, 'utf8')].length]));

describe('file size', () => {
  it(`keeps every source file at most ${LIMIT.toLocaleString('en')} characters`, () => {
    const over = [...sizes].filter(([file, size]) => size > (WAITING[file] ?? LIMIT)).map(([file, size]) => `${file}: ${size}`);
    expect(over).toEqual([]);
  });

  it('lets the list of files waiting to be split only shrink', () => {
    const done = Object.keys(WAITING).filter((file) => (sizes.get(file) ?? 0) <= LIMIT);
    expect(done, 'split or removed: take them off WAITING').toEqual([]);
  });
});

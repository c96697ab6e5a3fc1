import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { verifyExport } from '../modules/traceability/index.js';

// `trace verify FILE [--lot URI]`: re-checks an exported chain offline — no database, no server — as anyone can.

export const TRACE_USAGE = `  npm run cli -- trace verify FILE [--lot URI]   (re-checks an exported chain: every event, link and signed checkpoint)`;

const FAULTS: Record<string, string> = {
  hash_id: 'nội dung sự kiện không khớp mã băm / the event content does not match its hash ID',
  link: 'mắt xích không khớp / the link does not match',
  prev: 'không nối với mắt xích trước / not joined to the link before',
  seq: 'sai số thứ tự / out of sequence',
};

export function traceCommand(argv: string[], print: (line: string) => void): number {
  const { values, positionals } = parseArgs({ args: argv, options: { lot: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals[0] !== 'verify' || !positionals[1]) {
    print(TRACE_USAGE);
    return 64;
  }
  let report;
  try {
    report = verifyExport(JSON.parse(fs.readFileSync(positionals[1], 'utf8')), values.lot);
  } catch (err) {
    const why = err instanceof ZodError ? err.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : err instanceof Error ? err.message : String(err);
    print(`Không đọc được tệp chuỗi / cannot read the chain file: ${why}`);
    return 2;
  }
  print(`${report.producer.name}: ${report.events} sự kiện / events; đầu chuỗi / head ${report.head || '—'}`);
  for (const f of report.faults) print(`  ✗ #${f.seq} ${f.eventId}: ${FAULTS[f.fault]}`);
  for (const c of report.checkpoints) {
    if (!c.valid || !c.matches) print(`  ✗ điểm kiểm tra / checkpoint #${c.seq}: ${c.valid ? 'không khớp chuỗi / does not match the chain' : 'chữ ký sai / bad signature'}`);
  }
  if (report.lotEvents) print(`  Lô / lot: ${report.lotEvents.length} sự kiện / events (#${report.lotEvents.join(', #')})`);
  print(report.intact ? `✓ Nguyên vẹn / intact (${report.checkpoints.length} điểm kiểm tra đã ký / signed checkpoints)` : '✗ KHÔNG nguyên vẹn / NOT intact');
  return report.intact ? 0 : 1;
}

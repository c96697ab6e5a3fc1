import zlib from 'node:zlib';

/**
 * Hostile and minimal workbooks for the tests of workbook uploads, built by hand: a ZIP writer small enough to lie
 * (a directory declaring less than an entry inflates to), and the four parts a worksheet needs.
 */
export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** The uncompressed size the directory declares, when it is to lie. */
  declaredSize?: number;
}

export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data);
    const packed = zlib.deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(part.name);
    const crc = zlib.crc32(raw);
    const size = part.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of one sheet whose <sheetData> is `rows` (XML), its sheet part's declared size possibly a lie. */
export function sheetWorkbook(rows: string, options: { name?: string; declaredSize?: number } = {}): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>` },
    { name: '_rels/.rels', data: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC}"><sheets><sheet name="${options.name ?? 'Sheet1'}" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', data: `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`, declaredSize: options.declaredSize },
  ]);
}

/** `count` rows of `cells` numbers each, from row `from`. */
export function manyRows(count: number, cells = 1, from = 1): string {
  const parts: string[] = [];
  for (let r = from; r < from + count; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cells; c++) row += `<c r="${String.fromCharCode(65 + (c % 26))}${r}"><v>${c}</v></c>`;
    parts.push(`${row}</row>`);
  }
  return parts.join('');
}

/** A zip bomb: one cell holding `bytes` letters, a few kilobytes once compressed; its size declared, or a lie. */
export function bombWorkbook(bytes: number, options: { name?: string; lie?: boolean } = {}): Buffer {
  const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'A'.repeat(bytes)}</t></is></c></row>`;
  return sheetWorkbook(rows, { name: options.name, declaredSize: options.lie ? 1000 : undefined });
}

/** A ZIP that is no workbook: a word-processing document's parts, without a worksheet. */
export const zipWithoutSheet = () => zipOf([
  { name: '[Content_Types].xml', data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
  { name: 'word/document.xml', data: `${XML}<document/>` },
]);

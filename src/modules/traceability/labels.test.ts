import { createRequire } from 'node:module';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { digitalLinkUri } from './gs1/digital-link.js';
import { labelSheet, qrPng, qrSvg } from './labels.js';

// jsQR is CommonJS whose module is the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as (typeof import('jsqr'))['default'];

const uri = digitalLinkUri('https://truyxuat.tinhso.example', { ai: '01', value: '8938505974194' }, [{ ai: '10', value: 'ST25-2026-07' }]);

/** What a phone's camera reads from a label image. */
async function decode(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

describe('QR labels', () => {
  it('a PNG label decodes back to its Digital Link URI, and the SVG draws the same code', async () => {
    const png = await qrPng(uri);
    expect(await decode(png)).toBe(uri);
    const svg = await qrSvg(uri);
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(await decode(await sharp(Buffer.from(svg)).resize(600).png().toBuffer())).toBe(uri);
  });

  it('an A4 sheet holds a grid of labels, each with its product, its lines and its URI in text', async () => {
    const labels = Array.from({ length: 20 }, (_, i) => ({ uri: `${uri}/21/${i + 1}`, title: 'Gạo ST25 Sóc Trăng', lines: ['GTIN 08938505974194', `Lô ST25-2026-07 · số ${i + 1}`] }));
    const pdf = await labelSheet(labels, { title: 'Nhãn lô ST25-2026-07' });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(doc.numPages).toBe(2); // 18 labels a page
    // A narrow label wraps its lines: read them as one text.
    const text = (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Gạo ST25 Sóc Trăng');
    expect(text).toContain('Lô ST25-2026-07 · số 20');
    expect(text.replace(/ /g, '')).toContain('/01/08938505974194/10/ST25-2026-07/21/1');
  });
});

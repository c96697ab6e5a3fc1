import sharp from 'sharp';

/** A real JPEG as a phone takes it: a camera make and a GPS position in its EXIF (Phường Sóc Trăng, about 9.603 N 105.972 E). */
export async function phonePhoto(options: { width?: number; height?: number; gps?: boolean } = {}): Promise<Buffer> {
  const exif = options.gps === false ? { IFD0: { Make: 'TestPhone' } } : {
    IFD0: { Make: 'TestPhone' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '9/1 36/1 10/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 58/1 20/1' },
  };
  return sharp({ create: { width: options.width ?? 2400, height: options.height ?? 1800, channels: 3, background: '#4a8' } })
    .composite([{ input: Buffer.from('<svg width="400" height="200"><rect width="400" height="200" fill="#fff"/><text x="20" y="120" font-size="80">51A-123</text></svg>'), left: 100, top: 100 }])
    .jpeg().withExif(exif).toBuffer();
}

/** A multipart form for inject(): text fields and files. */
export function form(fields: Record<string, string>, files: { field: string; name: string; type: string; data: Buffer }[]): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append(file.field, new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return f;
}

/**
 * Counts the rows (`<row>`) and cells (`<c>`) of a worksheet's XML as it is inflated, without parsing it: one pass
 * over the bytes, so a sheet of millions of rows is measured, and refused, in a fraction of the time reading it takes.
 * A namespace prefix (`<x:row>`) counts too; closing tags, declarations and comments do not.
 */
export class TagCounter {
  rows = 0;
  cells = 0;
  private tail: Buffer | null = null;

  push(chunk: Buffer): void {
    const buf = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    this.tail = null;
    let i = buf.indexOf(0x3c); // '<'
    while (i !== -1) {
      const start = i + 1;
      let colon = -1;
      let j = start;
      // A tag's name ends at white space, '>' or '/'; names of interest are short, so give up after 64 bytes.
      for (; j < buf.length && j - start < 64; j++) {
        const b = buf[j]!;
        if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) break;
        if (b === 0x3a) colon = j;
      }
      if (j === buf.length) {
        // The name runs on into the next chunk: keep it for then.
        this.tail = Buffer.from(buf.subarray(i));
        return;
      }
      const name = colon >= 0 ? colon + 1 : start;
      const length = j - name;
      if (length === 1 && buf[name] === 0x63 && j > start) this.cells++; // c
      else if (length === 3 && buf[name] === 0x72 && buf[name + 1] === 0x6f && buf[name + 2] === 0x77) this.rows++; // row
      i = buf.indexOf(0x3c, j);
    }
  }
}

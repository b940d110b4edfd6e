import { describe, expect, it } from 'vitest';
import { checkAttachments } from '../../../domain/attachments/limits.js';

const png = (size: number) => {
  const b = new Uint8Array(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
};
const text = (s: string) => new TextEncoder().encode(s);
const limits = { maxCount: 2, maxBytes: 100, maxTotalBytes: 150 };

describe('checkAttachments', () => {
  it('takes files within the limits with their sniffed type and a clean name', () => {
    const check = checkAttachments([{ name: '../a.png', bytes: png(50) }], limits);
    expect(check).toEqual({ ok: true, files: [{ name: 'a.png', contentType: 'image/png', bytes: png(50) }] });
  });

  it('takes no file at all', () => {
    expect(checkAttachments([], limits)).toEqual({ ok: true, files: [] });
  });

  it('names every problem: too many, too large in all, too large, empty, not a photo or PDF', () => {
    const check = checkAttachments(
      [
        { name: 'big.png', bytes: png(101) },
        { name: 'empty.pdf', bytes: new Uint8Array() },
        { name: 'notes.png', bytes: text('just text') },
      ],
      limits,
    );
    expect(check).toEqual({
      ok: false,
      problems: [
        { kind: 'too_many', maxCount: 2 },
        { kind: 'too_large', name: 'big.png', maxBytes: 100 },
        { kind: 'empty', name: 'empty.pdf' },
        { kind: 'unsupported_type', name: 'notes.png' },
      ],
    });
  });

  it('refuses files that fit one by one but not together', () => {
    const check = checkAttachments([{ name: 'a.png', bytes: png(80) }, { name: 'b.png', bytes: png(80) }], limits);
    expect(check).toEqual({ ok: false, problems: [{ kind: 'too_large_total', maxTotalBytes: 150 }] });
  });
});

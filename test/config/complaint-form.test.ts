import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, DEFAULT_PRODUCTS, loadComplaintFormSettings, parseComplaintFormFile } from '../../config/complaint-form.js';
import { parseConfig } from '../../config/env.js';
import { hasMessage } from '../../texts/translate.js';

describe('the complaint form configuration', () => {
  it('defaults to the shipped lists and limits, each default choice labelled in the catalog', () => {
    const settings = loadComplaintFormSettings(parseConfig({}));
    expect(settings.attachments).toEqual({ maxCount: 5, maxBytes: 8 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 });
    expect(settings.categories).toBe(DEFAULT_CATEGORIES);
    for (const c of DEFAULT_CATEGORIES) expect(hasMessage(`form.category.${c.id}`)).toBe(true);
    for (const p of DEFAULT_PRODUCTS) expect(hasMessage(`form.product.${p.id}`)).toBe(true);
  });

  it('reads lists with labels per language and a notice from the configured file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaint-form-'));
    const path = join(dir, 'form.json');
    writeFileSync(
      path,
      JSON.stringify({
        categories: [{ id: 'late-train', labels: { tr: 'Geciken tren', en: 'Late train' } }],
        privacyNotice: { dataController: 'Örnek A.Ş.', text: { tr: 'Aydınlatma metnimiz…' } },
      }),
    );
    const settings = loadComplaintFormSettings(parseConfig({ COMPLAINT_FORM_CONFIG_FILE: path, FORM_ATTACHMENTS_MAX_COUNT: '0' }));
    expect(settings.categories).toEqual([{ id: 'late-train', labels: { tr: 'Geciken tren', en: 'Late train' } }]);
    expect(settings.products).toBe(DEFAULT_PRODUCTS);
    expect(settings.privacyNotice).toEqual({ dataController: 'Örnek A.Ş.', text: { tr: 'Aydınlatma metnimiz…' } });
    expect(settings.attachments.maxCount).toBe(0);
  });

  it('refuses a bad file naming each bad field', () => {
    expect(() => parseComplaintFormFile('{', 'f.json')).toThrow(/f.json: not JSON/);
    expect(() => parseComplaintFormFile(JSON.stringify({ categories: [{ id: 'Bad Id' }], extra: 1 }), 'f.json')).toThrow(
      /categories\.0\.id: expected a lower-case id[\s\S]*Unrecognized key/,
    );
    expect(() => parseComplaintFormFile(JSON.stringify({ products: [{ id: 'a' }, { id: 'a' }] }), 'f.json')).toThrow(/products lists 'a' twice/);
  });
});

import { describe, expect, it } from 'vitest';
import { createLogger } from '../../config/logger.js';

function logged(fields: Record<string, unknown>): string {
  const lines: string[] = [];
  const log = createLogger({ level: 'info', service: 'test', destination: { write: (line: string) => lines.push(line) } });
  log.info(fields, 'intake');
  return lines.join('');
}

describe('createLogger', () => {
  it('redacts a postal address wherever it appears, like the other personal fields', () => {
    const address = 'Atatürk Bulvarı No 5\n06420 Ankara';
    const text = logged({ postalAddress: address, intake: { postalAddress: address }, input: { intake: { postalAddress: address } } });
    expect(text).not.toContain('Atatürk');
    expect(JSON.parse(text)).toMatchObject({ postalAddress: '[redacted]', intake: { postalAddress: '[redacted]' } });
  });

  it('redacts the whole customer, address included', () => {
    expect(logged({ customer: { name: 'Ali Kaya', postalAddress: 'Kızılay, Ankara' } })).not.toMatch(/Ali Kaya|Kızılay/);
  });
});

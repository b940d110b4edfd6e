// FRONT_OFFICES and INTAKE_BACKDATE_MAX_DAYS as config/env.ts reads them.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.js';

describe('staff-entered intake config', () => {
  it('has one office and seven days by default', () => {
    const config = parseConfig({});
    expect(config.FRONT_OFFICES).toEqual([{ id: 'head-office', name: 'Head office' }]);
    expect(config.INTAKE_BACKDATE_MAX_DAYS).toBe(7);
  });

  it('reads offices as comma-separated id:Name, names with spaces and colons', () => {
    const config = parseConfig({ FRONT_OFFICES: 'kadikoy:Kadıköy şubesi, ankara-1:Ankara: Kızılay', INTAKE_BACKDATE_MAX_DAYS: '3' });
    expect(config.FRONT_OFFICES).toEqual([
      { id: 'kadikoy', name: 'Kadıköy şubesi' },
      { id: 'ankara-1', name: 'Ankara: Kızılay' },
    ]);
    expect(config.INTAKE_BACKDATE_MAX_DAYS).toBe(3);
  });

  it.each([
    ['an id that is no id', 'Kadıköy:Kadıköy şubesi', /no office id/],
    ['an entry without a name', 'kadikoy', /expected id:Name/],
    ['an id given twice', 'a:One,a:Two', /given twice/],
    ['a negative number of days', undefined, /INTAKE_BACKDATE_MAX_DAYS/],
  ])('stops startup on %s, naming the variable', (_, offices, message) => {
    const env = offices === undefined ? { INTAKE_BACKDATE_MAX_DAYS: '-1' } : { FRONT_OFFICES: offices };
    expect(() => parseConfig(env)).toThrow(message);
    if (offices !== undefined) expect(() => parseConfig(env)).toThrow(/FRONT_OFFICES/);
  });
});

import { describe, expect, it } from 'vitest';
import { pathsNaming, processSelectionSchema, selectDefinitionId, type ProcessSelection } from '../../../domain/process-definitions/selection.js';

const SELECTION: ProcessSelection = {
  rules: [
    { when: { country: ['AZ'], channel: ['letter'] }, definitionId: 'az-letters' },
    { when: { country: ['AZ', 'GE'] }, definitionId: 'caucasus' },
    { when: { channel: ['phone'] }, definitionId: 'phone' },
  ],
  defaultDefinitionId: 'iso-10002-default',
};

describe('selectDefinitionId', () => {
  it.each([
    ['the first rule whose conditions all hold', { country: 'AZ', channel: 'letter' }, 'az-letters'],
    ['a later rule when an earlier one holds only in part', { country: 'AZ', channel: 'web' }, 'caucasus'],
    ['a rule on the channel alone', { country: 'TR', channel: 'phone' }, 'phone'],
    ['the default when no rule holds', { country: 'TR', channel: 'web' }, 'iso-10002-default'],
    ['the default for a complaint without a country, which no country list matches', { channel: 'letter' }, 'iso-10002-default'],
  ] as const)('picks %s', (_what, facts, expected) => {
    expect(selectDefinitionId(SELECTION, facts)).toBe(expected);
  });
});

describe('processSelectionSchema', () => {
  it('names the exact path of each bad field', () => {
    const result = processSelectionSchema.safeParse({
      rules: [{ when: {}, definitionId: 'ok' }, { when: { country: ['tr'], channel: ['pigeon'] }, definitionId: 'Not Kebab' }],
      defaultDefinitionId: '',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(
      ['defaultDefinitionId', 'rules.0.when', 'rules.1.definitionId', 'rules.1.when.channel.0', 'rules.1.when.country.0'].sort(),
    );
  });
});

describe('pathsNaming', () => {
  it('lists every rule and the default that name a definition', () => {
    expect(pathsNaming({ ...SELECTION, defaultDefinitionId: 'phone' }, 'phone')).toEqual(['rules.2.definitionId', 'defaultDefinitionId']);
    expect(pathsNaming(SELECTION, 'elsewhere')).toEqual([]);
  });
});

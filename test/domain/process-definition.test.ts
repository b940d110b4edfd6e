// A process owner's mistakes are reported at the exact path of the field to fix.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import { processDefinitionSchema, type ProcessDefinition } from '../../domain/process-definition.js';

type Patch = (d: ProcessDefinition) => void;
const issuePaths = (patch: Patch): string[] => {
  const definition = structuredClone(DEFAULT_PROCESS_DEFINITION);
  patch(definition);
  const result = processDefinitionSchema.safeParse(definition);
  if (result.success) throw new Error('accepted');
  return result.error.issues.map((issue) => issue.path.join('.'));
};

describe('processDefinitionSchema', () => {
  it.each<[string, Patch, string[]]>([
    [
      'a warning share of 1',
      (d) => { d.stages.investigation.warnAtShare = 1; },
      ['stages.investigation.warnAtShare'],
    ],
    [
      'a warning share of 0',
      (d) => { d.stages.initialReview.warnAtShare = 0; },
      ['stages.initialReview.warnAtShare'],
    ],
    ['zero answer rounds', (d) => { d.acceptance.rounds = 0; }, ['acceptance.rounds']],
    ['a reminder share above 1', (d) => { d.acceptance.reminderAtShare = 1.5; }, ['acceptance.reminderAtShare']],
    [
      'an unknown no-answer rule',
      (d) => { (d.acceptance as { noAnswer: string }).noAnswer = 'reopen'; },
      ['acceptance.noAnswer'],
    ],
    [
      'an information request without a deadline',
      (d) => { delete (d as Partial<ProcessDefinition>).infoRequest; },
      ['infoRequest'],
    ],
    ['an information reminder share of 1', (d) => { d.infoRequest.reminderAtShare = 1; }, ['infoRequest.reminderAtShare']],
    [
      'an unknown outcome of an unanswered question',
      (d) => { (d.infoRequest as { onNoAnswer: string }).onNoAnswer = 'wait_forever'; },
      ['infoRequest.onNoAnswer'],
    ],
    [
      'a fractional working-day deadline',
      (d) => { d.stages.investigation.deadline = { workingDays: 1.5 }; },
      ['stages.investigation.deadline'],
    ],
    [
      'a missing stage',
      (d) => { delete (d.stages as Partial<ProcessDefinition['stages']>).reinvestigation; },
      ['stages.reinvestigation'],
    ],
    [
      'a warning share on the conclusion, which has no clock',
      (d) => { (d.stages.conclusion as Record<string, unknown>).warnAtShare = 0.5; },
      ['stages.conclusion'],
    ],
    [
      'a conclusion in hours after an investigation in days',
      (d) => { d.stages.conclusion.deadline = { workingHours: 8 }; },
      ['stages.conclusion.deadline'],
    ],
    [
      'an escalation to an unknown level',
      (d) => { d.stages.investigation.escalation = { ...d.stages.investigation.escalation, onWarning: { notify: ['ceo'] } }; },
      ['stages.investigation.escalation.onWarning.notify.0'],
    ],
    [
      'no remedies for the calendar country and no default',
      (d) => { d.externalRemedies.byCountry = {}; delete d.externalRemedies.default; },
      ['externalRemedies.byCountry.TR'],
    ],
    [
      'a remedy without a fallback-locale text',
      (d) => { delete d.externalRemedies.byCountry.TR![1]!.texts.en; },
      ['externalRemedies.byCountry.TR.1.texts.en'],
    ],
    [
      'two remedies with one id',
      (d) => { d.externalRemedies.default!.push(d.externalRemedies.default![0]!); },
      ['externalRemedies.default.1.id'],
    ],
    [
      'a country key that is not ISO 3166',
      (d) => { d.externalRemedies.byCountry.Turkey = d.externalRemedies.byCountry.TR!; },
      ['externalRemedies.byCountry.Turkey'],
    ],
    ['a calendar id that is not a country', (d) => { d.calendarId = 'turkey'; }, ['calendarId']],
  ])('reports %s', (_name, patch, paths) => {
    expect(issuePaths(patch)).toEqual(paths);
  });

  it('accepts remedies from a default list alone', () => {
    const definition = structuredClone(DEFAULT_PROCESS_DEFINITION);
    definition.externalRemedies.byCountry = {};
    expect(processDefinitionSchema.safeParse(definition).success).toBe(true);
  });
});

// A process owner's mistakes are reported at the exact path of the field to fix, in a sentence
// they can act on. Cross-field rules of routing, decision roles and the survey are in
// process-definition-rules.test.ts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import type { FieldIssue } from '../../domain/errors.js';
import { processDefinitionSchema, validateProcessDefinition } from '../../domain/process-definition.js';

// The shape as a process owner may send it: anything goes, the validator says what is wrong.
type Loose = Record<string, any>;
/** A JSON copy (what an API body is), so no two stages share one escalation object. */
const copy = (): Loose => JSON.parse(JSON.stringify(DEFAULT_PROCESS_DEFINITION)) as Loose;
const issuesOf = (patch: (d: Loose) => void): FieldIssue[] => {
  const definition = copy();
  patch(definition);
  const result = validateProcessDefinition(definition);
  if (result.ok) throw new Error('accepted');
  return result.issues;
};
const DURATION = 'expected a business duration: { "workingHours": n } or { "workingDays": n }';
const SHARE_BELOW_1 = 'must be less than 1: a share of the time allowed, like 0.75 for three quarters in';
const SHARE_ABOVE_0 = 'must be more than 0: a share of the time allowed, like 0.75 for three quarters in';
const LEVELS = 'assignee, teamLead, complaintsManager, director';

describe('validateProcessDefinition', () => {
  it('accepts the shipped definition as it is', () => {
    expect(validateProcessDefinition(DEFAULT_PROCESS_DEFINITION)).toEqual({ ok: true, definition: DEFAULT_PROCESS_DEFINITION });
  });

  it.each<[string, (d: Loose) => void, FieldIssue[]]>([
    // Business durations: reported at the unit the owner wrote.
    ['zero working days', (d) => { d.stages.investigation.deadline = { workingDays: 0 }; },
      [{ path: 'stages.investigation.deadline.workingDays', message: 'must be ≥ 1' }]],
    ['a fractional working-day deadline', (d) => { d.stages.investigation.deadline = { workingDays: 1.5 }; },
      [{ path: 'stages.investigation.deadline.workingDays', message: 'must be a whole number' }]],
    ['working days as text', (d) => { d.stages.initialReview.deadline = { workingDays: 'two' }; },
      [{ path: 'stages.initialReview.deadline.workingDays', message: 'must be a number, not text' }]],
    ['negative working hours', (d) => { d.stages.acknowledgement.deadline = { workingHours: -1 }; },
      [{ path: 'stages.acknowledgement.deadline.workingHours', message: 'must be more than 0' }]],
    ['too many working days', (d) => { d.acceptance.answerDeadline = { workingDays: 1001 }; },
      [{ path: 'acceptance.answerDeadline.workingDays', message: 'must be ≤ 1000' }]],
    ['a duration in an unknown unit', (d) => { d.stages.reinvestigation.deadline = { workingWeeks: 1 }; },
      [{ path: 'stages.reinvestigation.deadline', message: DURATION }]],
    ['an empty duration', (d) => { d.infoRequest.answerDeadline = {}; },
      [{ path: 'infoRequest.answerDeadline', message: DURATION }]],
    ['a duration in two units', (d) => { d.stages.investigation.deadline = { workingDays: 1, workingHours: 2 }; },
      [{ path: 'stages.investigation.deadline', message: 'give either workingHours or workingDays, not both' }]],
    ['a duration written as a sentence', (d) => { d.progressUpdateEvery = '5 days'; },
      [{ path: 'progressUpdateEvery', message: DURATION }]],
    ['a re-arm of zero days', (d) => { d.stages.investigation.escalation.onBreach[1].rearmAfter = { workingDays: 0 }; },
      [{ path: 'stages.investigation.escalation.onBreach.1.rearmAfter.workingDays', message: 'must be ≥ 1' }]],
    // Shares, rounds, choices.
    ['a warning share of 1', (d) => { d.stages.investigation.warnAtShare = 1; },
      [{ path: 'stages.investigation.warnAtShare', message: SHARE_BELOW_1 }]],
    ['a warning share of 0', (d) => { d.stages.initialReview.warnAtShare = 0; },
      [{ path: 'stages.initialReview.warnAtShare', message: SHARE_ABOVE_0 }]],
    ['a reminder share above 1', (d) => { d.acceptance.reminderAtShare = 1.5; },
      [{ path: 'acceptance.reminderAtShare', message: SHARE_BELOW_1 }]],
    ['an information reminder share of 1', (d) => { d.infoRequest.reminderAtShare = 1; },
      [{ path: 'infoRequest.reminderAtShare', message: SHARE_BELOW_1 }]],
    ['zero answer rounds', (d) => { d.acceptance.rounds = 0; }, [{ path: 'acceptance.rounds', message: 'must be ≥ 1' }]],
    ['six answer rounds', (d) => { d.acceptance.rounds = 6; }, [{ path: 'acceptance.rounds', message: 'must be ≤ 5' }]],
    ['one and a half rounds', (d) => { d.acceptance.rounds = 1.5; }, [{ path: 'acceptance.rounds', message: 'must be a whole number' }]],
    ['an unknown no-answer rule', (d) => { d.acceptance.noAnswer = 'reopen'; },
      [{ path: 'acceptance.noAnswer', message: 'must be one of "deemed_accepted", "stay_open"' }]],
    ['an unknown outcome of an unanswered question', (d) => { d.infoRequest.onNoAnswer = 'wait_forever'; },
      [{ path: 'infoRequest.onNoAnswer', message: 'must be one of "resume", "close_no_response"' }]],
    // Structure.
    ['a missing stage', (d) => { delete d.stages.reinvestigation; }, [{ path: 'stages.reinvestigation', message: 'required' }]],
    ['a stage the process does not have', (d) => { d.stages.closure = d.stages.conclusion; },
      [{ path: 'stages.closure', message: 'unknown field; the fields here are acknowledgement, initialReview, investigation, conclusion, reinvestigation' }]],
    ['a warning share on the conclusion, which has no clock', (d) => { d.stages.conclusion.warnAtShare = 0.5; },
      [{ path: 'stages.conclusion.warnAtShare', message: 'unknown field; the fields here are deadline' }]],
    ['version 0', (d) => { d.version = 0; }, [{ path: 'version', message: 'must be ≥ 1' }]],
    ['an id with spaces', (d) => { d.id = 'My process'; }, [{ path: 'id', message: 'expected a kebab-case id like iso-10002-default' }]],
    // The unit rule: the conclusion is added to the investigation clocks.
    ['a conclusion in hours after an investigation in days', (d) => { d.stages.conclusion.deadline = { workingHours: 8 }; },
      [{ path: 'stages.conclusion.deadline', message: 'must be in the same unit as the investigation and reinvestigation deadlines (workingDays), to which it is added' }]],
    ['a conclusion in days after a reinvestigation in hours', (d) => { d.stages.reinvestigation.deadline = { workingHours: 30 }; },
      [{ path: 'stages.conclusion.deadline', message: 'must be in the same unit as the reinvestigation deadline (workingHours), to which it is added' }]],
    // The escalation chain: only its own levels, never past the top.
    ['a warning to an unknown level', (d) => { d.stages.investigation.escalation.onWarning = { notify: ['ceo'] }; },
      [{ path: 'stages.investigation.escalation.onWarning.notify.0', message: `unknown level "ceo"; this chain's levels are ${LEVELS}` }]],
    ['a breach notifying an unknown level', (d) => { d.stages.acknowledgement.escalation.onBreach[2].notify.push('ceo'); },
      [{ path: 'stages.acknowledgement.escalation.onBreach.2.notify.2', message: `unknown level "ceo"; this chain's levels are ${LEVELS}` }]],
    ['a step escalating past the top level', (d) => { d.stages.investigation.escalation.onBreach.push({ notify: ['director'], escalate: true }); },
      [{ path: 'stages.investigation.escalation.onBreach.3.escalate', message: 'escalates past the top level "director": the chain has 4 levels, so at most 3 steps can escalate (set escalate to false here)' }]],
    ['a level listed twice', (d) => { d.stages.initialReview.escalation.levels.push('teamLead'); },
      [{ path: 'stages.initialReview.escalation.levels.4', message: 'level "teamLead" is listed twice' }]],
    ['a chain without breach steps', (d) => { d.stages.initialReview.escalation.onBreach = []; },
      [{ path: 'stages.initialReview.escalation.onBreach', message: 'must list at least one entry' }]],
    // The calendar.
    ['a calendar that does not exist', (d) => { d.calendarId = 'XX'; },
      [{ path: 'calendarId', message: 'no calendar "XX"; the calendars are TR, US, DE, AZ, IR' }]],
    ['a calendar id that is not a country', (d) => { d.calendarId = 'turkey'; }, [{ path: 'calendarId', message: 'expected a calendar id like TR' }]],
    // External remedies.
    ['no remedies for the calendar country and no default', (d) => { d.externalRemedies.byCountry = {}; delete d.externalRemedies.default; },
      [{ path: 'externalRemedies.byCountry.TR', message: "needs remedies for the calendar's country TR, or a default list" }]],
    ['a remedy without a fallback-locale text', (d) => { delete d.externalRemedies.byCountry.TR[1].texts.en; },
      [{ path: 'externalRemedies.byCountry.TR.1.texts.en', message: 'needs a text in the fallback locale en' }]],
    ['two remedies with one id', (d) => { d.externalRemedies.byCountry.TR[1].id = 'consumer_arbitration_committee'; },
      [{ path: 'externalRemedies.byCountry.TR.1.id', message: 'remedy id "consumer_arbitration_committee" is already used by entry 0 of this list' }]],
    ['a country key that is not ISO 3166', (d) => { d.externalRemedies.byCountry.Turkey = d.externalRemedies.byCountry.TR; },
      [{ path: 'externalRemedies.byCountry.Turkey', message: 'expected an ISO 3166 alpha-2 code like TR' }]],
    ['a remedy address without https', (d) => { d.externalRemedies.byCountry.TR[0].url = 'http://www.ticaret.gov.tr'; },
      [{ path: 'externalRemedies.byCountry.TR.0.url', message: 'must be an https:// web address' }]],
    ['an empty remedy name', (d) => { d.externalRemedies.default[0].texts.tr.name = ' '; },
      [{ path: 'externalRemedies.default.0.texts.tr.name', message: 'must not be empty' }]],
    ['a country with no remedies', (d) => { d.externalRemedies.byCountry.DE = []; },
      [{ path: 'externalRemedies.byCountry.DE', message: 'must list at least one entry' }]],
  ])('reports %s at its path, in words', (_name, patch, expected) => {
    expect(issuesOf(patch)).toEqual(expected);
  });

  it('reports something that is not a definition at all at the top', () => {
    expect(validateProcessDefinition('hello')).toEqual({ ok: false, issues: [{ path: '(definition)', message: 'must be an object, not text' }] });
  });

  it('reports an unknown top-level field with the fields it could have meant', () => {
    expect(issuesOf((d) => { d.owner = 'me'; })).toEqual([
      {
        path: 'owner',
        message:
          'unknown field; the fields here are id, version, calendarId, stages, acceptance, infoRequest, ' +
          'progressUpdateEvery, survey, routing, decisionRoles, externalRemedies, retention',
      },
    ]);
  });

  it('reports every mistake at once, in different parts of the definition', () => {
    const issues = issuesOf((d) => {
      d.acceptance.rounds = 0;
      d.calendarId = 'XX';
      d.stages.investigation.deadline = { workingDays: 0 };
      d.decisionRoles.agent.push('approve');
      d.routing.rules.push({ id: 'a', when: {}, department: '' });
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'acceptance.rounds',
      'calendarId',
      'decisionRoles.agent.13',
      'routing.rules.0.department',
      'stages.investigation.deadline.workingDays',
    ]);
  });

  it('checks the calendar against the calendars it is given', () => {
    const definition = { ...copy(), calendarId: 'ZZ-always' };
    expect(validateProcessDefinition(definition, { calendarIds: ['TR', 'ZZ-always'] }).ok).toBe(true);
    expect(validateProcessDefinition(definition, { calendarIds: ['TR'] })).toEqual({
      ok: false,
      issues: [{ path: 'calendarId', message: 'no calendar "ZZ-always"; the calendars are TR' }],
    });
  });
});

describe('definitions pinned before the newer parts existed', () => {
  const older = (() => {
    const { infoRequest: _i, survey: _s, routing: _r, decisionRoles: _d, ...rest } = copy();
    return rest;
  })();

  it('parse without an information-request policy, survey, routing or decision roles', () => {
    expect(processDefinitionSchema.parse(older)).toEqual(older);
    expect(validateProcessDefinition(older)).toEqual({ ok: true, definition: older });
  });

  it('accepts remedies from a default list alone', () => {
    expect(validateProcessDefinition({ ...older, externalRemedies: { ...older.externalRemedies, byCountry: {} } }).ok).toBe(true);
  });
});

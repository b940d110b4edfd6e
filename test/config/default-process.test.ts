import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import { DECISIONS_BY_ROLE, ROLES } from '../../domain/complaint.js';
import { processDefinitionSchema, validateProcessDefinition } from '../../domain/process-definition.js';
import { decisionsOfRole, DEFAULT_SURVEY_POLICY, localizedRemedies } from '../../domain/lifecycle/index.js';

describe('the default process definition', () => {
  it('parses with the process-definition schema, unchanged (no transforms)', () => {
    const parsed = processDefinitionSchema.parse(DEFAULT_PROCESS_DEFINITION);
    expect(parsed).toEqual(DEFAULT_PROCESS_DEFINITION);
  });

  it('survives a JSON round trip, as it does when pinned into a workflow', () => {
    const copy: unknown = JSON.parse(JSON.stringify(DEFAULT_PROCESS_DEFINITION));
    expect(processDefinitionSchema.parse(copy)).toEqual(DEFAULT_PROCESS_DEFINITION);
  });

  it('passes every rule a definition from a process owner must pass', () => {
    expect(validateProcessDefinition(DEFAULT_PROCESS_DEFINITION)).toEqual({ ok: true, definition: DEFAULT_PROCESS_DEFINITION });
  });

  it('states the code defaults as they are: who decides what, the survey, no routing rules', () => {
    // As seeded (version 1): decisions newer than decision roles are named for no role, and the code default grants them.
    for (const role of ROLES) expect([...decisionsOfRole(role, DEFAULT_PROCESS_DEFINITION)].sort()).toEqual([...DECISIONS_BY_ROLE[role]].sort());
    expect(Object.values(DEFAULT_PROCESS_DEFINITION.decisionRoles!).flat()).not.toContain('link_repeat');
    expect(DEFAULT_PROCESS_DEFINITION.survey).toEqual(DEFAULT_SURVEY_POLICY);
    expect(DEFAULT_PROCESS_DEFINITION.routing).toEqual({ rules: [] });
    expect(DEFAULT_PROCESS_DEFINITION.infoRequest).toEqual({ answerDeadline: { workingDays: 10 }, reminderAtShare: 0.5, onNoAnswer: 'resume' });
  });

  it('uses the seeds deadlines and two answer rounds', () => {
    const { stages, acceptance } = DEFAULT_PROCESS_DEFINITION;
    expect(stages.acknowledgement.deadline).toEqual({ workingHours: 6 });
    expect(stages.initialReview.deadline).toEqual({ workingDays: 2 });
    expect(stages.investigation.deadline).toEqual({ workingDays: 4 });
    expect(stages.conclusion.deadline).toEqual({ workingDays: 1 });
    expect(acceptance).toMatchObject({ rounds: 2, answerDeadline: { workingDays: 10 } });
  });

  it('tells Turkish customers about arbitration committees and consumer courts in Turkish', () => {
    const remedies = localizedRemedies(DEFAULT_PROCESS_DEFINITION, 'TR', 'tr-TR');
    expect(remedies.map((r) => r.name)).toEqual(['Tüketici Hakem Heyetleri', 'Tüketici Mahkemeleri']);
  });

  it('falls back to ISO 10003 external dispute resolution in English elsewhere', () => {
    const remedies = localizedRemedies(DEFAULT_PROCESS_DEFINITION, 'DE', 'de');
    expect(remedies).toEqual([expect.objectContaining({ id: 'external_dispute_resolution', locale: 'en' })]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../../config/default-process.js';
import type { ProcessDefinition } from '../../../domain/process-definition.js';
import { diffDefinitions } from '../../../domain/process-definitions/diff.js';

// A JSON copy, as stored: the default shares one escalation policy object between stages.
const copy = (): ProcessDefinition => JSON.parse(JSON.stringify(DEFAULT_PROCESS_DEFINITION)) as ProcessDefinition;

const changed = (patch: (d: ProcessDefinition) => void) => {
  const to = copy();
  patch(to);
  return diffDefinitions(DEFAULT_PROCESS_DEFINITION, to);
};

describe('diffDefinitions', () => {
  it('finds nothing between a version and its copy under another number', () => {
    expect(changed((d) => { d.version = 7; })).toEqual([]);
  });

  it('reports a business duration as one field, even when its unit changes', () => {
    expect(changed((d) => { d.stages.investigation.deadline = { workingHours: 30 }; })).toEqual([
      { path: 'stages.investigation.deadline', from: { workingDays: 4 }, to: { workingHours: 30 } },
    ]);
  });

  it('reports lists of plain values whole, and lists of objects item by item', () => {
    expect(
      changed((d) => {
        d.stages.initialReview.escalation.levels = ['assignee', 'director'];
        d.stages.initialReview.escalation.onBreach[1]!.escalate = false;
      }),
    ).toEqual([
      { path: 'stages.initialReview.escalation.levels', from: ['assignee', 'teamLead', 'complaintsManager', 'director'], to: ['assignee', 'director'] },
      { path: 'stages.initialReview.escalation.onBreach.1.escalate', from: true, to: false },
    ]);
  });

  it('reports an added or removed field with null on the side it is missing', () => {
    const diff = changed((d) => {
      delete d.externalRemedies.default;
      d.externalRemedies.byCountry.TR![0]!.url = 'https://tuketici.ticaret.gov.tr';
    });
    expect(diff).toEqual([
      { path: 'externalRemedies.byCountry.TR.0.url', from: 'https://www.ticaret.gov.tr', to: 'https://tuketici.ticaret.gov.tr' },
      { path: 'externalRemedies.default', from: DEFAULT_PROCESS_DEFINITION.externalRemedies.default, to: null },
    ]);
  });

  it('reports fields it does not know by their path', () => {
    const to = { ...copy(), holidayPolicy: { closeOn: ['bayram'] } };
    expect(diffDefinitions(DEFAULT_PROCESS_DEFINITION, to)).toEqual([{ path: 'holidayPolicy', from: null, to: { closeOn: ['bayram'] } }]);
  });
});

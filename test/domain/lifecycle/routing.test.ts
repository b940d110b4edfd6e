// Routing at classification: a classification without a department takes the first routing rule
// that matches, and records which rule routed it; a department staff name wins over the rules.
import { describe, expect, it } from 'vitest';
import type { ProcessDefinition } from '../../../domain/process-definition.js';
import { beforeNewerParts, decide, definition, effectsOfKind, reach, refuse, SAMPLE_DECISIONS, step } from './fixtures.js';

const routed: ProcessDefinition = {
  ...definition,
  routing: {
    departments: [{ id: 'after_sales', teams: ['washing-machines', 'dishwashers'] }, { id: 'logistics' }, { id: 'quality' }],
    rules: [
      { id: 'wm-defects', when: { category: 'product_defect', product: 'WM-8000' }, department: 'after_sales', team: 'washing-machines' },
      { id: 'defects', when: { category: 'product_defect' }, department: 'quality' },
      { id: 'deliveries', when: { category: 'late_delivery' }, department: 'logistics', team: 'couriers' },
    ],
  },
};
const { department: _, ...classifyUnrouted } = SAMPLE_DECISIONS.classify;
const classify = (fields: Partial<typeof classifyUnrouted> = {}) => decide({ ...classifyUnrouted, ...fields });

describe('routing at classification', () => {
  it('sends a classification without a department where the first matching rule says, and records the rule', () => {
    const { state, effects } = step(reach('acknowledged', routed), classify(), routed);
    expect(state.status).toBe('investigating');
    expect(state.classification).toEqual({
      category: 'product_defect',
      product: 'WM-8000',
      severity: 'high',
      department: 'after_sales',
      team: 'washing-machines',
      routedBy: 'wm-defects',
    });
    expect(state.team).toBe('washing-machines');
    expect(effectsOfKind(effects, 'notify_staff')).toEqual([
      expect.objectContaining({ recipient: { kind: 'department', department: 'after_sales' }, template: 'complaint_routed' }),
    ]);
  });

  it('takes a later, more general rule when the specific one does not match', () => {
    const { state } = step(reach('acknowledged', routed), classify({ product: 'DW-300' }), routed);
    expect(state.classification).toMatchObject({ department: 'quality', routedBy: 'defects' });
    expect(state.classification).not.toHaveProperty('team');
    expect(state.team).toBeNull();
  });

  it('keeps a department staff name, and records no rule', () => {
    const { state } = step(reach('acknowledged', routed), decide(SAMPLE_DECISIONS.classify), routed);
    expect(state.classification).toEqual({ category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' });
    expect(state.team).toBeNull();
  });

  it('never replaces a team staff assigned; a routed team fills an empty one only', () => {
    const assigned = reach('in_review', routed); // assigned to team washing-machines by hand
    const { state } = step({ ...assigned, team: 'front-desk' }, classify({ category: 'late_delivery' }), routed);
    expect(state).toMatchObject({ team: 'front-desk', classification: { department: 'logistics', team: 'couriers', routedBy: 'deliveries' } });
  });

  it('moves a routed team along when a reclassification routes the complaint elsewhere', () => {
    const first = step(reach('acknowledged', routed), classify(), routed).state;
    const toLogistics = step(first, classify({ category: 'late_delivery' }), routed).state;
    expect(toLogistics).toMatchObject({ team: 'couriers', classification: { department: 'logistics', routedBy: 'deliveries' } });
    const toQuality = step(first, decide({ ...SAMPLE_DECISIONS.classify, department: 'quality' }), routed).state;
    expect(toQuality.team).toBeNull();
  });

  it.each<[string, ProcessDefinition, ReturnType<typeof classify>, string]>([
    ['no rule matches', routed, classify({ category: 'rudeness' }), 'required: no routing rule matches category "rudeness" and product "WM-8000"'],
    ['the process has no rules', definition, classify(), 'required: this process has no routing rules to choose one'],
    ['the definition predates routing', beforeNewerParts, classify(), 'required: this process has no routing rules to choose one'],
    [
      'the department named is not one the process lists',
      routed,
      decide({ ...SAMPLE_DECISIONS.classify, department: 'sales' }),
      'unknown department "sales"; the departments are after_sales, logistics, quality',
    ],
  ])('refuses the classification when %s (VALIDATION_FAILED on department)', (_name, def, event, message) => {
    const error = refuse(reach('acknowledged', def), event, def);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'department', message }] });
  });

  it('accepts any department under a process that lists none', () => {
    const open: ProcessDefinition = { ...routed, routing: { rules: routed.routing!.rules } };
    const { state } = step(reach('acknowledged', open), decide({ ...SAMPLE_DECISIONS.classify, department: 'sales' }), open);
    expect(state.classification?.department).toBe('sales');
  });
});

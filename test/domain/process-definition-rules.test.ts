// Cross-field rules of the parts process owners add: routing rules (departments and teams that
// exist, every rule reachable), decision roles (real roles and decisions, no dead end, readers
// decide nothing) and the survey.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import { DECISION_TYPES } from '../../domain/complaint.js';
import type { FieldIssue } from '../../domain/errors.js';
import { validateProcessDefinition } from '../../domain/process-definition.js';

type Loose = Record<string, any>;
const withPart = (part: Loose): unknown => ({ ...JSON.parse(JSON.stringify(DEFAULT_PROCESS_DEFINITION)), ...part });
const issuesOf = (part: Loose): FieldIssue[] => {
  const result = validateProcessDefinition(withPart(part));
  if (result.ok) throw new Error('accepted');
  return result.issues;
};
const accepts = (part: Loose) => expect(validateProcessDefinition(withPart(part))).toMatchObject({ ok: true });

const DEPARTMENTS = [
  { id: 'after_sales', teams: ['washing-machines', 'dishwashers'] },
  { id: 'billing', teams: [] },
  { id: 'logistics' },
];
const rule = (id: string, when: Loose, department: string, team?: string) => ({ id, when, department, ...(team ? { team } : {}) });

describe('routing rules', () => {
  it('accepts specific rules before general ones, and any department when none are listed', () => {
    accepts({
      routing: {
        departments: DEPARTMENTS,
        rules: [
          rule('wm-leaks', { category: 'product_defect', product: 'WM-8000' }, 'after_sales', 'washing-machines'),
          rule('defects', { category: 'product_defect' }, 'after_sales'),
          rule('deliveries', { category: 'delivery' }, 'logistics', 'any-team-goes'),
          rule('everything-else', {}, 'after_sales'),
        ],
      },
    });
    accepts({ routing: { rules: [rule('invoices', { category: 'invoice' }, 'finance', 'payables')] } });
  });

  it.each<[string, Loose, FieldIssue[]]>([
    ['a department that is not listed', { departments: DEPARTMENTS, rules: [rule('r', { category: 'x' }, 'sales')] },
      [{ path: 'routing.rules.0.department', message: 'unknown department "sales"; the departments listed are after_sales, billing, logistics' }]],
    ['a team the department does not have', { departments: DEPARTMENTS, rules: [rule('r', { category: 'x' }, 'after_sales', 'ovens')] },
      [{ path: 'routing.rules.0.team', message: 'department "after_sales" has no team "ovens"; its teams are washing-machines, dishwashers' }]],
    ['a team of a department without teams', { departments: DEPARTMENTS, rules: [rule('r', { category: 'x' }, 'billing', 'refunds')] },
      [{ path: 'routing.rules.0.team', message: 'department "billing" lists no teams' }]],
    ['a department listed twice', { departments: [...DEPARTMENTS, { id: 'billing' }], rules: [] },
      [{ path: 'routing.departments.3.id', message: 'department "billing" is already listed at routing.departments.1' }]],
    ['a team listed twice', { departments: [{ id: 'after_sales', teams: ['ovens', 'ovens'] }], rules: [] },
      [{ path: 'routing.departments.0.teams.1', message: 'team "ovens" is listed twice' }]],
    ['a rule id used twice', { rules: [rule('r', { category: 'x' }, 'a'), rule('r', { category: 'y' }, 'b')] },
      [{ path: 'routing.rules.1.id', message: 'rule id "r" is already used by routing.rules.0' }]],
    ['a rule after a more general one', { rules: [rule('defects', { category: 'defect' }, 'a'), rule('wm', { category: 'defect', product: 'WM' }, 'b')] },
      [{ path: 'routing.rules.1.when', message: 'never applies: rule "defects" (routing.rules.0) comes first and matches every complaint this one matches' }]],
    ['a rule after a catch-all', { rules: [rule('all', {}, 'a'), rule('wm', { product: 'WM' }, 'b')] },
      [{ path: 'routing.rules.1.when', message: 'never applies: rule "all" (routing.rules.0) comes first and matches every complaint this one matches' }]],
    ['a rule repeating an earlier condition', { rules: [rule('a', { product: 'WM' }, 'a'), rule('b', { product: 'WM' }, 'b')] },
      [{ path: 'routing.rules.1.when', message: 'never applies: rule "a" (routing.rules.0) comes first and matches every complaint this one matches' }]],
    ['an id with capitals and spaces', { rules: [rule('After Sales', { category: 'x' }, 'a')] },
      [{ path: 'routing.rules.0.id', message: 'expected an id of lower-case letters, digits, _ and -, like washing-machines' }]],
    ['a blank department', { rules: [rule('r', { category: 'x' }, '   ')] },
      [{ path: 'routing.rules.0.department', message: 'must not be blank' }]],
    ['an unknown condition', { rules: [rule('r', { channel: 'web' }, 'a')] },
      [{ path: 'routing.rules.0.when.channel', message: 'unknown field; the fields here are category, product' }]],
    ['rules missing', {}, [{ path: 'routing.rules', message: 'required' }]],
  ])('reports %s', (_name, routing, expected) => {
    expect(issuesOf({ routing })).toEqual(expected);
  });
});

describe('decision roles', () => {
  const { decisionRoles } = DEFAULT_PROCESS_DEFINITION;

  it('accepts agents who may mark duplicates, and a role left out (it takes no decisions)', () => {
    accepts({ decisionRoles: { ...decisionRoles, agent: [...decisionRoles.agent!, 'mark_duplicate'] } });
    accepts({ decisionRoles: { supervisor: [...DECISION_TYPES] } });
  });

  it.each<[string, Loose, FieldIssue[]]>([
    ['a role that does not exist', { ...decisionRoles, manager: ['note'] },
      [{ path: 'decisionRoles.manager', message: 'unknown role; roles are agent, supervisor, process_owner, auditor, admin' }]],
    ['a decision that does not exist', { ...decisionRoles, supervisor: ['note', 'approve'] },
      [{ path: 'decisionRoles.supervisor.1', message: `unknown decision; decisions are ${DECISION_TYPES.join(', ')}` }]],
    ['a decision listed twice', { ...decisionRoles, admin: ['note', ...DECISION_TYPES] },
      [{ path: 'decisionRoles.admin.7', message: '"note" is listed twice' }]],
    ['a decision for process owners', { ...decisionRoles, process_owner: ['note'] },
      [{ path: 'decisionRoles.process_owner', message: 'process owners change the process and take no decisions: leave this list empty' }]],
    ['a decision for auditors', { ...decisionRoles, auditor: ['escalate'] },
      [{ path: 'decisionRoles.auditor', message: 'auditors review how complaints are handled and take no decisions: leave this list empty' }]],
    ['nobody who may classify', { supervisor: DECISION_TYPES.filter((t) => t !== 'classify') },
      [{ path: 'decisionRoles', message: 'no role may take "classify", so a complaint could never leave its initial review' }]],
    ['a list instead of roles', ['agent'], [{ path: 'decisionRoles', message: 'must be an object, not a list' }]],
  ])('reports %s', (_name, roles, expected) => {
    expect(issuesOf({ decisionRoles: roles })).toEqual(expected);
  });

  it('names every decision a complaint could not move on without', () => {
    expect(issuesOf({ decisionRoles: { agent: ['note'] } })).toEqual([
      {
        path: 'decisionRoles',
        message:
          'no role may take "acknowledge", so a complaint from a customer we cannot reach by e-mail or phone would never be acknowledged; ' +
          'no role may take "classify", so a complaint could never leave its initial review; ' +
          'no role may take "propose_resolution", so no complaint could ever be given a resolution; ' +
          'no role may take "record_external_outcome", so a complaint taken to an external body could never close',
      },
    ]);
  });
});

describe('the satisfaction survey', () => {
  it('accepts a process that surveys nobody', () => accepts({ survey: { lifetime: { calendarDays: 14 }, afterClosures: [] } }));
  it('accepts a lifetime in working days', () => accepts({ survey: { lifetime: { workingDays: 10 }, afterClosures: ['accepted'] } }));

  it.each<[string, Loose, FieldIssue[]]>([
    ['a lifetime of zero days', { lifetime: { calendarDays: 0 }, afterClosures: [] },
      [{ path: 'survey.lifetime.calendarDays', message: 'must be ≥ 1' }]],
    ['a lifetime over a year', { lifetime: { calendarDays: 366 }, afterClosures: [] },
      [{ path: 'survey.lifetime.calendarDays', message: 'must be ≤ 365' }]],
    ['a lifetime of zero working days', { lifetime: { workingDays: 0 }, afterClosures: [] },
      [{ path: 'survey.lifetime.workingDays', message: 'must be ≥ 1' }]],
    ['a lifetime in both units', { lifetime: { calendarDays: 30, workingDays: 10 }, afterClosures: [] },
      [{ path: 'survey.lifetime', message: 'give either calendarDays or workingDays, not both' }]],
    ['a lifetime in no unit', { lifetime: { weeks: 2 }, afterClosures: [] },
      [{ path: 'survey.lifetime', message: 'expected a lifetime: { "calendarDays": n } or { "workingDays": n }' }]],
    ['an unknown closure', { lifetime: { calendarDays: 30 }, afterClosures: ['accepted', 'happy'] },
      [{ path: 'survey.afterClosures.1', message: 'unknown closure; closures are accepted, deemed_accepted, withdrawn, out_of_scope, duplicate, external_decision, no_response' }]],
    ['a closure listed twice', { lifetime: { calendarDays: 30 }, afterClosures: ['accepted', 'withdrawn', 'accepted'] },
      [{ path: 'survey.afterClosures.2', message: '"accepted" is listed twice' }]],
  ])('reports %s', (_name, survey, expected) => {
    expect(issuesOf({ survey })).toEqual(expected);
  });
});

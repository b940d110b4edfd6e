// Cross-field rules of the process definition, each attached to the smallest part it needs (so a
// mistake elsewhere does not hide it). Paths are relative to that part; zod prefixes the rest.
import type { z } from 'zod';
import { DECIDING_ROLES, isDecidingRole, type DecisionType, type Role } from './complaint.js';
import type {
  DecisionRoles,
  ExternalRemedies,
  ExternalRemedy,
  ProcessDefinition,
  RoutingPolicy,
  RoutingRule,
  SurveyPolicy,
} from './process-definition.js';

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

const report = (ctx: Ctx, path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });

/** The conclusion's deadline is added to the investigation clocks: one unit, or no sum. */
export function checkStages(stages: ProcessDefinition['stages'], ctx: Ctx): void {
  const unitOf = (d: { workingDays: number } | { workingHours: number }) => ('workingDays' in d ? 'workingDays' : 'workingHours');
  const conclusionUnit = unitOf(stages.conclusion.deadline);
  const others = (['investigation', 'reinvestigation'] as const).filter((s) => unitOf(stages[s].deadline) !== conclusionUnit);
  if (others.length > 0) {
    report(
      ctx,
      ['conclusion', 'deadline'],
      `must be in the same unit as the ${others.join(' and ')} deadline${others.length > 1 ? 's' : ''} ` +
        `(${unitOf(stages[others[0]!].deadline)}), to which it is added`,
    );
  }
}

/** Every remedy list: unique ids, and a text in the fallback locale for every remedy. */
export function checkExternalRemedies(remedies: ExternalRemedies, ctx: Ctx): void {
  const lists: [Path, ExternalRemedy[]][] = Object.entries(remedies.byCountry).map(([country, list]) => [['byCountry', country], list]);
  if (remedies.default) lists.push([['default'], remedies.default]);
  for (const [path, list] of lists) {
    const seen = new Map<string, number>();
    list.forEach((remedy, i) => {
      const first = seen.get(remedy.id);
      if (first !== undefined) report(ctx, [...path, i, 'id'], `remedy id "${remedy.id}" is already used by entry ${first} of this list`);
      else seen.set(remedy.id, i);
      if (!remedy.texts[remedies.fallbackLocale]) {
        report(ctx, [...path, i, 'texts', remedies.fallbackLocale], `needs a text in the fallback locale ${remedies.fallbackLocale}`);
      }
    });
  }
}

/** The customer of the calendar's country must be told where to go, by their list or the default. */
export function checkRemediesForCalendarCountry(definition: ProcessDefinition, ctx: Ctx): void {
  const country = definition.calendarId.slice(0, 2);
  const { byCountry } = definition.externalRemedies;
  if (!byCountry[country] && !definition.externalRemedies.default) {
    report(ctx, ['externalRemedies', 'byCountry', country], `needs remedies for the calendar's country ${country}, or a default list`);
  }
}

/**
 * Departments and teams listed once; rules with unique ids, naming listed departments and teams
 * (when listed), and each reachable: a rule after one at least as general never applies.
 */
export function checkRouting(routing: RoutingPolicy, ctx: Ctx): void {
  const { departments, rules } = routing;
  departments?.forEach((department, i) => {
    const first = departments.findIndex((d) => d.id === department.id);
    if (first < i) report(ctx, ['departments', i, 'id'], `department "${department.id}" is already listed at routing.departments.${first}`);
    department.teams?.forEach((team, j) => {
      if (department.teams!.indexOf(team) < j) report(ctx, ['departments', i, 'teams', j], `team "${team}" is listed twice`);
    });
  });
  rules.forEach((rule, i) => {
    const first = rules.findIndex((r) => r.id === rule.id);
    if (first < i) report(ctx, ['rules', i, 'id'], `rule id "${rule.id}" is already used by routing.rules.${first}`);
    if (departments) checkRuleTarget(rule, departments, (path, message) => report(ctx, ['rules', i, path], message));
    const shadowing = rules.slice(0, i).findIndex((earlier) => covers(earlier.when, rule.when));
    if (shadowing >= 0) {
      report(
        ctx,
        ['rules', i, 'when'],
        `never applies: rule "${rules[shadowing]!.id}" (routing.rules.${shadowing}) comes first and matches every complaint this one matches`,
      );
    }
  });
}

function checkRuleTarget(
  rule: RoutingRule,
  departments: NonNullable<RoutingPolicy['departments']>,
  fail: (path: 'department' | 'team', message: string) => void,
): void {
  const department = departments.find((d) => d.id === rule.department);
  if (!department) {
    const known = departments.map((d) => d.id).join(', ') || 'none';
    fail('department', `unknown department "${rule.department}"; the departments listed are ${known}`);
    return;
  }
  if (rule.team === undefined || !department.teams || department.teams.includes(rule.team)) return;
  fail(
    'team',
    department.teams.length === 0
      ? `department "${department.id}" lists no teams`
      : `department "${department.id}" has no team "${rule.team}"; its teams are ${department.teams.join(', ')}`,
  );
}

/** `a` matches every complaint `b` matches: each condition of `a` is one of `b`'s. */
function covers(a: RoutingRule['when'], b: RoutingRule['when']): boolean {
  return (a.category === undefined || a.category === b.category) && (a.product === undefined || a.product === b.product);
}

/** Why a process needs someone who may take the decision. */
const NEEDED_DECISIONS: readonly [DecisionType, string][] = [
  ['acknowledge', 'a complaint from a customer we cannot reach by e-mail or phone would never be acknowledged'],
  ['classify', 'a complaint could never leave its initial review'],
  ['propose_resolution', 'no complaint could ever be given a resolution'],
  ['record_external_outcome', 'a complaint taken to an external body could never close'],
];

const READER_ROLES: Partial<Record<Role, string>> = {
  process_owner: 'process owners change the process and take no decisions: leave this list empty',
  auditor: 'auditors review how complaints are handled and take no decisions: leave this list empty',
};

/**
 * Each decision listed once per role; none for the reading roles (the API refuses them without
 * asking the workflow); and someone may take each decision a complaint cannot move on without.
 */
export function checkDecisionRoles(roles: DecisionRoles, ctx: Ctx): void {
  for (const [role, types] of Object.entries(roles) as [Role, DecisionType[]][]) {
    types.forEach((type, i) => {
      if (types.indexOf(type) < i) report(ctx, [role, i], `"${type}" is listed twice`);
    });
    if (!isDecidingRole(role) && types.length > 0) report(ctx, [role], READER_ROLES[role] ?? 'this role takes no decisions');
  }
  // One issue for the whole mapping (one entry per path), naming each missing decision.
  const missing = NEEDED_DECISIONS.filter(([type]) => !DECIDING_ROLES.some((role) => roles[role]?.includes(type)));
  if (missing.length > 0) {
    report(ctx, [], missing.map(([type, consequence]) => `no role may take "${type}", so ${consequence}`).join('; '));
  }
}

export function checkSurvey(survey: SurveyPolicy, ctx: Ctx): void {
  survey.afterClosures.forEach((closure, i) => {
    if (survey.afterClosures.indexOf(closure) < i) report(ctx, ['afterClosures', i], `"${closure}" is listed twice`);
  });
}

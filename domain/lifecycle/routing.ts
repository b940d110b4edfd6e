// Routing at classification: which department (and team) a classified complaint goes to. A
// decision that names a department keeps it: staff judgement wins over a default rule. Without
// one, the first routing rule of the pinned definition that matches category and product decides,
// and the classification records the rule's id. Pure, so a simulation routes as the workflow does.
import type { FieldIssue } from '../errors.js';
import type { ProcessDefinition, RoutingRule } from '../process-definition.js';
import type { Classification, ComplaintState } from './state.js';

export interface Routing {
  department: string;
  /** The rule's team, when a rule routed it and names one. */
  team?: string;
  /** The id of the rule that routed it; absent when the decision named the department. */
  ruleId?: string;
}

/** Where a `classify` decision sends the complaint, or why it cannot (an issue at `department`). */
export function routeClassification(
  definition: ProcessDefinition,
  decision: { category: string; product: string; department?: string | undefined },
): Routing | FieldIssue {
  const routing = definition.routing;
  const departments = routing?.departments;
  if (decision.department !== undefined) {
    if (departments && !departments.some((d) => d.id === decision.department)) {
      const known = departments.map((d) => d.id).join(', ') || 'none';
      return { path: 'department', message: `unknown department "${decision.department}"; the departments are ${known}` };
    }
    return { department: decision.department };
  }
  const rule = routing?.rules.find((r) => matches(r, decision));
  if (!rule) {
    return {
      path: 'department',
      message:
        routing && routing.rules.length > 0
          ? `required: no routing rule matches category "${decision.category}" and product "${decision.product}"`
          : 'required: this process has no routing rules to choose one',
    };
  }
  return { department: rule.department, ...(rule.team !== undefined ? { team: rule.team } : {}), ruleId: rule.id };
}

export function isRouted(routing: Routing | FieldIssue): routing is Routing {
  return 'department' in routing;
}

/** The classification as recorded: the routed team and rule only when a rule routed it. */
export function classificationOf(
  decision: Pick<Classification, 'category' | 'product' | 'severity'>,
  routing: Routing,
): Classification {
  const { category, product, severity } = decision;
  return {
    category,
    product,
    severity,
    department: routing.department,
    ...(routing.team !== undefined ? { team: routing.team } : {}),
    ...(routing.ruleId !== undefined ? { routedBy: routing.ruleId } : {}),
  };
}

/**
 * The complaint's team after a (re)classification. A team that routing set follows the routing
 * (replaced by the new rule's team, dropped when the department changes without one); a team
 * staff set with `assign` stays, and a routed team fills only an empty one.
 */
export function teamAfterRouting(state: ComplaintState, before: Classification | null, routing: Routing): string | null {
  const routedTeam = before?.routedBy !== undefined ? before.team : undefined;
  const teamFromRouting = routedTeam !== undefined && state.team === routedTeam;
  if (routing.team !== undefined) return state.team === null || teamFromRouting ? routing.team : state.team;
  return teamFromRouting && routing.department !== before?.department ? null : state.team;
}

function matches(rule: RoutingRule, decision: { category: string; product: string }): boolean {
  const { category, product } = rule.when;
  return (category === undefined || category === decision.category) && (product === undefined || product === decision.product);
}

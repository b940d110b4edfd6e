// The query and the answer of GET /v1/complaints (names fixed in the issue's contract).
import { z } from '@hono/zod-openapi';
import { CHANNELS, CLOSURES, COMPLAINT_STATUSES, SEVERITIES, STAGES } from '../../domain/complaint.js';
import { SORTS } from '../../read-model/complaint-search.js';
import { complaintSchema } from './complaints.schemas.js';
import { instantOrDaySchema } from '../http/instant-or-day.js';
import { ruleIssue } from '../../domain/schema-issues.js';
import { commaList, oneOfItem, textItem, type ListItem } from '../http/comma-list.js';

const param = (name: string, description: string, example?: string) => ({ param: { name, in: 'query' as const }, description, ...(example ? { example } : {}) });

/** `a,b,c` → ['a','b','c'], each value one `item`. */
function listOf(name: string, item: ListItem, description: string, example: string) {
  return commaList(item)
    .optional()
    .meta(param(name, `${description} Several values, comma-separated, match any of them.`, example));
}

const oneOf = oneOfItem;
const text = textItem(200);

/** An instant (`2026-03-01T09:00:00+03:00`) or a day (`2026-03-01`, a whole UTC day). */
function instantOrDay(name: string, description: string, end: boolean) {
  return instantOrDaySchema(end)
    .optional()
    .meta(param(name, description, end ? '2026-03-31' : '2026-03-01'));
}

const flag = (name: string, description: string) =>
  z.enum(['true', 'false'], { error: 'expected true or false' }).transform((v) => v === 'true').optional().meta(param(name, description, 'true'));

export const complaintListQuerySchema = z
  .object({
    status: listOf('status', oneOf(COMPLAINT_STATUSES), 'Status.', 'investigating,awaiting_customer'),
    stage: listOf('stage', oneOf(STAGES), 'The running stage.', 'investigation'),
    closure: listOf('closure', oneOf(CLOSURES), 'Why it closed.', 'accepted'),
    category: listOf('category', text, 'Category.', 'product_defect'),
    product: listOf('product', text, 'Product.', 'WM-8000'),
    department: listOf('department', text, 'Department.', 'after_sales'),
    team: listOf('team', text, 'Team.', 'tr-support'),
    assignee: listOf('assignee', text, 'Assignee\'s staff id; `me` is the caller.', 'me'),
    channel: listOf('channel', oneOf(CHANNELS), 'Channel it came through.', 'web'),
    severity: listOf('severity', oneOf(SEVERITIES), 'Severity.', 'high,critical'),
    escalationLevel: listOf('escalationLevel', text, 'Escalation level reached.', 'teamLead'),
    processVersion: listOf('processVersion', text, 'Process version, `id@version`.', 'iso-10002-default@1'),
    atRisk: flag('atRisk', 'Past the running stage\'s warning point (clock not paused), whether or not the deadline has passed too.'),
    breached: flag('breached', 'A stage deadline was breached at least once (`breachCount > 0`).'),
    receivedFrom: instantOrDay('receivedFrom', 'Received at or after this instant (a day: from its start, UTC).', false),
    receivedTo: instantOrDay('receivedTo', 'Received before this instant (a day: up to its end, UTC).', true),
    closedFrom: instantOrDay('closedFrom', 'Closed at or after this instant (a day: from its start, UTC).', false),
    closedTo: instantOrDay('closedTo', 'Closed before this instant (a day: up to its end, UTC).', true),
    q: z
      .string()
      .max(200, 'at most 200 characters')
      .transform((s) => s.trim() || undefined)
      .optional()
      .meta(
        param(
          'q',
          'Free text over subject and description, full-text: Turkish and English words match their other forms as the ' +
            'snowball stemmers see them (`refunds` finds `refund`; `makineler` finds `makine`), other languages as written. ' +
            'Web search syntax: `"a phrase"`, `or`, `-word`.',
          'iade',
        ),
      ),
    customerEmail: z
      .string()
      .max(320, 'at most 320 characters')
      .optional()
      .meta(param('customerEmail', 'Exact e-mail address (case and surrounding space ignored), matched by keyed hash.', 'ayse@example.com')),
    customerPhone: z
      .string()
      .max(40, 'at most 40 characters')
      .optional()
      .meta(
        param(
          'customerPhone',
          'Exact phone number in any spelling (`+90 532 123 45 67`, `0532 123 45 67`, `00905321234567`), matched by keyed hash.',
          '+90 532 123 45 67',
        ),
      ),
    sort: z
      .enum(SORTS, { error: `expected one of ${SORTS.join(', ')}` })
      .default('-receivedAt')
      .meta(
        param(
          'sort',
          'Order; `-` for descending (default `-receivedAt`). Ties are broken by id. For `stageDeadline` a complaint ' +
            'without a running deadline counts as infinitely far (last ascending, first descending).',
        ),
      ),
    limit: z.coerce
      .number({ error: 'expected a whole number from 1 to 100' })
      .int('expected a whole number from 1 to 100')
      .min(1, 'expected a whole number from 1 to 100')
      .max(100, 'expected a whole number from 1 to 100')
      .default(25)
      .meta(param('limit', 'Items per page, 1–100 (default 25).', '25')),
    cursor: z.string().max(512, 'not a cursor this API gave out').optional().meta(param('cursor', 'The previous answer\'s `nextCursor`, with the same filters and sort.')),
  })
  .superRefine((q, ctx) => {
    // Also runs when another field failed: a bound that failed is then not a Date.
    for (const [from, to] of [['receivedFrom', 'receivedTo'], ['closedFrom', 'closedTo']] as const) {
      const a: unknown = q[from];
      const b: unknown = q[to];
      if (a instanceof Date && b instanceof Date && a.getTime() >= b.getTime()) ctx.addIssue(ruleIssue([from], `must be before ${to}`));
    }
  });

export type ComplaintListQuery = z.infer<typeof complaintListQuerySchema>;

export const complaintListSchema = z
  .object({
    items: z.array(complaintSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last' }),
    total: z
      .object({
        count: z.number().int(),
        exact: z.boolean().meta({ description: 'False above 1000 matches: `count` is then the planner\'s estimate (never below 1001)' }),
      })
      .meta({ description: 'How many complaints match the filters (all pages)' }),
  })
  .meta({ id: 'ComplaintList' });

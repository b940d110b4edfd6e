// A process owner's company closure reaches complaints filed after it, through a real worker on
// the real TR calendar (not the round-the-clock one): its initial review ends a working day later,
// while a complaint already running keeps the deadline it was given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintSchema } from '../../api/staff/complaints.schemas.js';
import { deadlineSchema } from '../../api/staff/calendars.schemas.js';
import { complaintDriver, type ComplaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess } from '../helpers/process.js';

let ctx: IntegrationContext;
let d: ComplaintDriver;

const onTurkishDays = quietProcess((def) => {
  def.calendarId = 'TR';
  def.stages.initialReview.deadline = { workingDays: 2 };
});

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, onTurkishDays);
});
// The database is shared by every test file and versions cannot be deleted: put back an empty set.
afterAll(async () => {
  await putTr({ changeNote: 'Test over: back to the shipped calendar' });
  await ctx.close();
});

const putTr = (body: unknown) =>
  d.app.request('/v1/calendars/TR/overrides', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...bearer('process_owner') },
    body: JSON.stringify(body),
  });

/** The initial review's stage as staff see it, once the workflow has started its clock. */
const initialReview = (c: FiledComplaint) =>
  eventually(async () => {
    const res = await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') });
    const { stage } = complaintSchema.parse(await res.json());
    return stage?.id === 'initialReview' && stage.deadline && stage.startedAt ? { startedAt: stage.startedAt, deadline: stage.deadline } : undefined;
  });

const istanbulDate = (at: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));

describe('a company closure stored by the process owner', () => {
  it('gives a complaint filed after it the later deadline the calendar route shows, and leaves running ones be', async () => {
    expect((await putTr({ changeNote: 'Clean slate' })).status).toBeLessThan(300);
    const first = await d.file();
    const before = await initialReview(first);

    // Close the very day the first complaint's review is due.
    const closedDay = istanbulDate(before.deadline);
    const put = await putTr({ exceptions: [{ kind: 'closed', date: closedDay, name: 'Şirket tatili' }], changeNote: 'Office closed' });
    expect(put.status, JSON.stringify(await put.clone().json())).toBe(201);

    const after = await initialReview(await d.file());
    // A whole closed day later (the second complaint came only seconds after the first).
    expect(Date.parse(after.deadline)).toBeGreaterThan(Date.parse(before.deadline) + 12 * 3_600_000);
    expect(istanbulDate(after.deadline)).not.toBe(closedDay);
    const query = new URLSearchParams({ from: after.startedAt, workingDays: '2' });
    const shown = deadlineSchema.parse(await (await d.app.request(`/v1/calendars/TR/deadline?${query}`, { headers: bearer('process_owner') })).json());
    expect(Date.parse(after.deadline)).toBe(Date.parse(shown.deadline));
    // The complaint already running keeps its deadline (a migration plan may move it, nothing else).
    expect((await initialReview(first)).deadline).toBe(before.deadline);
  });
});

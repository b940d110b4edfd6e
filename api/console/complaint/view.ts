// What the complaint page is built from, read through the API as the signed-in person; and the
// small readers of it the page shares (dates in the staff member's language, names of people).
import type { ConsoleApi } from '../api-client.js';
import type { ComplaintView } from '../../staff/complaints.schemas.js';
import type { DecisionType } from '../../../domain/complaint.js';
import { CALENDAR_DEFINITIONS } from '../../../domain/calendar/definitions.js';
import { formatInstant } from '../../../texts/format.js';
import type { ConsoleLanguage } from '../../../texts/console/languages.js';
import { vocabularyOf, type Classifications, type ClassifyVocabulary } from './classify-values.js';

export interface TimelineEntry {
  seq: number;
  type: string;
  actor: { id: string; role: string };
  at: string;
  data: Record<string, unknown>;
}

export interface MessageEntry {
  id: number;
  seq: number;
  audience: 'customer' | 'staff';
  channel: string;
  recipient: string;
  template: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  retriedBy: string | null;
  retriedAt: string | null;
}

export interface AttachmentEntry {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface Directory {
  people: ReadonlyMap<string, string>;
  teams: readonly { id: string; name: string }[];
  departments: readonly { id: string; name: string }[];
}

export interface ComplaintPageData {
  complaint: ComplaintView;
  /** The earlier complaint this one repeats (`complaint.repeatOf`), as the API shows it; null when none or unreadable. */
  repeated: ComplaintView | null;
  etag: string | null;
  timeline: TimelineEntry[];
  messages: MessageEntry[];
  attachments: AttachmentEntry[];
  directory: Directory;
  /** What the classify form offers (read only when the form is shown). */
  vocabulary: ClassifyVocabulary;
}

/** Everything the page shows, or the API's status when the complaint itself cannot be read (403, 404). */
export async function loadComplaintPage(api: ConsoleApi, reference: string, language: ConsoleLanguage): Promise<{ ok: true; data: ComplaintPageData } | { ok: false; status: number }> {
  const path = `/v1/complaints/${encodeURIComponent(reference)}`;
  const complaint = await api.get<ComplaintView>(path);
  if (!complaint.ok) return { ok: false, status: complaint.status };
  const repeatOf = complaint.data.repeatOf;
  const [events, messages, attachments, people, teams, departments, vocabulary, repeated] = await Promise.all([
    api.get<TimelineEntry[]>(`${path}/events`),
    api.get<MessageEntry[]>(`${path}/messages`),
    api.get<AttachmentEntry[]>(`${path}/attachments`),
    api.get<{ people: { id: string; name: string }[] }>('/v1/staff'),
    api.get<{ teams: { id: string; name: string }[] }>('/v1/teams'),
    api.get<{ departments: { id: string; name: string }[] }>('/v1/departments'),
    complaint.data.allowedDecisions?.includes('classify') ? loadVocabulary(api, complaint.data, language) : Promise.resolve(vocabularyOf(undefined, undefined)),
    repeatOf ? api.get<ComplaintView>(`/v1/complaints/${encodeURIComponent(repeatOf.reference)}`) : null,
  ]);
  return {
    ok: true,
    data: {
      complaint: complaint.data,
      repeated: repeated?.ok ? repeated.data : null,
      etag: complaint.headers.get('etag'),
      timeline: events.ok ? events.data : [],
      messages: messages.ok ? messages.data : [],
      attachments: attachments.ok ? attachments.data : [],
      directory: {
        people: new Map((people.ok ? people.data.people : []).map((p) => [p.id, p.name])),
        teams: teams.ok ? teams.data.teams : [],
        departments: departments.ok ? departments.data.departments : [],
      },
      vocabulary,
    },
  };
}

/** The classify form's known values: the API's, and the routing values of the complaint's own process version. */
export async function loadVocabulary(api: ConsoleApi, complaint: Pick<ComplaintView, 'process'>, language: ConsoleLanguage): Promise<ClassifyVocabulary> {
  const pinned = complaint.process;
  const [known, version] = await Promise.all([
    api.get<Classifications>('/v1/classifications', { lang: language }),
    pinned ? api.get<{ content: Record<string, unknown> }>(`/v1/process-definitions/${encodeURIComponent(pinned.definitionId)}/versions/${pinned.version}`) : undefined,
  ]);
  return vocabularyOf(known.ok ? known.data : undefined, version?.ok ? version.data : undefined);
}

/** The complaint's calendar's zone: its deadlines are set in it, so its times read in it too (the zone named). */
export function timeZoneOf(complaint: ComplaintView): string {
  return CALENDAR_DEFINITIONS.find((d) => d.id === complaint.calendarId)?.timeZone ?? 'UTC';
}

export function instantFormatter(language: ConsoleLanguage, timeZone: string) {
  return (value: string | null | undefined): string => (value ? (formatInstant(value, language, timeZone, { withZoneName: true }) ?? value) : '');
}

export type FormatInstant = ReturnType<typeof instantFormatter>;

/** The lifecycle's parts the page reads (its state is the reducer's; the API passes it through). */
export interface LifecycleView {
  stage?: { pausedAt?: string | null } | null;
  pendingInfoRequest?: { requestId: string; question: string; askedAt: string; askedBy: string } | null;
  correctiveActions?: { id: string; rootCause: string; action: string; owner: string; dueDate: string; recordedAt: string; recordedBy: string }[];
  classification?: { category: string; product: string; severity: string; department: string; team?: string } | null;
}

export function lifecycleOf(complaint: ComplaintView): LifecycleView {
  return (complaint.lifecycle ?? {}) as LifecycleView;
}

export const DECISION_PATH = (reference: string, type: DecisionType) => `/console/complaints/${reference}/decisions/${type}`;

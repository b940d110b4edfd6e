// Drives /v1/process-definitions and /v1/process-selection as a process owner would, on a fresh
// definition per test (the database is shared by every test file: the shipped default is only read).
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Role } from '../../domain/complaint.js';
import type { ProcessDefinition } from '../../domain/process-definition.js';
import type { ProcessSelection } from '../../domain/process-definitions/selection.js';
import type { createApp } from '../../api/app.js';
import { bearer } from './integration.js';

type App = ReturnType<typeof createApp>;

export interface StoredVersion {
  definitionId: string;
  version: number;
  status: string;
  contentHash: string;
  basedOn: number | null;
  author: string;
  publishedBy: string | null;
  changeNote: string | null;
  content: ProcessDefinition;
}

/** The selection every test file leaves behind: every complaint on the shipped default. */
export const DEFAULT_SELECTION: ProcessSelection = { rules: [], defaultDefinitionId: 'iso-10002-default' };

export function processOwnerClient(app: App) {
  const call = (method: string, path: string, role: Role = 'process_owner', body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { ...bearer(role), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ok = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
    const answered = await res;
    expect(answered.status, await answered.clone().text()).toBe(status);
    return (await answered.json()) as T;
  };
  const client = {
    call,
    ok,
    /** A new definition whose draft v1 copies the shipped default (or `content`). */
    async newDefinition(content?: ProcessDefinition): Promise<StoredVersion> {
      const id = `test-${randomUUID().slice(0, 8)}`;
      const body = content ? { id, content } : { id, from: { definitionId: 'iso-10002-default', version: 1 } };
      return ok(call('POST', '/v1/process-definitions', 'process_owner', body), 201);
    },
    version: (id: string, version: number) => ok<StoredVersion>(call('GET', `/v1/process-definitions/${id}/versions/${version}`)),
    replace: (id: string, version: number, content: unknown) => call('PUT', `/v1/process-definitions/${id}/versions/${version}`, 'process_owner', content),
    publish: (id: string, version: number, changeNote = 'Tested.') =>
      call('POST', `/v1/process-definitions/${id}/versions/${version}/publish`, 'process_owner', { changeNote }),
    newDraft: (id: string, from?: number) => call('POST', `/v1/process-definitions/${id}/versions`, 'process_owner', from === undefined ? {} : { from }),
    retire: (id: string, version: number) => call('POST', `/v1/process-definitions/${id}/versions/${version}/retire`),
    selectRules: (selection: ProcessSelection & { note?: string }) => call('PUT', '/v1/process-selection', 'process_owner', selection),
    /** Publishes `content` (its id and version are set by the server) as the next version of `id`. */
    async publishNext(id: string, edit: (d: ProcessDefinition) => void, changeNote = 'Tested.'): Promise<StoredVersion> {
      const draft = await ok<StoredVersion>(client.newDraft(id), 201);
      const content = structuredClone(draft.content);
      edit(content);
      await ok(client.replace(id, draft.version, content));
      return ok<StoredVersion>(client.publish(id, draft.version, changeNote));
    },
  };
  return client;
}

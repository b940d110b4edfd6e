// OpenAPI `links` (3.1 §4.8.20): which later operation a response's id feeds. A client (and
// schemathesis' stateful phase) follows them from a created object to the calls that use it, so
// they reach real complaints and directory entries instead of ids nobody created.

/** A JSON Pointer to an operation of this document: `#/paths/~1v1~1complaints~1{reference}/get`. */
function operationRef(path: string, method: 'get' | 'post' | 'patch' | 'put' | 'delete'): string {
  return `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}`;
}

type Operation = readonly [path: string, method: 'get' | 'post' | 'patch' | 'put' | 'delete', name: string];

/** Links from a response whose body's `field` is the path parameter `parameter` of each operation. */
export function linksFrom(field: string, parameter: string, operations: readonly Operation[]) {
  return Object.fromEntries(
    operations.map(([path, method, name]) => [
      name,
      { operationRef: operationRef(path, method), parameters: { [parameter]: `$response.body#/${field}` } },
    ]),
  );
}

/** From a filed complaint to the calls on it. */
export const COMPLAINT_LINKS = linksFrom('reference', 'reference', [
  ['/v1/complaints/{reference}', 'get', 'ReadComplaint'],
  ['/v1/complaints/{reference}/events', 'get', 'ReadTimeline'],
  ['/v1/complaints/{reference}/messages', 'get', 'ReadMessages'],
  ['/v1/complaints/{reference}/attachments', 'get', 'ListAttachments'],
  ['/v1/complaints/{reference}/decisions', 'post', 'Decide'],
]);

/** From a directory entry (person, team, department) to reading, changing and deleting it. */
export function directoryLinks(collection: 'staff' | 'teams' | 'departments') {
  const item = `/v1/${collection}/{id}`;
  return linksFrom('id', 'id', [
    [item, 'get', 'Read'],
    [item, 'patch', 'Change'],
    [item, 'delete', 'Delete'],
  ]);
}

/** From a process definition to its reading and its drafts. */
export const DEFINITION_LINKS = linksFrom('definitionId', 'id', [
  ['/v1/process-definitions/{id}', 'get', 'ReadDefinition'],
  ['/v1/process-definitions/{id}/versions', 'post', 'NewDraft'],
]);

/** From an issued key to rotating and revoking it. */
export const API_KEY_LINKS = linksFrom('key/id', 'id', [
  ['/v1/api-keys/{id}/rotation', 'post', 'Rotate'],
  ['/v1/api-keys/{id}', 'delete', 'Revoke'],
]);

// A known path asked with a method it does not take answers 405 with `Allow`, not 404: the client
// learns that the address is right and which methods it takes (RFC 9110 §15.5.6).
import type { RouterRoute } from 'hono/types';

/** Methods that Hono answers for a route of the given method, besides the method itself. */
const IMPLIED: Readonly<Record<string, readonly string[]>> = { GET: ['HEAD'] };

/** The methods the app's routes take on `path`, sorted; empty when no route has the path. */
export function allowedMethods(routes: readonly Pick<RouterRoute, 'method' | 'path'>[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || !pathPattern(route.path).test(path)) continue; // middleware
    methods.add(route.method);
    for (const implied of IMPLIED[route.method] ?? []) methods.add(implied);
  }
  return [...methods].sort();
}

const patterns = new Map<string, RegExp>();

/** `/v1/complaints/:reference/decisions` → a RegExp matching that path with any reference. */
function pathPattern(path: string): RegExp {
  let pattern = patterns.get(path);
  if (!pattern) {
    const source = path
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    pattern = new RegExp(`^${source}$`);
    patterns.set(path, pattern);
  }
  return pattern;
}

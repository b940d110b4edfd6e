// /console/assets/…: the console's scripts and styles, all served by us (no CDN, nothing from
// outside): three maintained libraries from node_modules and our own files in ./assets/. Read once
// at start; each response carries a strong ETag and is cached for an hour.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
/** A package's folder, found from its main entry (chart.js's exports hide its package.json). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!(basename(dir) === name && basename(dirname(dir)) === 'node_modules')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
}
const OWN_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

const vendorFiles = (): Readonly<Record<string, string>> => ({
  'htmx.min.js': join(packageDir('htmx.org'), 'dist', 'htmx.min.js'),
  'chart.umd.min.js': join(packageDir('chart.js'), 'dist', 'chart.umd.min.js'),
  'mermaid.min.js': join(packageDir('mermaid'), 'dist', 'mermaid.min.js'),
});

const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function load(path: string, name: string): Asset {
  const body = readFileSync(path);
  const type = TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

function loadAll(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [name, path] of Object.entries(vendorFiles())) assets.set(name, load(path, name));
  for (const name of readdirSync(OWN_DIR)) if (/^[a-z0-9-]+\.(js|css|svg)$/.test(name)) assets.set(name, load(join(OWN_DIR, name), name));
  return assets;
}

export function assetRoutes() {
  let assets: Map<string, Asset> | undefined;
  return new Hono().get('/assets/:name', (c) => {
    assets ??= loadAll();
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.text('Not found', 404);
    c.header('ETag', asset.etag);
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', asset.type);
    return c.body(new Uint8Array(asset.body));
  });
}

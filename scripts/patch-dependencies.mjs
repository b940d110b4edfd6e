// Patches applied to installed packages until their releases carry the fix; idempotent (each patch
// checks its marker), run by ensure-installed.sh after every install.
//
// postgres@3.4.9 (porsager/postgres#1208, fix proposed in #1209): a write queued with setImmediate
// can run after the connection closed and call `socket.write` on null, an uncaught TypeError that
// kills the process (the chaos run hits it whenever PostgreSQL dies under load). Guarded here as
// the fix proposes: the queued write settles its queries with CONNECTION_CLOSED instead.
//
// postgres@3.4.9 (porsager/postgres#1192, #1223): every new connection fetches the array types in
// a query nobody awaits; when PostgreSQL dies while it runs and the reconnect is refused, that
// query is rejected with ECONNREFUSED and nothing handles it: an unhandled rejection that kills
// the process (the chaos run's API died so, just after its own restart). The connection's error
// still reaches the queries that wait on it; the next connection fetches the types again.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const PATCHES = [
  {
    issue: 'postgres#1208',
    marker: '/* plaint: nextWrite guard (postgres#1208) */',
    unpatched: `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`,
    patched: (marker) => `  function nextWrite(fn) {
    ${marker}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`,
  },
  {
    issue: 'postgres#1192',
    marker: '/* plaint: array types fetch handled (postgres#1192) */',
    unpatched: `        return fetchArrayTypes()
`,
    patched: (marker) => `        return fetchArrayTypes().catch(() => { ${marker} })
`,
  },
];

for (const file of ['node_modules/postgres/src/connection.js', 'node_modules/postgres/cjs/src/connection.js']) {
  if (!existsSync(file)) continue;
  let source = readFileSync(file, 'utf8');
  for (const { issue, marker, unpatched, patched } of PATCHES) {
    if (source.includes(marker)) continue;
    if (!source.includes(unpatched)) {
      console.error(`plaint: ${file} has changed; the patch for ${issue} no longer applies: check ${issue} and drop the patch if fixed`);
      process.exit(1);
    }
    source = source.replace(unpatched, patched(marker));
    console.error(`plaint: patched ${file} (${issue})`);
  }
  writeFileSync(file, source);
}

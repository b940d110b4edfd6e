// Patches applied to installed packages until their releases carry the fix; idempotent (each patch
// checks its marker), run by ensure-installed.sh after every install.
//
// postgres@3.4.9 (porsager/postgres#1208, fix proposed in #1209): a write queued with setImmediate
// can run after the connection closed and call `socket.write` on null, an uncaught TypeError that
// kills the process (the chaos run hits it whenever PostgreSQL dies under load). Guarded here as
// the fix proposes: the queued write settles its queries with CONNECTION_CLOSED instead.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const MARKER = '/* plaint: nextWrite guard (postgres#1208) */';
const UNPATCHED = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
const PATCHED = `  function nextWrite(fn) {
    ${MARKER}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;

for (const file of ['node_modules/postgres/src/connection.js', 'node_modules/postgres/cjs/src/connection.js']) {
  if (!existsSync(file)) continue;
  const source = readFileSync(file, 'utf8');
  if (source.includes(MARKER)) continue;
  if (!source.includes(UNPATCHED)) {
    console.error(`plaint: ${file} has changed; the nextWrite guard no longer applies: check postgres#1208 and drop the patch if fixed`);
    process.exit(1);
  }
  writeFileSync(file, source.replace(UNPATCHED, PATCHED));
  console.error(`plaint: patched ${file} (postgres#1208)`);
}

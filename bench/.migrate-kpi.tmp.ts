import { connectDatabase } from '/work/wt-kpi/db/connect.js';
import { migrate } from '/work/wt-kpi/db/migrate.js';
const sql = connectDatabase(`postgres://postgres@127.0.0.1:5432/${process.argv[2]}`, { max: 2 });
const t = performance.now();
try { console.log(await migrate(sql), ((performance.now() - t) / 1000).toFixed(1), 's'); } finally { await sql.end(); }

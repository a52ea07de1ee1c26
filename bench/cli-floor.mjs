// The cli-start floor: a fresh node process that opens the workspace with better-sqlite3, selects
// the live accounts and prints them as JSON. Plain JavaScript, so nothing is compiled at start.
// node bench/cli-floor.mjs FILE
import Database from 'better-sqlite3';

const db = new Database(process.argv[2], { readonly: true, fileMustExist: true });
const rows = db.prepare('SELECT * FROM accounts WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all();
db.close();
process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);

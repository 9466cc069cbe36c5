// `npm run db:copy -- --from file:./data/quarry.db --to postgresql://…`
// Moves a laptop install (SQLite) to a server database (PostgreSQL): every
// table, in one transaction, counts checked at the end. The target must be a
// new, empty database; stop the app that writes to the SQLite file first.
import { parseArgs } from "node:util";
import { copyDatabase } from "./lib/copy-database";

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
if (!values.from || !values.to) {
  console.error("usage: npm run db:copy -- --from file:./data/quarry.db --to postgresql://user:pass@host:5432/db");
  process.exit(2);
}
const to = values.to;
copyDatabase({ from: values.from, to, log: (line) => console.log(line) })
  .then((report) => {
    const total = report.reduce((sum, r) => sum + r.rows, 0);
    console.log(`Copied ${total} rows in ${report.length} tables; every table's row count matches.`);
  })
  .catch((error: Error) => {
    console.error(`db:copy: ${error.message}`);
    process.exit(1);
  });

/**
 * Recomputes the dashboard's running totals from the review logs, reports any
 * drift (which rows, how many) and fixes it:
 *   npm run totals:rebuild             fix what drifted
 *   npm run totals:rebuild -- --check  only report; exit 1 if anything drifted
 * Triggers keep the totals exact, so drift means a write went around them
 * (a restore of one table, a hand edit). Writes to the logs wait while it runs.
 */
import { disconnectDb } from "../lib/server/db";
import { rebuildProgressTotals } from "../lib/server/progress-totals";

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--check");
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]}; usage: totals:rebuild [--check]`);
  const check = args.includes("--check");
  const started = performance.now();
  const report = await rebuildProgressTotals({ fix: !check });
  for (const t of report.tables) {
    const off = t.missing + t.extra + t.differing;
    console.log(
      `${t.table}: ${t.rows} rows from ${t.source}; ` +
        (off === 0 ? "no drift" : `${off} drifted (${t.missing} missing, ${t.extra} extra, ${t.differing} differing)`),
    );
    for (const line of t.examples) console.log(`  ${line}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (report.drifted === 0) console.log(`No drift (${seconds} s).`);
  else if (report.fixed) console.log(`Fixed ${report.drifted} drifted rows from the logs (${seconds} s).`);
  else console.log(`${report.drifted} drifted rows; run without --check to fix them (${seconds} s).`);
  await disconnectDb();
  if (check && report.drifted > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});

import path from "node:path";
import { disconnectDb } from "../lib/server/db";
import { importContent } from "../lib/server/import-content";

async function main() {
  const dir = path.resolve(process.argv[2] ?? "content");
  const report = await importContent(dir);
  const line = (label: string, files: string[]) => files.length && console.log(`${label}: ${files.join(", ")}`);
  line("added", report.added);
  line("updated", report.updated);
  line("unchanged", report.unchanged);
  for (const f of report.failed) console.error(`skipped ${f.message}`);
  for (const f of report.generationFailed) console.error(`marked failed (retry from its page) ${f.message}`);
  console.log(
    `Imported ${dir}: ${report.added.length} added, ${report.updated.length} updated, ` +
      `${report.unchanged.length} unchanged, ${report.failed.length} skipped.`,
  );
  const q = report.questions;
  console.log(
    `Questions: ${q.created} new, ${q.updated} updated, ${q.retired} retired, ${q.unchanged} unchanged; ` +
      `${q.conflicts} conflicts between sentences.`,
  );
  await disconnectDb();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

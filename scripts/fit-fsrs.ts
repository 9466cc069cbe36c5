/**
 * Fits FSRS parameters to learners' own reviews: `tsx scripts/fit-fsrs.ts <learnerId>...`,
 * or with no ids every learner whose log has grown enough since their last fit.
 * The server starts it in the background; it can also run from cron.
 */
import { disconnectDb } from "../lib/server/db";
import { fitLearnerParameters, learnersToFit } from "../lib/server/fsrs-fit";

async function main() {
  const ids = process.argv.slice(2);
  const learners = ids.length > 0 ? ids : await learnersToFit();
  for (const id of learners) {
    const summary = await fitLearnerParameters(id, new Date());
    if (!summary) console.error(`${id}: no such learner`);
    else if (summary.status === "too-few")
      console.log(`${id}: ${summary.trainItems} of ${summary.needed} training reviews; defaults kept`);
    else
      console.log(
        `${id}: log loss ${summary.fitted!.logLoss.toFixed(4)} fitted vs ${summary.defaults!.logLoss.toFixed(4)} ` +
          `default; ${summary.useFitted ? "using fitted parameters" : "keeping the defaults"}`,
      );
  }
  await disconnectDb();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

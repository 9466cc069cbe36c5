/**
 * Fitted FSRS parameters vs the defaults on simulated learners (lib/dashboard/demo-simulation.ts):
 * log loss and RMSE on held-out cards, and the optimizer's run time. Run by hand:
 *   npx tsx bench/fsrs-fit.ts
 */
import { simulateLearner, type SimQuestion } from "../lib/dashboard/demo-simulation";
import { longTermItems, toHistories } from "../lib/fsrs-fit/history";
import { fitLearner } from "../lib/fsrs-fit/optimizer";
import { seededRandom } from "../lib/random";
import { DAY_MS } from "../lib/time";

const START = new Date("2026-01-05T00:00:00Z");
const questions: SimQuestion[] = Array.from({ length: 400 }, (_, i) => ({
  id: `q${String(i).padStart(4, "0")}`,
  type: "flashcard",
  prompt: `Prompt ${i}`,
  answer: `Answer ${i}`,
  choices: null,
  statementIsTrue: null,
}));

async function main() {
  console.log("skill days reviews items | log loss fitted / default | RMSE fitted / default | use fitted | fit ms");
  for (const skill of [0.5, 0.7, 0.85, 0.97]) {
    for (const days of [30, 90]) {
      const now = new Date(START.getTime() + days * DAY_MS);
      const profile = { skill, studyChance: 0.9, newPerDay: 12, sessionHour: 17, stoppedDaysAgo: 0 };
      const { reviews } = simulateLearner(questions, profile, {
        start: START,
        now,
        random: seededRandom(days + skill * 100),
      });
      const histories = toHistories(
        reviews.map((r) => ({ cardId: r.questionId, rating: r.rating, reviewedAt: r.reviewedAt })),
        "UTC",
      );
      const t0 = performance.now();
      const o = await fitLearner(histories);
      const ms = Math.round(performance.now() - t0);
      const head = `${skill} ${days} ${reviews.length} ${longTermItems(histories)}`;
      if (o.status !== "fitted") console.log(`${head} | too few (${o.trainItems} training items)`);
      else
        console.log(
          `${head} | ${o.fitted.logLoss.toFixed(4)} / ${o.defaults.logLoss.toFixed(4)} | ` +
            `${o.fitted.rmse.toFixed(4)} / ${o.defaults.rmse.toFixed(4)} | ${o.useFitted} | ${ms}`,
        );
    }
  }
}

void main();

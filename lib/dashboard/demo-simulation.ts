import { forgetting_curve, FSRS6_DEFAULT_DECAY } from "ts-fsrs";
import { newCardState, scheduleReview, type CardState, type CardStateName, type Rating } from "../scheduling";
import { gradeAnswer, type GradableQuestion } from "../study/grade";
import { DAY_MS, HOUR_MS } from "../time";

/**
 * Simulated study for the demo class: each learner studies on some days, in
 * one sitting, taking due cards then new ones, answering with a probability
 * drawn from their skill, the question's difficulty and (for review cards) the
 * FSRS forgetting curve. Answers are graded and scheduled by the app's own code.
 */

export type SimQuestion = GradableQuestion & { id: string };

export type SimProfile = {
  /** 0..1: how well the learner answers, other things equal. */
  skill: number;
  /** Chance of studying on a given day. */
  studyChance: number;
  newPerDay: number;
  /** Hour of the day (UTC) the learner usually sits down. */
  sessionHour: number;
  /** The learner stopped studying this many days ago (0: still studying; Infinity: never started). */
  stoppedDaysAgo: number;
};

export type SimReview = {
  questionId: string;
  rating: Rating;
  stateBefore: CardStateName;
  elapsedDays: number;
  scheduledDays: number;
  reviewedAt: Date;
  durationMs: number;
  response: string | null;
  correct: boolean;
  previousCard: CardState | null;
};

export type SimResult = { cards: Map<string, CardState>; reviews: SimReview[] };

const MAX_REVIEWS_PER_SESSION = 80;
const BASE_SECONDS: Record<string, number> = { flashcard: 5, multiple_choice: 8, true_false: 6, cloze: 11 };
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** 0..0.5: some questions are simply harder, the same for every learner. */
export function questionDifficulty(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1000) / 2000;
}

function recallChance(card: CardState, q: SimQuestion, skill: number, at: Date): number {
  const hard = questionDifficulty(q.id);
  if (card.state === "new") return clamp(skill - hard * 0.8, 0.05, 0.97);
  if (card.state !== "review") return clamp(0.55 + 0.4 * skill - hard * 0.3, 0.05, 0.98);
  const days = card.lastReview ? (at.getTime() - card.lastReview.getTime()) / DAY_MS : 0;
  const r = forgetting_curve(FSRS6_DEFAULT_DECAY, Math.max(0, days), Math.max(0.1, card.stability));
  return clamp(r * (0.85 + 0.15 * skill) + (skill - 0.7) * 0.3 - hard * 0.15, 0.02, 0.99);
}

/** A wrong answer a learner might give; multiple choice favours one plausible distractor per question. */
function wrongResponse(q: SimQuestion, random: () => number): string {
  if (q.type === "true_false") return String(!q.statementIsTrue);
  if (q.type === "multiple_choice") {
    const wrong = (q.choices ?? []).filter((c) => c !== q.answer);
    // The order of attraction is fixed per question, so the class converges on the same distractor.
    const ranked = wrong.map((c) => ({ c, k: questionDifficulty(q.id + c) })).sort((a, b) => b.k - a.k);
    const roll = random();
    const pick = roll < 0.6 ? 0 : roll < 0.88 ? 1 : 2;
    return ranked[Math.min(pick, ranked.length - 1)]?.c ?? "";
  }
  if (q.type === "cloze")
    return random() < 0.5 ? "" : `${q.answer.slice(0, Math.max(1, Math.floor(q.answer.length / 3)))}?`;
  return "";
}

function answer(q: SimQuestion, knows: boolean, durationMs: number, random: () => number) {
  if (q.type === "flashcard") {
    const rating: Rating = !knows ? "again" : random() < 0.15 ? "hard" : random() < 0.2 ? "easy" : "good";
    return { response: null, ...gradeAnswer(q, { rating, durationMs }) };
  }
  const response = knows ? (q.type === "true_false" ? String(q.statementIsTrue) : q.answer) : wrongResponse(q, random);
  return { response, ...gradeAnswer(q, { response, durationMs }) };
}

type QueueItem = { questionId: string };

/** Simulates one learner from `start` up to `now`; deterministic for a given random source. */
export function simulateLearner(
  questions: readonly SimQuestion[],
  profile: SimProfile,
  opts: { start: Date; now: Date; random: () => number },
): SimResult {
  const { random, now } = opts;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const unseen = [...questions];
  const cards = new Map<string, CardState>();
  const reviews: SimReview[] = [];
  const days = Math.ceil((now.getTime() - opts.start.getTime()) / DAY_MS);

  for (let d = 0; d <= days; d++) {
    const daysAgo = days - d;
    if (daysAgo < profile.stoppedDaysAgo || random() >= profile.studyChance) continue;
    const dayStart = Date.UTC(opts.start.getUTCFullYear(), opts.start.getUTCMonth(), opts.start.getUTCDate() + d);
    let t = dayStart + (profile.sessionHour + random() * 2) * HOUR_MS;
    if (t >= now.getTime()) continue;

    const due = [...cards.entries()]
      .filter(([, c]) => c.state !== "new" && c.due.getTime() <= t)
      .sort(([, a], [, b]) => a.due.getTime() - b.due.getTime())
      .slice(0, MAX_REVIEWS_PER_SESSION)
      .map(([questionId]) => ({ questionId }));
    const fresh = unseen
      .splice(0, Math.round(profile.newPerDay * (0.6 + random() * 0.8)))
      .map((q) => ({ questionId: q.id }));
    const queue: QueueItem[] = [...due, ...fresh];
    let answered = 0;

    while (queue.length > 0 && answered < MAX_REVIEWS_PER_SESSION * 2) {
      const { questionId } = queue.shift()!;
      const q = byId.get(questionId)!;
      const before = cards.get(questionId) ?? null;
      const card = before ?? newCardState(new Date(t));
      // A learning step not due yet: wait for it if it is close, else leave it for another day.
      if (before && card.due.getTime() > t) {
        if (card.due.getTime() - t > 20 * 60_000) continue;
        t = card.due.getTime();
      }
      if (t >= now.getTime()) break;
      const at = new Date(t);
      const knows = random() < recallChance(card, q, profile.skill, at);
      const base = (BASE_SECONDS[q.type] ?? 8) * 1000;
      const durationMs = Math.round(base * (0.5 + random() * 1.3) * (knows ? 1 : 1.4));
      const graded = answer(q, knows, durationMs, random);
      const { card: next, log } = scheduleReview(card, graded.rating, at, { desiredRetention: 0.9 });
      reviews.push({
        questionId,
        rating: log.rating,
        stateBefore: log.stateBefore,
        elapsedDays: log.elapsedDays,
        scheduledDays: log.scheduledDays,
        reviewedAt: at,
        durationMs,
        response: graded.response,
        correct: graded.correct,
        previousCard: before,
      });
      cards.set(questionId, next);
      answered += 1;
      t += durationMs + Math.round(2000 + random() * 4000);
      if (next.due.getTime() - t < 20 * 60_000) queue.push({ questionId });
    }
  }
  return { cards, reviews };
}

/** Thirty-odd varied learners: strong and weak, steady and sporadic, a few who stopped, one who never began. */
export function demoProfiles(count: number, random: () => number): SimProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const stopped = i === count - 1 ? Number.POSITIVE_INFINITY : random() < 0.2 ? 8 + Math.floor(random() * 12) : 0;
    return {
      skill: 0.5 + random() * 0.47,
      studyChance: 0.35 + random() * 0.6,
      newPerDay: 5 + Math.floor(random() * 11),
      sessionHour: 14 + Math.floor(random() * 6),
      stoppedDaysAgo: stopped,
    };
  });
}

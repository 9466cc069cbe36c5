import "server-only";

import { listDocuments } from "@/lib/data/documents";
import { countPublishedQuestionsByDocument } from "@/lib/data/questions";
import { countReviews, getProgressData } from "@/lib/data/cards";
import { addDays, dayKey, daysBetween, weekStart } from "@/lib/time";
import {
  cardsByState,
  dueForecast,
  masteryByDocument,
  retentionByWeek,
  reviewsPerDay,
  streaks,
} from "@/lib/study/progress";

export const HEATMAP_WEEKS = 26;

export type HeatmapCell = { week: number; weekday: number; day: string; count: number };

export type ProgressReport = {
  timeZone: string;
  totalReviews: number;
  reviewsToday: number;
  heatmap: HeatmapCell[];
  forecast: Array<{ day: string; count: number }>;
  retention: Array<{ week: string; retention: number; reviews: number }>;
  states: Array<{ state: string; count: number }>;
  mastery: Array<{ documentId: string; title: string; mastered: number; studied: number; total: number }>;
  streak: { current: number; longest: number };
};

/** Everything the progress page charts, for one learner, in their time zone. */
export async function buildProgressReport(learnerId: string, timeZone: string, now: Date): Promise<ProgressReport> {
  const { reviews, cards } = await getProgressData(learnerId);
  // Only documents the learner has studied: never the titles of documents they cannot see.
  const studiedIds = [...new Set(cards.map((c) => c.documentId))];
  const [documents, totals] = await Promise.all([
    listDocuments(studiedIds),
    countPublishedQuestionsByDocument(studiedIds),
  ]);
  const today = dayKey(now, timeZone);
  const perDay = new Map(reviewsPerDay(reviews, timeZone).map((d) => [d.day, d.count]));
  const firstMonday = addDays(weekStart(today), -7 * (HEATMAP_WEEKS - 1));
  const heatmap: HeatmapCell[] = [];
  for (let i = 0; i <= daysBetween(firstMonday, today); i++) {
    const day = addDays(firstMonday, i);
    heatmap.push({ week: Math.floor(i / 7), weekday: i % 7, day, count: perDay.get(day) ?? 0 });
  }
  const masteryByDoc = new Map(masteryByDocument(cards).map((m) => [m.documentId, m]));
  return {
    timeZone,
    totalReviews: reviews.length,
    reviewsToday: perDay.get(today) ?? 0,
    heatmap,
    forecast: dueForecast(cards, now, timeZone, 30),
    retention: retentionByWeek(reviews, timeZone).map((w) => ({
      week: w.weekStart,
      retention: Math.round(w.retention * 1000) / 10,
      reviews: w.reviews,
    })),
    states: Object.entries(cardsByState(cards)).map(([state, count]) => ({ state, count })),
    mastery: documents.map((d) => ({
      documentId: d.id,
      title: d.title,
      mastered: masteryByDoc.get(d.id)?.mastered ?? 0,
      studied: masteryByDoc.get(d.id)?.total ?? 0,
      total: totals.get(d.id) ?? 0,
    })),
    streak: streaks(reviews, now, timeZone),
  };
}

/** How many answers the learner has stored (undone ones not counted). */
export async function countStoredReviews(learnerId: string): Promise<number> {
  return countReviews(learnerId);
}

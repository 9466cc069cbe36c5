import type { CardStateJson } from "@/lib/api/study-contract";
import type { CardState } from "@/lib/scheduling";

/** CardState over the wire carries ISO strings for its dates. */
export function cardFromJson(json: CardStateJson): CardState {
  return { ...json, due: new Date(json.due), lastReview: json.lastReview ? new Date(json.lastReview) : null };
}

export function cardToJson(card: CardState): CardStateJson {
  return { ...card, due: card.due.toISOString(), lastReview: card.lastReview ? card.lastReview.toISOString() : null };
}

import { countStoredReviews } from "@/lib/server/progress";
import { json } from "@/lib/server/http";
import { currentLearner } from "@/lib/server/learner-session";

export const dynamic = "force-dynamic";

export async function GET() {
  const learner = await currentLearner();
  return json({ reviews: learner ? await countStoredReviews(learner.id) : 0 });
}

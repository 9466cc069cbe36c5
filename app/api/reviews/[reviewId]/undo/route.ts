import { apiError, crossSiteRefusal, json } from "@/lib/server/http";
import { currentLearner } from "@/lib/server/learner-session";
import { reviewErrorStatus, undoSubmittedReview } from "@/lib/server/study-session";

export async function POST(request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const learner = await currentLearner();
  if (!learner) return apiError(401, "no_learner", "No study session.");
  try {
    return json({ card: await undoSubmittedReview(learner, (await params).reviewId, new Date()) });
  } catch (err) {
    const mapped = reviewErrorStatus(err);
    if (!mapped) throw err;
    return apiError(mapped.status, mapped.code, mapped.message);
  }
}

import { apiError, crossSiteRefusal, json, toResponse } from "@/lib/server/http";
import { currentLearner } from "@/lib/server/learner-session";
import { undoSubmittedReview } from "@/lib/server/reviews";

export async function POST(request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const learner = await currentLearner();
  if (!learner) return apiError(401, "no_learner", "No study session.");
  try {
    return json({ card: await undoSubmittedReview(learner, (await params).reviewId, new Date()) });
  } catch (err) {
    return toResponse(err);
  }
}

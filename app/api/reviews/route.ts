import { reviewSubmissionSchema } from "@/lib/api/study-contract";
import { noteStoredReview } from "@/lib/server/fsrs-fit-jobs";
import { json, parseJsonBody, toResponse } from "@/lib/server/http";
import { currentOrNewLearner } from "@/lib/server/learner-session";
import { submitReview } from "@/lib/server/reviews";

export async function POST(request: Request) {
  const body = await parseJsonBody(request, reviewSubmissionSchema);
  if (!body.ok) return body.response;
  // A guest learner (and its cookie) is created here, with the first answer, not when a deck is opened.
  const learner = await currentOrNewLearner();
  try {
    const result = await submitReview(learner, body.data, new Date());
    if (result.status === "stored") noteStoredReview(learner.id);
    return json(result);
  } catch (err) {
    return toResponse(err);
  }
}

import { learnerSettingsSchema } from "@/lib/api/study-contract";
import { json, parseJsonBody } from "@/lib/server/http";
import { currentOrNewLearner } from "@/lib/server/learner-session";
import { saveLearnerSettings } from "@/lib/server/learner-settings";

export async function PATCH(request: Request) {
  const body = await parseJsonBody(request, learnerSettingsSchema);
  if (!body.ok) return body.response;
  const learner = await currentOrNewLearner();
  return json(await saveLearnerSettings(learner, body.data));
}

import { learnerSettingsSchema } from "@/lib/api/study";
import { updateLearnerSettings } from "@/lib/data/learners";
import { apiError, json, parseJsonBody } from "@/lib/server/http";
import { currentOrNewLearner } from "@/lib/server/learner-session";
import { isValidTimeZone } from "@/lib/study/calendar";

export async function PATCH(request: Request) {
  const body = await parseJsonBody(request, learnerSettingsSchema);
  if (!body.ok) return body.response;
  if (body.data.timeZone && !isValidTimeZone(body.data.timeZone)) {
    return apiError(400, "invalid_time_zone", `Unknown time zone: ${body.data.timeZone}`);
  }
  const learner = await currentOrNewLearner();
  return json(await updateLearnerSettings(learner.id, body.data));
}

import "server-only";

import { getLearnerForUser } from "@/lib/data/learners";
import type { Viewer } from "@/lib/permissions";
import { isInstallAdministrator } from "./administrator";
import { currentGuestLearner } from "./learner-session";
import { currentUser, type SessionUser } from "./session-user";

export type { SessionUser };

/** Who is asking: the account (if any) and the learner this browser studies as. */
export async function currentViewer(): Promise<Viewer & { account: SessionUser | null }> {
  const user = await currentUser();
  if (user) {
    const learner = await getLearnerForUser(user.id);
    const isAdministrator = await isInstallAdministrator(user.id);
    return { user: { id: user.id, role: user.role }, learnerId: learner.id, account: user, isAdministrator };
  }
  const guest = await currentGuestLearner();
  return {
    user: null,
    learnerId: guest?.id ?? null,
    account: null,
    isAdministrator: await isInstallAdministrator(null),
  };
}

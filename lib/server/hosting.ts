import { countTeachers } from "@/lib/data/classes";
import { canHostGame, isTeacher, type Viewer } from "@/lib/permissions";

/** Teachers upload and host; on a single-user install (no teacher accounts yet) anyone may. */
export async function canUpload(viewer: Viewer): Promise<boolean> {
  return isTeacher(viewer) || (await countTeachers()) === 0;
}

export async function mayHostGames(viewer: Viewer): Promise<boolean> {
  return canHostGame(viewer, (await countTeachers()) > 0);
}

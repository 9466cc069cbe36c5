/**
 * Every permission decision in one place. Route handlers, server actions and
 * pages load the resource, then ask one of these; a "no" is answered as 404
 * (never another person's data, and no hint that it exists).
 */

export type Role = "teacher" | "learner";

export type Viewer = {
  /** Signed-in account, or null for a guest. */
  user: { id: string; role: Role } | null;
  /** The learner whose progress this browser records (account or guest). */
  learnerId: string | null;
  /** The install's administrator (lib/server/administrator.ts); only they change the shared sample content. */
  isAdministrator?: boolean;
};

/** Shared sample content (the content/ corpus, documents with no owner): read-only except to the administrator. */
export function canEditSharedContent(v: Viewer): boolean {
  return v.isAdministrator === true;
}

export const isTeacher = (v: Viewer) => v.user?.role === "teacher";

export function canReadLearnerProgress(v: Viewer, learnerId: string): boolean {
  return v.learnerId !== null && v.learnerId === learnerId;
}

export function canCreateClass(v: Viewer): boolean {
  return isTeacher(v);
}

/** Teachers manage, and read everything in, the classes they own; nobody else does. */
export function canManageClass(v: Viewer, classroom: { teacherId: string }): boolean {
  return isTeacher(v) && v.user!.id === classroom.teacherId;
}

/** A teacher may drill into a learner only through a class they own that the learner is in. */
export function canReadClassLearner(
  v: Viewer,
  classroom: { teacherId: string },
  membership: { learnerId: string; classId: string } | null,
): boolean {
  return canManageClass(v, classroom) && membership !== null;
}

export function canJoinClass(v: Viewer): boolean {
  return v.learnerId !== null || v.user !== null;
}

/** Live games: a teacher account, or anyone when the install has no teacher accounts (single-user). */
export function canHostGame(v: Viewer, installHasTeachers: boolean): boolean {
  return isTeacher(v) || !installHasTeachers;
}

export function canControlGame(v: Viewer, game: { hostId: string | null }, hostTokenMatches: boolean): boolean {
  return hostTokenMatches || (v.user !== null && game.hostId === v.user.id);
}

/**
 * Reviewing and editing a document's questions: the teacher who uploaded it;
 * for shared content (no owner: the content/ corpus, uploads made before any
 * account existed) only the install's administrator.
 */
export function canEditDocument(v: Viewer, doc: { ownerId: string | null }, installHasTeachers = true): boolean {
  if (doc.ownerId === null) return canEditSharedContent(v);
  return installHasTeachers && isTeacher(v) && doc.ownerId === v.user!.id;
}

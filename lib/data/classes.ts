import { db } from "@/lib/server/db";
import { learnerName } from "./dashboard";

export type ClassroomRecord = { id: string; name: string; teacherId: string; joinCode: string; isDemo: boolean };
const CLASS_FIELDS = { id: true, name: true, teacherId: true, joinCode: true, isDemo: true } as const;

export async function createClassroom(teacherId: string, name: string, joinCode: string): Promise<ClassroomRecord> {
  return db().classroom.create({ data: { teacherId, name, joinCode }, select: CLASS_FIELDS });
}

export async function getClassroom(id: string): Promise<ClassroomRecord | null> {
  return db().classroom.findUnique({ where: { id }, select: CLASS_FIELDS });
}

export async function getClassroomByJoinCode(joinCode: string): Promise<ClassroomRecord | null> {
  return db().classroom.findUnique({ where: { joinCode }, select: CLASS_FIELDS });
}

export async function listTeacherClassrooms(teacherId: string) {
  return db().classroom.findMany({
    where: { teacherId },
    orderBy: { createdAt: "asc" },
    select: { ...CLASS_FIELDS, _count: { select: { members: true, assignments: true } } },
  });
}

export async function setJoinCode(classId: string, joinCode: string): Promise<ClassroomRecord> {
  return db().classroom.update({ where: { id: classId }, data: { joinCode }, select: CLASS_FIELDS });
}

/** Joining twice is harmless: the second call finds the first membership. */
export async function addClassMember(classId: string, learnerId: string): Promise<{ created: boolean }> {
  const existing = await db().classMember.findUnique({ where: { classId_learnerId: { classId, learnerId } } });
  if (existing) return { created: false };
  try {
    await db().classMember.create({ data: { classId, learnerId } });
    return { created: true };
  } catch {
    return { created: false };
  }
}

export async function removeClassMember(classId: string, learnerId: string): Promise<boolean> {
  const { count } = await db().classMember.deleteMany({ where: { classId, learnerId } });
  return count > 0;
}

export async function getClassMembership(classId: string, learnerId: string) {
  return db().classMember.findUnique({ where: { classId_learnerId: { classId, learnerId } } });
}

export async function listClassMembers(classId: string) {
  const rows = await db().classMember.findMany({
    where: { classId },
    orderBy: { joinedAt: "asc" },
    select: {
      learnerId: true,
      joinedAt: true,
      learner: { select: { displayName: true, user: { select: { name: true, email: true } } } },
    },
  });
  return rows.map((r) => ({
    learnerId: r.learnerId,
    joinedAt: r.joinedAt,
    name: learnerName(r.learner.user?.name ?? r.learner.displayName, r.learnerId),
    email: r.learner.user?.email ?? null,
  }));
}

export async function assignDeck(classId: string, deckId: string, dueAt: Date | null) {
  return db().assignment.upsert({
    where: { classId_deckId: { classId, deckId } },
    create: { classId, deckId, dueAt },
    update: { dueAt },
  });
}

export async function unassignDeck(classId: string, deckId: string): Promise<void> {
  await db().assignment.deleteMany({ where: { classId, deckId } });
}

export async function listAssignments(classId: string) {
  return db().assignment.findMany({ where: { classId }, orderBy: { createdAt: "asc" } });
}

/** Decks assigned to any class the learner is in, soonest due first. */
export async function listLearnerAssignments(learnerId: string) {
  return db().assignment.findMany({
    where: { classroom: { members: { some: { learnerId } } } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: { deckId: true, dueAt: true, classroom: { select: { id: true, name: true } } },
  });
}

export async function countTeachers(): Promise<number> {
  return db().user.count({ where: { role: "teacher", isDemo: false } });
}

export async function listLearnerClasses(learnerId: string) {
  return db().classroom.findMany({
    where: { members: { some: { learnerId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

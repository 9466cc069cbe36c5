import { randomInt } from "node:crypto";
import { AppError, STATUS } from "@/lib/errors";
import { clientAddress } from "./client-address";
import { retryMessage } from "./failure-throttle";
import { sharedFailureThrottle } from "./limit-store";
import {
  addClassMember,
  assignDeck,
  createClassroom,
  getClassroom,
  getClassroomByJoinCode,
  listAssignments,
  listClassMembers,
  listLearnerClasses,
  listTeacherClassrooms,
  removeClassMember,
  setJoinCode,
  unassignDeck,
  type ClassroomRecord,
} from "@/lib/data/classes";
import { getClassLearner } from "@/lib/data/dashboard";
import { listDecksByIds } from "@/lib/data/decks";
import { canCreateClass, canJoinClass, canManageClass, canReadClassLearner, type Viewer } from "@/lib/permissions";
import { buildLibrary, readableDeckRecord, type ShareTokens } from "./decks";

// No 0/O, 1/I/L: codes are read off a projector and typed on phones.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

type ClassErrorCode = "not_found" | "forbidden" | "wrong_code" | "no_learner" | "deck_not_found" | "rate_limited";
const CLASS_STATUS: Record<ClassErrorCode, number> = {
  not_found: STATUS.notFound,
  forbidden: STATUS.forbidden,
  wrong_code: STATUS.invalid,
  no_learner: STATUS.unauthenticated,
  deck_not_found: STATUS.notFound,
  rate_limited: STATUS.tooMany,
};

export class ClassError extends AppError {
  constructor(
    override readonly code: ClassErrorCode,
    message: string,
  ) {
    // A class that does not exist (or is not the viewer's) shows the not-found page.
    super(code, message, CLASS_STATUS[code], { notFoundPage: code === "not_found" });
    this.name = "ClassError";
  }
}

export function newJoinCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

async function uniqueJoinCode(): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const code = newJoinCode();
    if (!(await getClassroomByJoinCode(code))) return code;
  }
  throw new Error("Could not find a free join code.");
}

/** Loads a class the viewer manages; anything else is "not found", never a hint that it exists. */
export async function loadManagedClass(viewer: Viewer, classId: string): Promise<ClassroomRecord> {
  const classroom = await getClassroom(classId);
  if (!classroom || !canManageClass(viewer, classroom)) throw new ClassError("not_found", "That class does not exist.");
  return classroom;
}

export async function createClass(viewer: Viewer, name: string): Promise<ClassroomRecord> {
  if (!canCreateClass(viewer) || !viewer.user) throw new ClassError("forbidden", "Only teachers can create classes.");
  return createClassroom(viewer.user.id, name, await uniqueJoinCode());
}

export async function regenerateJoinCode(viewer: Viewer, classId: string): Promise<ClassroomRecord> {
  await loadManagedClass(viewer, classId);
  return setJoinCode(classId, await uniqueJoinCode());
}

export async function removeLearner(viewer: Viewer, classId: string, learnerId: string): Promise<void> {
  await loadManagedClass(viewer, classId);
  await removeClassMember(classId, learnerId);
}

/** A teacher assigns a deck they can read (their own, a public one, or one shared with them by link). */
export async function assignDeckToClass(
  viewer: Viewer,
  classId: string,
  deckId: string,
  dueAt: Date | null,
  tokens?: ShareTokens,
) {
  await loadManagedClass(viewer, classId);
  if (!(await readableDeckRecord(viewer, deckId, tokens)))
    throw new ClassError("deck_not_found", "That deck does not exist.");
  return assignDeck(classId, deckId, dueAt);
}

export async function unassignDeckFromClass(viewer: Viewer, classId: string, deckId: string): Promise<void> {
  await loadManagedClass(viewer, classId);
  await unassignDeck(classId, deckId);
}

/**
 * Wrong join codes per address: 10 free (typos, a class of phones behind one
 * address), then waits of 2 s, 4 s, 8 s … up to 10 minutes.
 */
export const JOIN_CODE_GUESS_LIMIT = {
  freeFailures: 10,
  baseDelayMs: 2000,
  maxDelayMs: 10 * 60_000,
  forgetAfterMs: 3600_000,
} as const;
const joinCodeGuesses = sharedFailureThrottle("class-join-code", JOIN_CODE_GUESS_LIMIT);

/** Joining with the code; a second join is harmless. */
export async function joinClassByCode(
  viewer: Viewer,
  code: string,
): Promise<{ classroom: ClassroomRecord; created: boolean }> {
  if (!canJoinClass(viewer) || !viewer.learnerId) {
    throw new ClassError("no_learner", "Open a deck or sign in first, so Quarry knows who is joining.");
  }
  const address = clientAddress();
  const now = Date.now();
  const allowed = await joinCodeGuesses.check(address, now);
  if (!allowed.ok) throw new ClassError("rate_limited", retryMessage(allowed.retryAfterMs));
  const classroom = await getClassroomByJoinCode(code.trim().toUpperCase());
  if (!classroom) {
    await joinCodeGuesses.fail(address, now);
    throw new ClassError("wrong_code", "No class has that code. Check it with your teacher.");
  }
  const { created } = await addClassMember(classroom.id, viewer.learnerId);
  return { classroom, created };
}

/** The class when the viewer manages it; null when it does not exist or is not theirs. */
export async function findManagedClass(viewer: Viewer, classId: string): Promise<ClassroomRecord | null> {
  const classroom = await getClassroom(classId);
  return classroom && canManageClass(viewer, classroom) ? classroom : null;
}

/** A teacher's classes, with member and assignment counts. */
export async function listTaughtClasses(viewer: Viewer) {
  return viewer.user ? listTeacherClassrooms(viewer.user.id) : [];
}

/** The classes this browser's learner has joined. */
export async function listJoinedClasses(viewer: Viewer) {
  return viewer.learnerId ? listLearnerClasses(viewer.learnerId) : [];
}

/**
 * What the manage page shows: members, assignments, and the decks that may be
 * assigned (any the teacher can read). Null when the class is not the viewer's.
 */
export async function loadClassManagement(viewer: Viewer, classId: string, tokens: ShareTokens) {
  const classroom = await findManagedClass(viewer, classId);
  if (!classroom) return null;
  const [members, assignments, library] = await Promise.all([
    listClassMembers(classroom.id),
    listAssignments(classroom.id),
    buildLibrary(viewer, tokens),
  ]);
  // Any deck the teacher can read may be assigned: their own first, then public ones.
  const decks = library.decks.map((d) => ({ id: d.id, title: d.title }));
  const assigned = await listDecksByIds(assignments.map((a) => a.deckId));
  const titleOf = new Map([...decks, ...assigned].map((d) => [d.id, d.title]));
  return { classroom, members, assignments, decks, titleOf };
}

/** One learner of a class the viewer manages; null when either is not theirs to see. */
export async function loadClassLearner(viewer: Viewer, classId: string, learnerId: string) {
  const classroom = await findManagedClass(viewer, classId);
  if (!classroom) return null;
  const learner = await getClassLearner(classroom.id, learnerId);
  if (!learner || !canReadClassLearner(viewer, classroom, learner.membership)) return null;
  return { classroom, learner };
}

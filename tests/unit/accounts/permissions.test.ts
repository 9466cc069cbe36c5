import { describe, expect, it } from "vitest";
import {
  canControlGame,
  canCreateClass,
  canHostGame,
  canManageClass,
  canReadClassLearner,
  canReadLearnerProgress,
  type Viewer,
} from "@/lib/permissions";

const teacher: Viewer = { user: { id: "t1", role: "teacher" }, learnerId: "lt1" };
const otherTeacher: Viewer = { user: { id: "t2", role: "teacher" }, learnerId: "lt2" };
const learner: Viewer = { user: { id: "u1", role: "learner" }, learnerId: "l1" };
const guest: Viewer = { user: null, learnerId: "g1" };
const nobody: Viewer = { user: null, learnerId: null };
const classroom = { teacherId: "t1" };

describe("permissions", () => {
  it("a learner reads only their own progress", () => {
    expect(canReadLearnerProgress(learner, "l1")).toBe(true);
    expect(canReadLearnerProgress(learner, "l2")).toBe(false);
    expect(canReadLearnerProgress(nobody, "l1")).toBe(false);
  });

  it("only the owning teacher manages a class", () => {
    expect(canManageClass(teacher, classroom)).toBe(true);
    expect(canManageClass(otherTeacher, classroom)).toBe(false);
    // A learner account whose id happens to equal the teacher id is still not a teacher.
    expect(canManageClass({ user: { id: "t1", role: "learner" }, learnerId: "x" }, classroom)).toBe(false);
    expect(canManageClass(guest, classroom)).toBe(false);
  });

  it("a teacher drills into a learner only through their own class", () => {
    const member = { learnerId: "l1", classId: "c1" };
    expect(canReadClassLearner(teacher, classroom, member)).toBe(true);
    expect(canReadClassLearner(teacher, classroom, null)).toBe(false);
    expect(canReadClassLearner(otherTeacher, classroom, member)).toBe(false);
  });

  it("only teachers create classes", () => {
    expect(canCreateClass(teacher)).toBe(true);
    expect(canCreateClass(learner)).toBe(false);
    expect(canCreateClass(guest)).toBe(false);
  });

  it("hosting: teachers, or anyone on an install without teachers; control needs the host token or account", () => {
    expect(canHostGame(teacher, true)).toBe(true);
    expect(canHostGame(learner, true)).toBe(false);
    expect(canHostGame(guest, false)).toBe(true);
    expect(canControlGame(guest, { hostId: null }, true)).toBe(true);
    expect(canControlGame(guest, { hostId: null }, false)).toBe(false);
    expect(canControlGame(teacher, { hostId: "t1" }, false)).toBe(true);
    expect(canControlGame(otherTeacher, { hostId: "t1" }, false)).toBe(false);
  });
});

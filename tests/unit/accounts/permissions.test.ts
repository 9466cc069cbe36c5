import { describe, expect, it } from "vitest";
import { canCreateClass, canHostGame, canManageClass, canReadClassLearner, type Viewer } from "@/lib/permissions";

const teacher: Viewer = { user: { id: "t1", role: "teacher" }, learnerId: "lt1" };
const otherTeacher: Viewer = { user: { id: "t2", role: "teacher" }, learnerId: "lt2" };
const learner: Viewer = { user: { id: "u1", role: "learner" }, learnerId: "l1" };
const guest: Viewer = { user: null, learnerId: "g1" };
const classroom = { teacherId: "t1" };

describe("permissions", () => {
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

  it("hosting: teachers, or anyone on an install without teachers", () => {
    expect(canHostGame(teacher, true)).toBe(true);
    expect(canHostGame(learner, true)).toBe(false);
    expect(canHostGame(guest, false)).toBe(true);
  });
});

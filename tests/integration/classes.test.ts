import { beforeAll, describe, expect, it } from "vitest";
import { createGuestLearner } from "@/lib/data/learners";
import { createUserWithPassword } from "@/lib/data/users";
import { getClassMembership, listClassMembers } from "@/lib/data/classes";
import type { Viewer } from "@/lib/permissions";
import {
  assignDeckToClass,
  createClass,
  joinClassByCode,
  loadManagedClass,
  regenerateJoinCode,
  removeLearner,
  unassignDeckFromClass,
} from "@/lib/server/classes";
import { db } from "@/lib/server/db";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

// A public deck any teacher may assign, and a private one of nobody here.
beforeAll(async () => {
  await db().deck.create({ data: { id: "public-deck", title: "Public", visibility: "public" } });
  await db().deck.create({ data: { id: "private-deck", title: "Private", ownerId: "someone-else" } });
});

async function teacher(email: string): Promise<Viewer> {
  const u = await createUserWithPassword({ email, name: email, password: "long enough password", role: "teacher" });
  return { user: { id: u.id, role: "teacher" }, learnerId: u.learnerId };
}

async function learner(name: string): Promise<Viewer> {
  const l = await createGuestLearner(`hash-${name}`);
  return { user: null, learnerId: l.id };
}

describe("classes and join codes", () => {
  it("a teacher creates a class with a readable join code; learners cannot create classes", async () => {
    const t = await teacher("t1@school.org");
    const c = await createClass(t, "Year 10 History");
    expect(c.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    await expect(createClass(await learner("x"), "Nope")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("joining with the code works once; joining twice is harmless; a wrong code is refused", async () => {
    const t = await teacher("t2@school.org");
    const c = await createClass(t, "Physics");
    const ana = await learner("ana");
    expect((await joinClassByCode(ana, c.joinCode.toLowerCase())).created).toBe(true);
    expect((await joinClassByCode(ana, c.joinCode)).created).toBe(false);
    expect(await db().classMember.count({ where: { classId: c.id } })).toBe(1);
    await expect(joinClassByCode(ana, "ZZZZZZ")).rejects.toMatchObject({
      code: "wrong_code",
      message: expect.stringMatching(/No class has that code/),
    });
  });

  it("a regenerated code locks out the old one", async () => {
    const t = await teacher("t3@school.org");
    const c = await createClass(t, "Chemistry");
    const renewed = await regenerateJoinCode(t, c.id);
    expect(renewed.joinCode).not.toBe(c.joinCode);
    const ben = await learner("ben");
    await expect(joinClassByCode(ben, c.joinCode)).rejects.toMatchObject({ code: "wrong_code" });
    expect((await joinClassByCode(ben, renewed.joinCode)).created).toBe(true);
  });

  it("a removed learner is no longer a member, and can rejoin only with the code", async () => {
    const t = await teacher("t4@school.org");
    const c = await createClass(t, "Biology");
    const cy = await learner("cy");
    await joinClassByCode(cy, c.joinCode);
    await removeLearner(t, c.id, cy.learnerId!);
    expect(await getClassMembership(c.id, cy.learnerId!)).toBeNull();
    expect(await listClassMembers(c.id)).toEqual([]);
  });

  it("another teacher's class is not found for every management action", async () => {
    const owner = await teacher("owner@school.org");
    const other = await teacher("other@school.org");
    const c = await createClass(owner, "Owned");
    const dee = await learner("dee");
    await joinClassByCode(dee, c.joinCode);
    const attempts = [
      () => loadManagedClass(other, c.id),
      () => regenerateJoinCode(other, c.id),
      () => removeLearner(other, c.id, dee.learnerId!),
      () => assignDeckToClass(other, c.id, "public-deck", null),
      () => unassignDeckFromClass(other, c.id, "public-deck"),
      () => loadManagedClass(dee, c.id),
      () => regenerateJoinCode(dee, c.id),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    // Nothing changed.
    expect((await db().classroom.findUniqueOrThrow({ where: { id: c.id } })).joinCode).toBe(c.joinCode);
    expect(await getClassMembership(c.id, dee.learnerId!)).not.toBeNull();
    expect(await db().assignment.count({ where: { classId: c.id } })).toBe(0);
  });

  it("assigns and unassigns decks, with an optional due date; unknown and private decks are refused", async () => {
    const t = await teacher("t5@school.org");
    const c = await createClass(t, "Civics");
    await assignDeckToClass(t, c.id, "public-deck", new Date("2026-12-01T23:59:59Z"));
    await assignDeckToClass(t, c.id, "public-deck", null); // re-assigning updates, never duplicates
    const rows = await db().assignment.findMany({ where: { classId: c.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.dueAt).toBeNull();
    await expect(assignDeckToClass(t, c.id, "no-such-deck", null)).rejects.toMatchObject({ code: "deck_not_found" });
    // Another teacher's private deck answers as if it did not exist.
    await expect(assignDeckToClass(t, c.id, "private-deck", null)).rejects.toMatchObject({ code: "deck_not_found" });
    await unassignDeckFromClass(t, c.id, "public-deck");
    expect(await db().assignment.count({ where: { classId: c.id } })).toBe(0);
  });
});

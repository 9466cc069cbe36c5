import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addClassMember, createClassroom } from "@/lib/data/classes";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { buildClassDashboard } from "@/lib/server/dashboard";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

function seedDemo(): string {
  return execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/seed-demo.ts"], {
    env: { ...process.env },
    encoding: "utf8",
    timeout: 120_000,
  });
}

const demoCounts = async () => ({
  users: await db().user.count({ where: { isDemo: true } }),
  learners: await db().learner.count({ where: { isDemo: true } }),
  classes: await db().classroom.count({ where: { isDemo: true } }),
  reviews: await db().reviewLog.count({ where: { learner: { isDemo: true } } }),
});

describe("npm run seed:demo", () => {
  let realClassId: string;
  let realLearnerId: string;

  beforeAll(async () => {
    await importContent(path.resolve("content"));
    // Real data that must survive the demo seeding untouched.
    await db().user.create({ data: { id: "real-teacher", name: "Real", email: "real@example.test", role: "teacher" } });
    realLearnerId = (await db().learner.create({ data: { guestTokenHash: "real-guest" } })).id;
    realClassId = (await createClassroom("real-teacher", "Real class", "REAL01")).id;
    await addClassMember(realClassId, realLearnerId);
  });

  it("creates the demo teacher and a class of 30 simulated learners, and replaces them on a rerun", async () => {
    const first = seedDemo();
    expect(first).toContain("Sign in as demo.teacher@quarry.local with the password quarry-demo-2025");
    const afterFirst = await demoCounts();
    // The teacher plus 30 learners, each with an account and a learner row.
    expect(afterFirst).toMatchObject({ users: 31, learners: 31, classes: 1 });
    expect(afterFirst.reviews).toBeGreaterThan(1000);

    const second = seedDemo();
    const afterSecond = await demoCounts();
    expect({ ...afterSecond, reviews: 0 }).toEqual({ ...afterFirst, reviews: 0 });
    expect(await db().user.count({ where: { email: "demo.teacher@quarry.local" } })).toBe(1);

    const classId = /Dashboard: \/classes\/(\S+)/.exec(second)![1]!;
    const classroom = await db().classroom.findUniqueOrThrow({ where: { id: classId }, include: { teacher: true } });
    expect(classroom).toMatchObject({ name: "Demo class (sample data)", isDemo: true });
    expect(classroom.teacher).toMatchObject({ email: "demo.teacher@quarry.local", role: "teacher", isDemo: true });

    // The dashboard shows something in every column: multiple-choice distractors included.
    const dashboard = await buildClassDashboard(classId, new Date());
    expect(dashboard.learners.rows).toHaveLength(30);
    expect(dashboard.learners.rows.map((r) => r.name)[0]).toBe("Demo Learner 01");
    expect(dashboard.learners.rows.filter((r) => r.cardsStudied > 0).length).toBeGreaterThan(25);
    expect(dashboard.questions.rows.some((r) => r.type === "multiple_choice" && r.distractors.length > 0)).toBe(true);
    expect(dashboard.charts.activity.reduce((n, d) => n + d.count, 0)).toBeGreaterThan(0);
  }, 240_000);

  it("leaves real accounts, learners and classes alone", async () => {
    expect(await db().user.findUnique({ where: { id: "real-teacher" } })).not.toBeNull();
    expect(await db().learner.findUnique({ where: { id: realLearnerId } })).not.toBeNull();
    expect(await db().classMember.count({ where: { classId: realClassId } })).toBe(1);
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { databasePoolSize, databaseProvider, DEFAULT_DB_POOL_SIZE } from "@/lib/server/database-url";

describe("database selection", () => {
  it("picks PostgreSQL for postgres(ql):// URLs and SQLite for everything else", () => {
    expect(databaseProvider("postgresql://quarry:pw@db:5432/quarry")).toBe("postgresql");
    expect(databaseProvider("postgres://db/quarry?sslmode=require")).toBe("postgresql");
    expect(databaseProvider("POSTGRESQL://db/quarry")).toBe("postgresql");
    expect(databaseProvider("file:./data/quarry.db")).toBe("sqlite");
    expect(databaseProvider("file:/tmp/postgresql://x.db")).toBe("sqlite");
  });

  it("reads the pool size, defaulting when unset and refusing nonsense", () => {
    expect(databasePoolSize(undefined)).toBe(DEFAULT_DB_POOL_SIZE);
    expect(databasePoolSize("")).toBe(DEFAULT_DB_POOL_SIZE);
    expect(databasePoolSize("25")).toBe(25);
    for (const bad of ["0", "-3", "2.5", "many", "5000"]) {
      expect(() => databasePoolSize(bad)).toThrow(/QUARRY_DB_POOL_SIZE must be a whole number/);
    }
  });
});

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma with only the provider and the client folder swapped, and is up to date", () => {
    // Exits non-zero (and the test fails) when the checked-in copy is stale.
    execFileSync(process.execPath, ["scripts/pg-schema.mjs", "--check"], { stdio: "pipe" });
    const sqlite = fs.readFileSync("prisma/schema.prisma", "utf8").split("\n");
    const postgres = fs.readFileSync("prisma/postgresql/schema.prisma", "utf8").split("\n").slice(2);
    const differ = sqlite.flatMap((line, i) => (line === postgres[i] ? [] : [[line.trim(), postgres[i]?.trim()]]));
    expect(differ).toEqual([
      ['output     = "../lib/generated/prisma"', 'output     = "../../lib/generated/prisma-pg"'],
      ['provider = "sqlite"', 'provider = "postgresql"'],
    ]);
    expect(postgres.length).toBe(sqlite.length);
  });

  it("has a migration history of its own, locked to PostgreSQL", () => {
    expect(fs.readFileSync("prisma/postgresql/migrations/migration_lock.toml", "utf8")).toMatch(
      /provider = "postgresql"/,
    );
  });
});

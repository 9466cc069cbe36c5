import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Imports point one way: app → components → lib, and the pure cores in lib/
// depend on no framework, database or server code. app/ and components/ reach
// the database through services only; browser code (lib/client) only over HTTP.
const root = path.resolve(__dirname, "../..");
const IMPURE_LIB = ["lib/data", "lib/server", "lib/generated", "lib/client"];
const FRAMEWORKS = /^(next|react|react-dom|zustand|@prisma\/[^/]+)(\/|$)/;

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((f) => !f.startsWith("lib/generated/"));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const specs = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return specs.map((m) => m[1] ?? m[2]!);
}

/** Repo-relative target of an import, or the bare package name. */
function resolve(file: string, spec: string): string {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  return spec;
}

const layerOf = (target: string) => target.split("/")[0];
const isPureLib = (file: string) => file.startsWith("lib/") && !IMPURE_LIB.some((d) => file.startsWith(`${d}/`));

function violations(): string[] {
  const found: string[] = [];
  for (const file of [...sourceFiles("lib"), ...sourceFiles("components")]) {
    for (const spec of importsOf(file)) {
      const target = resolve(file, spec);
      const layer = layerOf(target);
      if (file.startsWith("components/") && layer === "app") found.push(`${file} → ${spec}`);
      if (file.startsWith("lib/") && (layer === "app" || layer === "components")) found.push(`${file} → ${spec}`);
      if (isPureLib(file)) {
        if (FRAMEWORKS.test(target)) found.push(`${file} → ${spec} (framework in a pure core)`);
        if (IMPURE_LIB.some((d) => target === d || target.startsWith(`${d}/`)))
          found.push(`${file} → ${spec} (server code in a pure core)`);
      }
    }
  }
  return found;
}

describe("architecture", () => {
  it("finds the layers it checks", () => {
    expect(sourceFiles("lib").length).toBeGreaterThan(3);
    expect(sourceFiles("components").length).toBeGreaterThan(0);
    expect(importsOf("lib/server/db.ts")).toContain("@/lib/generated/prisma/client");
  });

  it("keeps imports pointing app → components → lib, with pure cores free of frameworks", () => {
    expect(violations()).toEqual([]);
  });

  it("keeps app/ and components/ off the data layer: they call services in lib/server", () => {
    const direct = [...sourceFiles("app"), ...sourceFiles("components")].flatMap((f) =>
      importsOf(f)
        .filter((s) => /^lib\/data(\/|$)/.test(resolve(f, s)))
        .map((s) => `${f} → ${s}`),
    );
    expect(direct).toEqual([]);
  });

  it("keeps browser code (lib/client) off the server, the data layer and the database", () => {
    const found = sourceFiles("lib/client").flatMap((f) =>
      importsOf(f)
        .filter((s) => /^(lib\/(server|data|generated)(\/|$)|@prisma\/)/.test(resolve(f, s)))
        .map((s) => `${f} → ${s}`),
    );
    expect(sourceFiles("lib/client").length).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });

  it("keeps Prisma access inside the data and server layers", () => {
    const direct = [...sourceFiles("app"), ...sourceFiles("components")].filter((f) =>
      importsOf(f).some((s) => /generated\/prisma|@prisma\/|lib\/server\/db/.test(s)),
    );
    expect(direct).toEqual([]);
  });
});

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports point one way: app → components → lib. Pure cores in lib/ import
// nothing from Next, React, Prisma or the server/data layers.
// tests/unit/architecture.test.ts checks the same rules over every file.
const frameworkPackages = ["next", "next/*", "react", "react-dom", "react/*", "@prisma/*", "zustand", "zustand/*"];
const layerPatterns = (layers) =>
  layers.map((l) => ({
    group: [`@/${l}`, `@/${l}/*`],
    message: `Imports point app → components → lib; not into ${l}/.`,
  }));

// Each constant and enum is defined once (lib/time, lib/domain/enums.ts); these
// catch a copy written again elsewhere.
const enumCopy = (values, where) => {
  const message = `Derive this list from ${where} in lib/domain/enums.ts instead of writing it again.`;
  const has = (child) => values.map((v) => `:has(> ${child}[value='${v}'])`).join("");
  return [
    { selector: `ArrayExpression${has("Literal")}`, message },
    { selector: `TSUnionType${values.map((v) => `:has(> TSLiteralType[literal.value='${v}'])`).join("")}`, message },
  ];
};
const timeConstants = [
  {
    selector: "VariableDeclarator[id.name=/^(DAY|HOUR|MINUTE)_MS$/]",
    message: "Time spans are defined once, in lib/time: import DAY_MS, HOUR_MS or MINUTE_MS.",
  },
  { selector: "Literal[value=86400000]", message: "A day in milliseconds is DAY_MS from lib/time." },
];
const enumCopies = [
  ...enumCopy(["cloze", "true_false"], "QUESTION_TYPES"),
  ...enumCopy(["organization", "percent"], "FACT_TYPES"),
  ...enumCopy(["new", "relearning"], "CARD_STATES"),
  ...enumCopy(["again", "easy"], "RATINGS"),
  ...enumCopy(["draft", "rejected"], "QUESTION_STATUSES or MODERATION_STATUSES"),
  ...enumCopy(["lobby", "running"], "GAME_STATUSES"),
  ...enumCopy(["teacher", "learner"], "ROLES"),
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(["app"]) }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/data/**", "lib/server/**", "lib/stores/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...layerPatterns(["app", "components", "lib/data", "lib/server", "lib/generated", "lib/stores"]),
            { group: frameworkPackages, message: "Pure cores in lib/ must not depend on a framework or the database." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/data/**", "lib/server/**", "lib/stores/**"],
    rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(["app", "components"]) }] },
  },
  {
    files: ["{app,components,lib,scripts}/**/*.{ts,tsx,mts,mjs}"],
    ignores: ["lib/domain/enums.ts", "lib/time/**"],
    rules: { "no-restricted-syntax": ["error", ...timeConstants, ...enumCopies] },
  },
  {
    // Benchmarks draw weighted mixes of types and ratings on purpose; only the time spans apply.
    files: ["bench/**/*.{ts,mts,mjs}"],
    rules: { "no-restricted-syntax": ["error", ...timeConstants] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);

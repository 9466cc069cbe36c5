import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports point one way: app → components → lib. Pure cores in lib/ import
// nothing from Next, React, Prisma or the server/data layers; app/ and
// components/ reach the database only through services (lib/server); browser
// code (lib/client) reaches the server only over HTTP. See ARCHITECTURE.md.
// tests/unit/architecture.test.ts checks the same rules over every file.
const frameworkPackages = ["next", "next/*", "react", "react-dom", "react/*", "@prisma/*", "zustand", "zustand/*"];
const layerPatterns = (layers) =>
  layers.map((l) => ({
    group: [`@/${l}`, `@/${l}/*`],
    message: `Imports point app → components → lib; not into ${l}/.`,
  }));

const dataLayer = [
  {
    group: ["@/lib/data", "@/lib/data/*", "@/lib/generated/*", "@prisma/*"],
    message: "app/ and components/ call services in lib/server; only they use lib/data.",
  },
];

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
    // Pages, route handlers and actions reach the database through services (lib/server), never lib/data.
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: dataLayer }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [...layerPatterns(["app"]), ...dataLayer] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/data/**", "lib/server/**", "lib/client/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...layerPatterns(["app", "components", "lib/data", "lib/server", "lib/generated", "lib/client"]),
            { group: frameworkPackages, message: "Pure cores in lib/ must not depend on a framework or the database." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/data/**", "lib/server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(["app", "components"]) }] },
  },
  {
    // What runs in the browser talks to the server over HTTP only.
    files: ["lib/client/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...layerPatterns(["app", "components", "lib/server", "lib/data", "lib/generated"]),
            { group: ["@prisma/*"], message: "Browser code must not depend on the database." },
          ],
        },
      ],
    },
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

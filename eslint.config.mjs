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
    files: ["lib/data/**", "lib/server/**", "lib/client/**"],
    rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(["app", "components"]) }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);

import securityHeaders from "./lib/server/security-headers.json" with { type: "json" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` runs lint and `tsc --noEmit` as their own steps; skipping them
  // here keeps `npm start` fast on a 2-core school server.
  typescript: { ignoreBuildErrors: true },
  // Server actions carry form fields only (sign-in, classes, question edits);
  // Next counts the streamed body and answers 413 past this.
  experimental: { serverActions: { bodySizeLimit: "256kb" } },
  // Native and WASM-backed modules must be loaded by Node, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "wink-nlp",
    "wink-eng-lite-web-model",
    "compromise",
    "sql.js",
    "unpdf",
    "mammoth",
    "linkedom",
    "@mozilla/readability",
    "@open-spaced-repetition/binding",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        // Shared with the direct live paths (lib/server/live/node-routes.ts).
        headers: securityHeaders,
      },
    ];
  },
};

export default nextConfig;

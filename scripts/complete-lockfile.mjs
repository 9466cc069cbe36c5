// The registry this project installs from serves only some builds of
// platform-specific optional packages (Next's SWC, the resolver bindings), so
// npm writes a lockfile without the others and `npm ci` then refuses it.
// This adds the missing optional entries, marked with their os/cpu, so npm ci
// accepts the lockfile and skips them on Linux as it would anyway.
// Run after any `npm install` that changes dependencies: node scripts/complete-lockfile.mjs
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const packages = lock.packages;
const OS = [
  "darwin",
  "win32",
  "android",
  "freebsd",
  "openharmony",
  "linux",
  "sunos",
  "aix",
  "netbsd",
  "openbsd",
  "wasm32",
];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p)) ?? (parts.includes("win32") ? "win32" : undefined);
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes("arm") ? "arm" : undefined);
  return { os, cpu };
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[base] || packages[`node_modules/${dep}`]) continue;
    const { os, cpu } = platformOf(dep);
    if (!os && !cpu) continue;
    const version = String(range).replace(/^[\^~=]/, "");
    packages[`node_modules/${dep}`] = {
      version,
      cpu: cpu ? [cpu] : undefined,
      dev: pkg.dev,
      optional: true,
      os: os ? [os] : undefined,
    };
    added++;
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lockfile: added ${added} optional platform entries`);

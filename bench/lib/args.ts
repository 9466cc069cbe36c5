// Bench options: `--name value`, `--name=value`, or an environment variable.
export function numberOption(name: string, envName: string, fallback: number): number {
  const raw = stringOption(name, envName);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}".`);
  return value;
}

export function flagOption(name: string, envName: string): boolean {
  if (process.argv.includes(`--${name}`)) return true;
  const env = process.env[envName];
  return env === "1" || env === "true";
}

function stringOption(name: string, envName: string): string | undefined {
  const args = process.argv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === `--${name}`) return args[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return process.env[envName] || undefined;
}

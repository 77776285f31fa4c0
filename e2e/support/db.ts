// The database the e2e app serves (scripts/e2e.ts passes it as DATABASE_URL), for specs that
// write what the ingestion would have written before they read the page.
import pg from "pg";

export const e2eDbUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;

export async function withDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDbUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

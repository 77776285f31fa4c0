import { readFile } from "node:fs/promises";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "./support/db";

// The hand-written migrations must create exactly the indexes schema.prisma declares (@id,
// @unique, @@id, @@unique, @@index), or `prisma migrate diff` would report drift wherever the
// schema engine runs. The schema is read by Prisma's own parser (the same wasm module the CLI
// uses). Partial and INCLUDE indexes cannot be written in the schema: they live in migrations
// only, each with a comment there and in schema.prisma, and are left out of the comparison.

const db = testDb();
afterAll(() => db.$disconnect());

interface DmmfField { name: string; dbName?: string | null }
interface Dmmf {
  datamodel: {
    models: { name: string; dbName: string | null; fields: DmmfField[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] }[];
  };
}

async function schemaIndexes(): Promise<string[]> {
  const schema = await readFile("prisma/schema.prisma", "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  return dmmf.datamodel.indexes.map((index) => {
    const model = models.get(index.model)!;
    const column = (field: string) => model.fields.find((f) => f.name === field)?.dbName ?? field;
    return describeIndex(model.dbName ?? model.name, index.type, index.fields.map((f) => column(f.name)));
  });
}

async function databaseIndexes(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ table: string; primary: boolean; unique: boolean; columns: string[] }[]>(`
    SELECT t.relname AS table, i.indisprimary AS primary, i.indisunique AS unique,
      array(SELECT a.attname FROM unnest(i.indkey[0:i.indnkeyatts - 1]) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
    WHERE s.nspname = 'public' AND t.relname <> '_prisma_migrations'
      AND i.indpred IS NULL AND i.indnatts = i.indnkeyatts AND i.indexprs IS NULL`);
  return rows.map((r) => describeIndex(r.table, r.primary ? "id" : r.unique ? "unique" : "normal", r.columns));
}

const describeIndex = (table: string, type: string, columns: string[]) => `${table} ${type} (${columns.join(", ")})`;

describe("migrations create the indexes schema.prisma declares", () => {
  it("has the same plain indexes on both sides", async () => {
    const [declared, created] = await Promise.all([schemaIndexes(), databaseIndexes()]);
    expect(declared.length).toBeGreaterThan(10);
    expect(created.sort()).toEqual(declared.sort());
  });
});

// The lines of one import are COPYed into a temporary table on the import's own connection as the
// files are read (memory stays one batch whatever the export's size), then each billing period is
// replaced in one transaction: its old lines deleted and the staged ones summed at the table's
// primary-key grain, in numeric (exact), written with the import's id. Reading happens before the
// transaction, so a file that fails to read never touches the period's lines.
import type pg from "pg";
import type { BillLine } from "@/lib/bill/line";
import { poolOf, type Db } from "@/lib/db/client";
import { copyInto, copyLine, inChunks } from "@/lib/store/copy";

const COLUMNS = [
  "billing_period", "day", "account_id", "region", "usage_type", "resource_id", "business_unit", "charge_category", "charge_class",
  "category", "billed_cost", "effective_cost", "list_cost", "consumed_quantity", "consumed_unit",
] as const;
const FIELDS: readonly (keyof BillLine)[] = [
  "billingPeriod", "day", "accountId", "region", "usageType", "resourceId", "businessUnit", "chargeCategory", "chargeClass",
  "category", "billedCost", "effectiveCost", "listCost", "consumedQuantity", "consumedUnit",
];
const GRAIN = COLUMNS.slice(0, 9).join(", ");

export class BillStage {
  private broken: Error | undefined;

  private constructor(private readonly client: pg.PoolClient) {}

  static async open(db: Db): Promise<BillStage> {
    const client = await poolOf(db).connect();
    try {
      // A pooled connection may still hold the table of an import that ended abruptly.
      await client.query(`DROP TABLE IF EXISTS pg_temp.bill_stage`);
      await client.query(
        `CREATE TEMP TABLE bill_stage (billing_period date, day date, account_id text, region text, usage_type text, resource_id text,
           business_unit text, charge_category text, charge_class text, category "CostCategory", billed_cost numeric, effective_cost numeric,
           list_cost numeric, consumed_quantity numeric, consumed_unit text)`,
      );
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return new BillStage(client);
  }

  async add(lines: readonly BillLine[]): Promise<void> {
    if (lines.length) await copyInto(this.client, "bill_stage", COLUMNS, inChunks(lines.map((l) => copyLine(l, FIELDS))));
  }

  async clear(): Promise<void> {
    await this.client.query(`TRUNCATE bill_stage`);
  }

  /** Staged lines per billing period ("YYYY-MM-01"). */
  async periods(): Promise<Map<string, number>> {
    const rows = (await this.client.query<{ period: string; n: string }>(`SELECT billing_period::text AS period, count(*)::text AS n FROM bill_stage GROUP BY 1`)).rows;
    return new Map(rows.map((r) => [r.period, Number(r.n)]));
  }

  /**
   * Replaces the period's bill lines with the staged ones and marks the import SUCCEEDED, in one
   * transaction: readers see the old lines or the new ones, never a mix, and a failure keeps the old.
   */
  async replace(period: string, importId: string, done: { final: boolean; linesKept: number }): Promise<number> {
    const c = this.client;
    await c.query("BEGIN");
    try {
      // Two imports of one period at once: the second waits, then replaces the first's lines.
      await c.query(`SELECT pg_advisory_xact_lock(hashtext('bill_import'), hashtext($1))`, [period]);
      await c.query(`DELETE FROM bill_cost_line WHERE billing_period = $1::date`, [period]);
      const inserted = await c.query(
        `INSERT INTO bill_cost_line (${GRAIN}, category, billed_cost, effective_cost, list_cost, consumed_quantity, consumed_unit, import_id)
         SELECT ${GRAIN}, min(category), sum(billed_cost), sum(effective_cost), sum(list_cost), sum(consumed_quantity), max(consumed_unit), $2::uuid
         FROM bill_stage WHERE billing_period = $1::date GROUP BY ${GRAIN}`,
        [period, importId],
      );
      await c.query(`UPDATE bill_import SET status = 'SUCCEEDED', final = $2, lines_kept = $3, finished_at = now() WHERE id = $1::uuid`, [importId, done.final, done.linesKept]);
      await c.query("COMMIT");
      return inserted.rowCount ?? 0;
    } catch (error) {
      await c.query("ROLLBACK").catch((e: Error) => (this.broken = e));
      throw error;
    }
  }

  async close(): Promise<void> {
    if (!this.broken) await this.client.query(`DROP TABLE IF EXISTS pg_temp.bill_stage`).catch((e: Error) => (this.broken = e));
    this.client.release(this.broken);
  }
}

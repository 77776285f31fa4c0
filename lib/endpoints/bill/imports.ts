// GET /api/bill/imports: the latest bill imports, newest first, for the Costs page's upload panel
// and for FinOps checking which months come from the bill (finops and admin only: sources and
// errors name buckets and files). POST (an upload) is not a JSON module: app/api/bill/imports/route.ts.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import type { Db } from "@/lib/db/client";
import { toDay } from "@/lib/domain/days";

const billImportsParams = z.strictObject({
  limit: z.coerce.number({ error: "must be a whole number from 1 to 100" }).int("must be a whole number from 1 to 100").min(1, "must be a whole number from 1 to 100").max(100, "must be a whole number from 1 to 100").default(20),
});

type BillImportItem = {
  id: string;
  /** "YYYY-MM" */
  billingPeriod: string;
  format: string;
  source: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  final: boolean;
  filesRead: number;
  linesRead: number;
  linesKept: number;
  error: string | null;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
};

type BillImports = { items: BillImportItem[] };

async function listBillImports(db: Db, params: z.output<typeof billImportsParams>): Promise<BillImports> {
  const rows = await db.billImport.findMany({ orderBy: [{ startedAt: "desc" }, { billingPeriod: "desc" }], take: params.limit });
  return {
    items: rows.map((r) => ({
      id: r.id,
      billingPeriod: toDay(r.billingPeriod).slice(0, 7),
      format: r.format,
      source: r.source,
      status: r.status,
      final: r.final,
      filesRead: r.filesRead,
      linesRead: Number(r.linesRead),
      linesKept: Number(r.linesKept),
      error: r.error,
      startedBy: r.startedBy,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    })),
  };
}

export const getBillImportsEndpoint = defineEndpoint({
  route: "GET /api/bill/imports",
  access: "finops",
  params: billImportsParams,
  query: (db, params) => listBillImports(db, params),
});

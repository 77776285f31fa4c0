// Imports an export (a folder, a file, an upload or an S3 location) billing period by billing
// period: the period's files are read by the streaming readers (lib/bill), their KMS lines staged,
// and the period's bill lines replaced in one transaction (stage.ts), recorded in bill_import.
// The same files as the period's latest successful import are skipped (same fingerprint), so a
// re-import changes nothing; a file that cannot be read fails its period and keeps its lines.
import { BillReadError, type BillFormat } from "@/lib/bill/line";
import { readBillFile } from "@/lib/bill/read-file";
import type { Db } from "@/lib/db/client";
import { recomputeBucketKeySavings } from "@/lib/rollups/bucket-key-savings";
import { recomputeCostMonthly } from "@/lib/rollups/costs";
import { loadPolicySettings } from "@/lib/settings/load";
import { ExportSourceError, fingerprintOf, isDataKey, isManifestKey, parseManifest, planImport, type ExportObject, type ImportUnit } from "./plan";
import { BillStage } from "./stage";
import type { ExportSource } from "./source";
import { addDays, toDay } from "@/lib/domain/days";

export type ImportOptions = {
  /** Import even when the files are those of the period's latest successful import. */
  force?: boolean;
  /** Who asked (bill_import.started_by): a user, "cli:<pid>". */
  startedBy?: string | null;
  /** Progress lines ("reading <file>"). */
  onProgress?: (message: string) => void;
};

export type PeriodOutcome = {
  /** "YYYY-MM-01", or null when a file failed before any line told its period. */
  period: string | null;
  status: "REPLACED" | "SKIPPED" | "FAILED";
  importId: string | null;
  format: BillFormat | null;
  files: number;
  linesRead: number;
  /** KMS lines read for this period (before summing at the table's grain). */
  linesKept: number;
  /** Rows written to bill_cost_line. */
  rowsWritten: number;
  final: boolean;
  /** Why it was skipped, or the failure naming the file. */
  message: string | null;
};

export type ImportSummary = { source: string; periods: PeriodOutcome[] };

/** AWS may still update a closed period during the two weeks after it ends (Data Exports, "Export refreshing"). */
const RESTATEMENT_DAYS = 14;

const monthAfter = (period: string) => {
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d;
};

/**
 * Final when every file that can say so says invoiced (CUR bill_invoice_id, FOCUS 1.2 InvoiceId);
 * when none can (FOCUS 1.0/1.1), when the files were delivered after AWS stops restating the period.
 */
function finalOf(period: string, said: readonly (boolean | undefined)[], files: readonly ExportObject[]): boolean {
  if (said.includes(false)) return false;
  if (said.includes(true)) return true;
  const closed = monthAfter(period).getTime() + RESTATEMENT_DAYS * 86_400_000;
  return files.length > 0 && files.every((f) => f.modifiedAt.getTime() >= closed);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The fingerprint of each period's latest successful import. */
async function latestFingerprints(db: Db): Promise<Map<string, string>> {
  const rows = await db.$queryRawUnsafe<{ period: string; fingerprint: string }[]>(
    `SELECT DISTINCT ON (billing_period) billing_period::text AS period, fingerprint FROM bill_import WHERE status = 'SUCCEEDED' ORDER BY billing_period, started_at DESC`,
  );
  return new Map(rows.map((r) => [r.period, r.fingerprint]));
}

async function listUnits(source: ExportSource): Promise<ImportUnit[]> {
  const objects = await source.list();
  if (!objects.some((o) => isDataKey(o.key))) throw new ExportSourceError(`${source.description}: no export files (.parquet, .csv, .csv.gz) found`);
  const manifests = [];
  for (const o of objects.filter((x) => isManifestKey(x.key))) manifests.push(parseManifest(o.key, o.modifiedAt, await source.readText(o)));
  return planImport(objects, manifests);
}

export async function importBill(db: Db, source: ExportSource, options: ImportOptions = {}): Promise<ImportSummary> {
  const say = options.onProgress ?? (() => {});
  const units = await listUnits(source);
  const latest = await latestFingerprints(db);
  const { businessUnitTagKey } = await loadPolicySettings(db);
  const periods: PeriodOutcome[] = [];
  const stage = await BillStage.open(db);
  try {
    for (const unit of units) periods.push(...(await importUnit(db, stage, source, unit, { ...options, say, latest, businessUnitTagKey })));
  } finally {
    await stage.close();
  }
  const replaced = periods.filter((p) => p.status === "REPLACED").map((p) => p.period!).sort();
  if (replaced.length) {
    const last = addDays(toDay(monthAfter(replaced.at(-1)!)), -1);
    say(`recomputing cost rollups ${replaced[0]}..${last}`);
    await recomputeCostMonthly(db, replaced[0]!, last);
    // The bill's Requests lines are the keys' request volumes the Bucket Key savings are priced with.
    await recomputeBucketKeySavings(db);
  }
  return { source: source.description, periods };
}

type UnitContext = ImportOptions & { say: (m: string) => void; latest: Map<string, string>; businessUnitTagKey: string };

async function importUnit(db: Db, stage: BillStage, source: ExportSource, unit: ImportUnit, ctx: UnitContext): Promise<PeriodOutcome[]> {
  const fingerprint = fingerprintOf(unit.files);
  const base = { importId: null, format: unit.format, files: unit.files.length, linesRead: 0, linesKept: 0, rowsWritten: 0, final: false };
  if (!ctx.force) {
    const same = [...ctx.latest].filter(([period, f]) => f === fingerprint && (unit.period === null || period === unit.period)).map(([period]) => period);
    if (same.length) return same.map((period) => ({ ...base, period, status: "SKIPPED", message: "same files as the latest successful import of this period (use --force to import them again)" }));
  }

  await stage.clear();
  let format = unit.format;
  let linesRead = 0;
  // What each file says of its periods' finality (a file knows it for all its lines at once).
  const said = new Map<string, (boolean | undefined)[]>();
  let failure: string | null = null;
  for (const file of unit.files) {
    ctx.say(`reading ${file.key} (${file.size} bytes)`);
    try {
      const local = await source.localFile(file);
      try {
        for await (const batch of readBillFile(local.path, { businessUnitTagKey: ctx.businessUnitTagKey })) {
          await stage.add(batch.lines);
          format ??= batch.info.format;
          if (batch.done) {
            linesRead += batch.linesRead;
            for (const period of batch.info.billingPeriods) said.set(period, [...(said.get(period) ?? []), batch.info.final]);
          }
        }
      } finally {
        await local.release();
      }
    } catch (error) {
      failure = error instanceof BillReadError || messageOf(error).includes(file.key.split("/").pop()!) ? messageOf(error) : `${file.key}: ${messageOf(error)}`;
      break;
    }
  }

  const staged = await stage.periods();
  // A period's folder or manifest holding lines of another period would replace that one with a
  // fragment of it: the layout is not an export's, so nothing is replaced.
  const stray = unit.period ? [...staged.keys()].filter((p) => p !== unit.period) : [];
  if (failure === null && stray.length) failure = `${unit.manifest ?? unit.files[0]?.key}: lines of billing period ${stray.join(", ")} among the files of ${unit.period}`;
  const targets = unit.period ? [unit.period] : [...staged.keys()].sort();
  const startedBy = ctx.startedBy ?? null;
  if (failure !== null) {
    // Recorded where the period and format are known; the period's lines stay as they were.
    for (const period of targets) {
      // A file that fails before its first line has told no format: the period's previous import's is the best guess.
      const recorded = format ?? (await db.billImport.findFirst({ where: { billingPeriod: new Date(period) }, orderBy: { startedAt: "desc" }, select: { format: true } }))?.format;
      if (recorded) await db.billImport.create({ data: { billingPeriod: new Date(period), format: recorded, source: source.description, fingerprint, status: "FAILED", error: failure, startedBy, linesRead: BigInt(linesRead), finishedAt: new Date() } });
    }
    const failed = targets.length ? targets : [null];
    return failed.map((period) => ({ ...base, period, format, status: "FAILED", message: failure }));
  }
  if (!format) return [{ ...base, period: unit.period, status: "FAILED", message: `${unit.manifest ?? source.description}: no file of the period could be read` }];

  const final = targets.map((p) => finalOf(p, said.get(p) ?? [], unit.files));
  const outcomes: PeriodOutcome[] = [];
  for (const [i, period] of targets.entries()) {
    const linesKept = staged.get(period) ?? 0;
    const row = await db.billImport.create({
      data: { billingPeriod: new Date(period), format, source: source.description, fingerprint, status: "RUNNING", startedBy, filesRead: unit.files.length, linesRead: BigInt(linesRead) },
    });
    try {
      const rowsWritten = await stage.replace(period, row.id, { final: final[i]!, linesKept });
      ctx.say(`${period.slice(0, 7)}: replaced with ${rowsWritten} rows from ${linesKept} KMS lines`);
      outcomes.push({ ...base, period, importId: row.id, format, linesRead, linesKept, rowsWritten, final: final[i]!, status: "REPLACED", message: null });
    } catch (error) {
      await db.billImport.update({ where: { id: row.id }, data: { status: "FAILED", error: messageOf(error), finishedAt: new Date() } });
      outcomes.push({ ...base, period, importId: row.id, format, linesRead, linesKept, status: "FAILED", message: messageOf(error) });
    }
  }
  return outcomes;
}

// Mean time to provision (DOMAIN.md §6.7) for CMKs created in a period, from key_provisioning:
// mean and median days from creation to the first snapshot free of hygiene findings; keys
// never clean are open.
import type { Db } from "@/lib/db/client";
import { keyProvisioning, mttpSummary, type KeyProvisioning } from "@/lib/kpi/mttp";
import { type Day, addDays, dayToDate, toDay } from "@/lib/domain/days";
import { latestSnapshotDay, resolveRange } from "./as-of";
import { buLabel } from "@/lib/domain/business-unit";
import type { KeyFilters } from "../key-counts";

/** No filter (or an empty one) lets every value through. */
const matches = (values: string[] | undefined, value: string) => !values?.length || values.includes(value);

export async function mttpReport(db: Db, query: { from?: Day; to?: Day } & KeyFilters) {
  const range = resolveRange(query, await latestSnapshotDay(db), 90);
  if (!range) return { from: null, to: null, summary: mttpSummary([], { start: new Date(0), end: new Date(0) }), keys: [] };
  const period = { start: dayToDate(range.from), end: dayToDate(addDays(range.to, 1)) };
  const rows = await db.keyProvisioning.findMany({ where: { createdAt: { gte: period.start, lt: period.end } }, orderBy: { createdAt: "asc" } });
  const keys = await db.kmsKeyVersion.findMany({
    where: { keyArn: { in: rows.map((r) => r.keyArn) } },
    orderBy: { validFrom: "asc" },
    select: { keyArn: true, businessUnit: true, aliases: true, accountId: true, region: true, environment: true },
  });
  // The latest version's BU and aliases describe the key.
  const info = new Map(keys.map((k) => [k.keyArn, k]));
  const provisioning: (KeyProvisioning & { businessUnit: string; aliases: string[]; accountId: string; region: string; environment: string })[] = rows
    .map((r) => {
      const p = keyProvisioning({ keyArn: r.keyArn, createdAt: r.createdAt, snapshots: r.compliantOn ? [{ day: toDay(r.compliantOn), codes: [] }] : [] });
      const k = info.get(r.keyArn);
      return { ...p, businessUnit: k?.businessUnit ?? "", aliases: k?.aliases ?? [], accountId: k?.accountId ?? "", region: k?.region ?? "", environment: k?.environment ?? "" };
    })
    .filter((p) => matches(query.bu, p.businessUnit) && matches(query.account, p.accountId) && matches(query.region, p.region) && matches(query.env, p.environment));
  return {
    ...range,
    summary: mttpSummary(provisioning, period),
    keys: provisioning.map((p) => ({ keyArn: p.keyArn, aliases: p.aliases, businessUnit: buLabel(p.businessUnit), createdAt: p.createdAt.toISOString(), compliantOn: p.compliantOn, days: p.days })),
  };
}

// key_finding: the current findings of every current CMK (DOMAIN.md §6.3), evaluated with the
// pure rules (lib/kpi/key-findings.ts) at the latest snapshot day. A finding that persists keeps
// the day it was first seen; one that is gone is removed; a new one is first seen today.
import type { Db } from "@/lib/db/client";
import type { ReferencingResource } from "@/lib/kpi/key-findings";
import { keyFindings } from "@/lib/kpi/key-findings";
import { latestSnapshotDay } from "@/lib/queries/kpi/as-of";
import { CURRENT, keyRecordOf, keyUsageRecordOf, WITH_POLICY } from "@/lib/queries/kpi/key-records";
import { loadPolicySettings } from "@/lib/settings/load";
import type { PolicySettings } from "@/lib/settings/policy";
import { dayToDate } from "@/lib/store/days";

export async function recomputeKeyFindings(db: Db, settings?: PolicySettings): Promise<{ keys: number; findings: number }> {
  const policy = settings ?? (await loadPolicySettings(db));
  const asOfDay = await latestSnapshotDay(db);
  if (!asOfDay) {
    await db.keyFinding.deleteMany({});
    return { keys: 0, findings: 0 };
  }
  const asOf = dayToDate(asOfDay);
  const [keys, usage, resources] = await Promise.all([
    db.kmsKeyVersion.findMany({ where: { validTo: CURRENT, keyManager: "CUSTOMER" }, include: WITH_POLICY }),
    db.kmsKeyUsage.findMany({}),
    db.storageResourceVersion.findMany({
      where: { validTo: CURRENT, keyArn: { not: null } },
      select: { resourceArn: true, keyArn: true, businessUnit: true, application: true },
    }),
  ]);
  const usageByKey = new Map(usage.map((u) => [u.keyArn, keyUsageRecordOf(u)]));
  const refsByKey = new Map<string, ReferencingResource[]>();
  for (const r of resources) {
    const refs = refsByKey.get(r.keyArn!) ?? [];
    refs.push({ resourceArn: r.resourceArn, businessUnit: r.businessUnit, application: r.application });
    refsByKey.set(r.keyArn!, refs);
  }

  const rows = keys.flatMap((version) =>
    keyFindings(keyRecordOf(version), { asOf, usage: usageByKey.get(version.keyArn) ?? null, referencingResources: refsByKey.get(version.keyArn) ?? [] }, policy).map(
      (f) => ({ key_arn: version.keyArn, code: f.code, severity: f.severity, evidence: f.evidence }),
    ),
  );

  await db.$transaction(
    async (tx) => {
      // Remember when each persisting finding was first seen, then replace the table's content.
      const previous = await tx.keyFinding.findMany({ select: { keyArn: true, code: true, firstSeen: true } });
      const firstSeen = new Map(previous.map((p) => [`${p.keyArn}|${p.code}`, p.firstSeen.toISOString().slice(0, 10)]));
      await tx.keyFinding.deleteMany({});
      if (rows.length === 0) return;
      await tx.$executeRawUnsafe(
        `INSERT INTO key_finding (key_arn, code, severity, evidence, first_seen)
         SELECT f.key_arn, f.code, f.severity, f.evidence, f.first_seen
         FROM jsonb_to_recordset($1::jsonb) AS f(key_arn text, code text, severity text, evidence jsonb, first_seen date)`,
        JSON.stringify(rows.map((r) => ({ ...r, first_seen: firstSeen.get(`${r.key_arn}|${r.code}`) ?? asOfDay }))),
      );
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return { keys: keys.length, findings: rows.length };
}

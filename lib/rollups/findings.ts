// key_finding: the current findings of every current CMK (DOMAIN.md §6.3), evaluated with the
// pure rules (lib/kpi/key-findings.ts) at the latest snapshot day. first_seen is the first day of
// the current uninterrupted stretch in which the finding holds: for findings that depend on the
// key version alone (policy, tags, aliases, rotation, state) it is read from the key's version
// history, like non_compliant_since for resources; in use while pending deletion and unused join
// that with the history of the resources on the key and its last use (finding-stretches.ts); for
// SHARED_MASTER_KEY (which applications share the key, over time, is not kept) a persisting
// finding keeps the day it was first seen and a new one is first seen today.
import type { Db } from "@/lib/db/client";
import type { KeyFindingCode, ReferencingResource } from "@/lib/kpi/key-findings";
import { keyFindings } from "@/lib/kpi/key-findings";
import { latestSnapshotDay } from "@/lib/queries/kpi/as-of";
import { keyRecordOf, keyUsageRecordOf, WITH_POLICY } from "@/lib/store/key-records";
import { loadPolicySettings } from "@/lib/settings/load";
import type { PolicySettings } from "@/lib/settings/policy";
import { OPEN_END_DATE, dayToDate, toDay } from "@/lib/domain/days";
import { pendingInUseSince, referenceHistories, unusedSince } from "./finding-stretches";

/** Findings decided by the key version alone, so their history can be read from the versions. */
const VERSION_CODES = new Set<KeyFindingCode>([
  "ROTATION_DISABLED", "MISSING_TAGS", "ALIAS_CONVENTION", "PUBLIC_POLICY", "BROAD_USAGE", "NO_SEPARATION_OF_DUTIES", "DISABLED_BILLED",
]);
/** Findings with a key-version half (pending deletion or not) and a resource/usage half. */
const MIXED_CODES = new Set<KeyFindingCode>(["PENDING_DELETION_IN_USE", "UNUSED"]);
const CHUNK = 5_000;

/**
 * Per "keyArn|code" of a version-derived finding of the current versions: the valid_from of the
 * earliest version of the unbroken run of versions (each ending the day the next begins) that
 * all hold the finding, ending with the current version.
 */
async function versionStretchStarts(db: Db, wanted: Map<string, Set<KeyFindingCode>>, policy: PolicySettings, asOf: Date): Promise<Map<string, string>> {
  const since = new Map<string, string>();
  const arns = [...wanted.keys()];
  for (let i = 0; i < arns.length; i += CHUNK) {
    const versions = await db.kmsKeyVersion.findMany({
      where: { keyArn: { in: arns.slice(i, i + CHUNK) } },
      include: WITH_POLICY,
      orderBy: [{ keyArn: "asc" }, { validFrom: "desc" }],
    });
    let arn = "";
    let open = new Set<KeyFindingCode>();
    let nextFrom: Date | null = null;
    for (const version of versions) {
      if (version.keyArn !== arn) {
        arn = version.keyArn;
        open = new Set(wanted.get(arn));
        nextFrom = null;
      }
      // A gap (the key absent for a while) ends every stretch.
      if (open.size === 0 || (nextFrom && version.validTo.getTime() !== nextFrom.getTime())) {
        open.clear();
        continue;
      }
      const held = new Set(keyFindings(keyRecordOf(version), { asOf, usage: null, referencingResources: [] }, policy).map((f) => f.code));
      // The key halves of the mixed findings; their other halves are read in recomputeKeyFindings.
      held.add(version.keyState === "PendingDeletion" ? "PENDING_DELETION_IN_USE" : "UNUSED");
      for (const code of [...open]) {
        if (held.has(code)) since.set(`${arn}|${code}`, toDay(version.validFrom));
        else open.delete(code);
      }
      nextFrom = version.validFrom;
    }
  }
  return since;
}

export async function recomputeKeyFindings(db: Db, settings?: PolicySettings): Promise<{ keys: number; findings: number }> {
  const policy = settings ?? (await loadPolicySettings(db));
  const asOfDay = await latestSnapshotDay(db);
  if (!asOfDay) {
    await db.keyFinding.deleteMany({});
    return { keys: 0, findings: 0 };
  }
  const asOf = dayToDate(asOfDay);
  const [keys, usage, resources] = await Promise.all([
    db.kmsKeyVersion.findMany({ where: { validTo: OPEN_END_DATE, keyManager: "CUSTOMER" }, include: WITH_POLICY }),
    db.kmsKeyUsage.findMany({}),
    db.storageResourceVersion.findMany({
      where: { validTo: OPEN_END_DATE, keyArn: { not: null } },
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

  const wanted = new Map<string, Set<KeyFindingCode>>();
  for (const r of rows) {
    if (!VERSION_CODES.has(r.code) && !MIXED_CODES.has(r.code)) continue;
    const codes = wanted.get(r.key_arn) ?? new Set<KeyFindingCode>();
    codes.add(r.code);
    wanted.set(r.key_arn, codes);
  }
  const stretchStart = await versionStretchStarts(db, wanted, policy, asOf);
  const mixed = rows.filter((r) => MIXED_CODES.has(r.code));
  const refHistory = await referenceHistories(db, [...new Set(mixed.map((r) => r.key_arn))]);
  const creationByKey = new Map(keys.map((k) => [k.keyArn, k.creationDate]));
  for (const r of mixed) {
    const id = `${r.key_arn}|${r.code}`;
    const keyHalf = stretchStart.get(id);
    const since = r.code === "PENDING_DELETION_IN_USE"
      ? pendingInUseSince(keyHalf, refHistory.get(r.key_arn))
      : unusedSince(creationByKey.get(r.key_arn)!, usageByKey.get(r.key_arn) ?? undefined, policy.unusedKeyDays, refHistory.get(r.key_arn), keyHalf);
    if (since) stretchStart.set(id, since);
    else stretchStart.delete(id);
  }

  await db.$transaction(
    async (tx) => {
      // Remember when each persisting finding was first seen, then replace the table's content.
      const previous = await tx.keyFinding.findMany({ select: { keyArn: true, code: true, firstSeen: true } });
      const firstSeen = new Map(previous.map((p) => [`${p.keyArn}|${p.code}`, toDay(p.firstSeen)]));
      await tx.keyFinding.deleteMany({});
      if (rows.length === 0) return;
      await tx.$executeRawUnsafe(
        `INSERT INTO key_finding (key_arn, code, severity, evidence, first_seen)
         SELECT f.key_arn, f.code, f.severity, f.evidence, f.first_seen
         FROM jsonb_to_recordset($1::jsonb) AS f(key_arn text, code text, severity text, evidence jsonb, first_seen date)`,
        JSON.stringify(rows.map((r) => ({ ...r, first_seen: stretchStart.get(`${r.key_arn}|${r.code}`) ?? firstSeen.get(`${r.key_arn}|${r.code}`) ?? asOfDay }))),
      );
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return { keys: keys.length, findings: rows.length };
}

// Which databases DescribeDBInstances / DescribeDBClusters return that are RDS in scope. The same
// API also lists DocumentDB ("docdb") and Neptune ("neptune"), other services whose instances
// carry a placeholder AllocatedStorage of 1 GiB: they are skipped and counted, and the count is a
// notice of the run (RDS_ENGINE_SKIPPED). Shared by the collector and the demo generator, so the
// demo's run summary says what a real run would.

export const RDS_ENGINE_SKIPPED = "RDS_ENGINE_SKIPPED";

/** RDS engines in scope: an allow-list, so a new non-RDS engine is skipped rather than counted. */
export function isRdsEngineInScope(engine: string | undefined): boolean {
  const e = engine ?? "";
  return ["mysql", "mariadb", "postgres"].includes(e) || /^(oracle|sqlserver|db2|aurora)-/.test(e) || e === "aurora";
}

/** Databases skipped in one account-region, by engine ("docdb", "neptune cluster", ...). */
export class SkippedDatabases {
  private readonly counts = new Map<string, number>();

  instance(engine: string | undefined): void {
    this.add(engine || "(no engine)");
  }

  cluster(engine: string): void {
    this.add(`${engine} cluster`);
  }

  private add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** The notice's message, or null when nothing was skipped. */
  message(): string | null {
    if (this.counts.size === 0) return null;
    const counts = [...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([engine, n]) => `${engine} ${n}`).join(", ");
    return `Skipped databases outside the RDS/Aurora scope (DocumentDB, Neptune, ...): ${counts}`;
  }
}

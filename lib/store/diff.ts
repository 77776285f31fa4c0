// The diff of a snapshot against the stored current versions of its scope, fed one incoming
// record at a time so that the snapshot can stream the new versions while it is still hashing.

export interface DiffCounts {
  unchanged: number;
  changed: number;
  added: number;
  removed: number;
}

interface Current {
  hash: string;
  /** Resources: non_compliant_since of a non-compliant current version, else null. */
  since: string | null;
  seen: boolean;
}

/** No new version; otherwise the `since` of the version it replaces (null when there is none or it was compliant). */
export const UNCHANGED = Symbol("unchanged");

export class SnapshotDiff {
  readonly counts: DiffCounts = { unchanged: 0, changed: 0, added: 0, removed: 0 };
  /** Entities whose current stored version closes (changed, then removed once finish() ran). */
  readonly close: string[] = [];
  /** Unchanged entities whose stored hash is of an older form, and the hash to store. */
  readonly rehash: [entity: string, hash: string][] = [];
  private readonly current = new Map<string, Current>();
  private readonly added = new Set<string>();

  /** `current`: entity id, content hash (and for resources non-compliant since) of each current version. */
  constructor(current: Iterable<readonly [entity: string, hash: string, since?: string | null]>) {
    for (const [entity, hash, since] of current) this.current.set(entity, { hash, since: since ?? null, seen: false });
  }

  /**
   * Whether the incoming record needs a new version (UNCHANGED when not), and if so the `since`
   * of the version it replaces. A record listed twice (paginated overlap) is one entity.
   * `legacyHash` gives the record's hash in the form the stored one has, when that form is an
   * older one (null otherwise): equal means unchanged, and the stored hash is queued for rehash.
   */
  opens(id: string, hash: string, legacyHash?: (stored: string) => string | null): typeof UNCHANGED | string | null {
    const existing = this.current.get(id);
    if (!existing) {
      if (this.added.has(id)) return UNCHANGED;
      this.added.add(id);
      this.counts.added++;
      return null;
    }
    if (existing.seen) return UNCHANGED;
    existing.seen = true;
    if (existing.hash === hash) {
      this.counts.unchanged++;
      return UNCHANGED;
    }
    if (legacyHash && legacyHash(existing.hash) === existing.hash) {
      this.counts.unchanged++;
      this.rehash.push([id, hash]);
      return UNCHANGED;
    }
    this.counts.changed++;
    this.close.push(id);
    return existing.since;
  }

  /** After the last record: stored versions not seen are removed. */
  finish(): this {
    for (const [id, existing] of this.current) {
      if (!existing.seen) {
        this.counts.removed++;
        this.close.push(id);
      }
    }
    return this;
  }
}

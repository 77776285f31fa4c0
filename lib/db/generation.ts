// The data generation (migration 20261123100000_data_generation): a value that moves whenever a
// table the dashboard reads changes. Every writing statement draws from data_generation_seq while
// holding a shared advisory lock until its transaction ends. Every table has that `data_change`
// trigger but those tests/integration/schema-data-change.test.ts exempts, each with its reason.
import type { Db } from "./client";

export interface DataGeneration {
  /** The sequence's last value: responses computed for it stay valid until it moves. */
  generation: string;
  /**
   * True when no writing transaction was in flight after the value was read: a response computed
   * from now on includes every change up to `generation`. False while an ingestion or a settings
   * save is still writing: what is computed then may miss its changes and must not be kept.
   */
  settled: boolean;
}

export async function readDataGeneration(db: Db): Promise<DataGeneration> {
  // The sequence row is scanned before the target list is computed, so the lock is tried after the
  // value is read (and released at the end of the statement's own transaction). That order is what
  // makes `settled` safe: a writer that drew a value up to `generation` held the lock before drawing.
  // The try is exclusive, so it also fails while another reader holds it for its instant: only then
  // the lock table tells whether a writer (shared mode, granted) is really in flight.
  const rows = await db.$queryRawUnsafe<{ generation: string; settled: boolean }[]>(
    `SELECT generation::text AS generation,
       CASE WHEN pg_try_advisory_xact_lock(${DATA_CHANGE_LOCK.classid}, ${DATA_CHANGE_LOCK.objid}) THEN true
            ELSE NOT EXISTS (
              SELECT 1 FROM pg_locks
              WHERE locktype = 'advisory' AND mode = 'ShareLock' AND granted
                AND classid = ${DATA_CHANGE_LOCK.classid} AND objid = ${DATA_CHANGE_LOCK.objid} AND objsubid = 2
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
       END AS settled
     FROM (SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS generation FROM data_generation_seq OFFSET 0) AS s`,
  );
  const row = rows[0]!;
  return { generation: row.generation, settled: row.settled };
}

/** The two-key advisory lock writers hold in shared mode (objsubid 2 marks the two-int4 form). */
const DATA_CHANGE_LOCK = { classid: 72707369, objid: 1 } as const;

/**
 * Runs `work` in the caller's transaction with its data generation deferred to the end
 * (migration 20261207120000_deferred_data_generation): its statements neither draw nor take the
 * shared lock, so while it runs readers still read the generation as settled and keep serving
 * what they cached for it - right, since they cannot see its uncommitted rows. It draws once
 * after `work`, holding the shared lock until commit, like any writer. For long transactions
 * that rewrite what the dashboard reads (the settings recompute), never for a bare statement
 * outside a transaction (the draw would then come after its rows were visible).
 */
export async function withDeferredDataGeneration<T>(tx: Pick<Db, "$executeRawUnsafe">, work: () => Promise<T>): Promise<T> {
  await tx.$executeRawUnsafe(`SELECT set_config('kms_finops.defer_data_generation', 'on', true)`);
  const result = await work();
  await tx.$executeRawUnsafe(`SELECT set_config('kms_finops.defer_data_generation', 'off', true)`);
  // Lock, then draw: the order note_data_change keeps, which readDataGeneration relies on.
  await tx.$executeRawUnsafe(`DO $$ BEGIN PERFORM pg_advisory_xact_lock_shared(${DATA_CHANGE_LOCK.classid}, ${DATA_CHANGE_LOCK.objid}); PERFORM nextval('data_generation_seq'); END $$`);
  return result;
}

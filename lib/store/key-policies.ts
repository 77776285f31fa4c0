import type { KeyPolicyText } from "./rows";
import type { SqlExecutor } from "./pg-tx";

// Key policies are stored once per distinct document (kms_key_policy, named by the hash of the
// JSON text) and key versions name theirs by hash: most keys of an account share the console
// default or one of a few policies, and at ~1 kB a document was most of a key version's bytes.
// Documents are immutable and never deleted, so a stored hash always names the same text.

/**
 * Stores the documents among `policies` that are not stored yet, before the key versions that
 * name them (a foreign key checks it). Only the hashes travel unless a document is new, so a
 * daily snapshot of unchanged keys sends no policy text.
 */
export async function storeKeyPolicies(tx: SqlExecutor, policies: Iterable<KeyPolicyText | null>): Promise<void> {
  const texts = new Map<string, string>();
  for (const p of policies) if (p) texts.set(p.hash, p.text);
  if (texts.size === 0) return;
  // Sorted, so that two account-regions adding the same documents take their row locks in the
  // same order and wait for each other instead of deadlocking.
  const hashes = [...texts.keys()].sort();
  const stored = await tx.$queryRawUnsafe<{ policy_hash: string }[]>(
    `SELECT policy_hash FROM kms_key_policy WHERE policy_hash = ANY($1::text[])`,
    hashes,
  );
  const known = new Set(stored.map((r) => r.policy_hash));
  const missing = hashes.filter((h) => !known.has(h)).map((hash) => ({ hash, document: texts.get(hash)! }));
  if (missing.length === 0) return;
  // Another unit may store the same document meanwhile: its row wins, and it is the same text.
  await tx.$executeRawUnsafe(
    `INSERT INTO kms_key_policy (policy_hash, document)
     SELECT p.hash, p.document::json FROM jsonb_to_recordset($1::jsonb) AS p(hash text, document text)
     ORDER BY p.hash ON CONFLICT (policy_hash) DO NOTHING`,
    JSON.stringify(missing),
  );
}

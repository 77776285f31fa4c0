import Link from "next/link";
import { Bdi } from "@/components/tables/bidi";

/** The key id, the part of an ARN a person can compare ("key/1234abcd-…" → "1234abcd-…"). */
export const keyIdOf = (keyArn: string) => keyArn.slice(keyArn.lastIndexOf("/") + 1);

/**
 * A link from a row (resource, finding, savings) onward to its key's detail page. No prefetch:
 * a table page of links would be as many server renders of key pages.
 */
export function KeyLink({ keyArn, label }: { keyArn: string; label?: string }) {
  return (
    <Link href={`/keys/${encodeURIComponent(keyArn)}`} prefetch={false} className="font-medium text-sky-800 underline-offset-2 hover:underline">
      <Bdi>{label ?? keyIdOf(keyArn)}</Bdi>
    </Link>
  );
}

/**
 * A non-compliant resource's key, linked onward: an AWS managed or unusable key has a page; an
 * unresolved reference (UNKNOWN_KEY) is not in the key inventory, so it stays text.
 */
export function ResourceKeyCell({ keyArn, reason }: { keyArn: string | null; reason: string | null }) {
  if (keyArn === null) return null;
  return reason === "UNKNOWN_KEY" ? <Bdi>{keyArn}</Bdi> : <KeyLink keyArn={keyArn} />;
}

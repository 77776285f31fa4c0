import type { Metadata } from "next";
import Link from "next/link";
import { authConfig } from "@/lib/auth/config";
import { roleMap } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "No access" };

const ROLE_WORDS = { admin: "administrators", finops: "FinOps (read everything)", viewer: "business-unit viewers" } as const;

/** Where a signed-in user without a mapped group lands, and where sign-out ends. */
export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  if ((await searchParams).signedOut === "1") {
    return (
      <section className="max-w-xl space-y-3">
        <h1 className="text-2xl font-semibold">Signed out</h1>
        <Link className="text-sky-800 underline" href="/auth/sign-in">Sign in again</Link>
      </section>
    );
  }
  const map = await roleMap(db(), authConfig().AUTH_ROLE_MAP);
  const groups = Object.entries(map).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="max-w-xl space-y-3">
      <h1 className="text-2xl font-semibold">No access</h1>
      <p>You signed in, but none of your identity provider groups grants access to this dashboard. Ask your identity administrator to add you to one of these groups:</p>
      <ul className="list-disc pl-6">
        {groups.map(([group, entry]) => (
          <li key={group}>
            <code>{group}</code> — {ROLE_WORDS[entry.role]}
            {entry.role === "viewer" && entry.businessUnits.length ? ` of ${entry.businessUnits.join(", ")}` : ""}
          </li>
        ))}
      </ul>
      {groups.length === 0 ? <p>No group is mapped yet: set AUTH_ROLE_MAP (README, “Sign-in and roles”).</p> : null}
    </section>
  );
}

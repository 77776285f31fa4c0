import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/page-access";
import { AdminFrame } from "@/components/admin/admin-frame";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

const SECTIONS = [
  { href: "/admin/tokens", title: "API tokens", text: "Create tokens for scripts and BI tools with a role, a business-unit scope and an expiry; revoke them." },
  { href: "/admin/users", title: "Users & sessions", text: "Who signed in, with which role; end a session or sign a user out everywhere." },
  { href: "/admin/role-mappings", title: "Role mappings", text: "Which identity-provider group gives which role and business units." },
  { href: "/admin/audit", title: "Audit log", text: "Who changed settings, started runs, created or revoked tokens and sessions." },
];

export default async function Page() {
  await requirePage("PAGE /admin", "/admin");
  return (
    <AdminFrame index title="Admin" description="Access to the dashboard: tokens, users, role mappings and the audit log">
      <ul className="grid gap-4 md:grid-cols-2">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-sky-400 focus-visible:outline-2 focus-visible:outline-sky-400">
              <span className="font-semibold text-sky-900">{s.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </AdminFrame>
  );
}

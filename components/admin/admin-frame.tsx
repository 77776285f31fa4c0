import Link from "next/link";
import type { ReactNode } from "react";
import { TableScroll } from "@/components/tables/table-scroll";

/** Heading of an admin page, with the way back to the admin index (admin data has no "as of" date). */
export function AdminFrame({ title, description, children, index = false }: { title: string; description: string; children: ReactNode; index?: boolean }) {
  return (
    <div className="space-y-6">
      <div>
        {index ? null : (
          <Link href="/admin" className="text-sm text-sky-800 underline-offset-2 hover:underline">
            ← Admin
          </Link>
        )}
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      {children}
    </div>
  );
}

/** A plain table of a few columns, styled like the dashboard's tables; a "" header is the actions column. */
export function AdminTable({ caption, headers, children, testId }: { caption: string; headers: string[]; children: ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      {/* A named, focusable scroll region: a wide table without a link or button in it (the alert
          history of sent deliveries) can then be scrolled from the keyboard (axe scrollable-region-focusable). */}
      <TableScroll className="rounded-lg focus-visible:outline-2 focus-visible:outline-sky-600" role="region" aria-label={caption} tabIndex={0}>
        <table data-testid={testId} className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              {headers.map((h, i) => (
                <th key={i} scope="col" className="px-3 py-2">
                  {h || <span className="sr-only">Actions</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">{children}</tbody>
        </table>
      </TableScroll>
    </div>
  );
}

export const cellClass = "px-3 py-2 align-top text-slate-800";

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCarriedQuery } from "@/components/filters/carried-query";
import { adminNavItems, isActive, navItems } from "./nav-items";

/** The pages whose figures follow the global filters (Runs, Settings and admin pages do not). */
const FILTERED_PAGES = new Set<string>(["/", "/keys", "/resources", "/costs", "/savings", "/teams"]);

export function MainNav({ showAdmin }: { showAdmin: boolean }) {
  const pathname = usePathname();
  const items = showAdmin ? [...navItems, ...adminNavItems] : navItems;
  // The filters follow the person from page to page (issue 19).
  const carried = useCarriedQuery();
  return (
    <nav aria-label="Main" className="-mb-px overflow-x-auto">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => {
          const active = isActive(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={FILTERED_PAGES.has(item.href) ? `${item.href}${carried}` : item.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-sky-300 ${
                  active
                    ? "border-sky-400 text-white"
                    : "border-transparent text-slate-300 hover:border-slate-500 hover:text-white"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

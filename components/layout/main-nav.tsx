"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { adminNavItems, isActive, navItems } from "./nav-items";

export function MainNav({ showAdmin }: { showAdmin: boolean }) {
  const pathname = usePathname();
  const items = showAdmin ? [...navItems, ...adminNavItems] : navItems;
  return (
    <nav aria-label="Main" className="-mb-px overflow-x-auto">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => {
          const active = isActive(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
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

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useCarriedQuery } from "@/components/filters/carried-query";
import { adminNavItems, isActive, navItems } from "./nav-items";

/** The pages whose figures follow the global filters (Runs, Settings and admin pages do not). */
const FILTERED_PAGES = new Set<string>(["/", "/keys", "/resources", "/costs", "/savings", "/teams", "/findings"]);

/**
 * The header's links. Below 768 px they fold behind a "Menu" button (ten links do not fit a phone's
 * width, and a row that scrolls sideways hid half of them with no hint); from 768 px they wrap
 * onto a second row rather than scroll, so every link stays in view.
 */
export function MainNav({ showAdmin }: { showAdmin: boolean }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const items = showAdmin ? [...navItems, ...adminNavItems] : navItems;
  // The filters follow the person from page to page (issue 19).
  const carried = useCarriedQuery();
  const current = items.find((item) => isActive(item.href, pathname));
  return (
    <nav aria-label="Main" className="-mb-px w-full md:w-auto">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-nav-links"
        onClick={() => setOpen(!open)}
        className="mb-2 inline-flex items-center gap-2 rounded border border-slate-600 px-3 py-1.5 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-sky-300 md:hidden"
      >
        <MenuIcon open={open} />
        Menu{current ? <span className="font-normal text-slate-300">· {current.label}</span> : null}
      </button>
      <ul id="main-nav-links" className={`${open ? "flex" : "hidden"} flex-col pb-2 md:flex md:flex-row md:flex-wrap md:gap-1 md:pb-0`}>
        {items.map((item) => {
          const active = isActive(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={FILTERED_PAGES.has(item.href) ? `${item.href}${carried}` : item.href}
                aria-current={active ? "page" : undefined}
                // A phone's menu closes on the way to the chosen page.
                onClick={() => setOpen(false)}
                className={`block border-l-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-sky-300 md:inline-block md:border-b-2 md:border-l-0 md:py-3 ${
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

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
      {open ? <path d="M3 3l10 10M13 3L3 13" /> : <path d="M2 4h12M2 8h12M2 12h12" />}
    </svg>
  );
}

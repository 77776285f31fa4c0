import Link from "next/link";
import { canAdminister } from "@/lib/auth/principal";
import { pagePrincipal } from "@/lib/auth/page-access";
import { MainNav } from "./main-nav";

export async function SiteHeader() {
  const principal = await pagePrincipal();
  return (
    <header data-fixed-colors className="border-b border-slate-800 bg-slate-900 text-white print:hidden">
      <div className="mx-auto flex max-w-[1600px] flex-col gap-x-10 px-6 lg:flex-row lg:items-end">
        <Link
          href="/"
          className="flex items-center gap-2 py-3 text-base font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-sky-300"
        >
          <KeyMark />
          <span>
            KMS FinOps <span className="hidden font-normal text-slate-400 sm:inline">· AWS KMS cost &amp; CMK coverage</span>
          </span>
        </Link>
        <MainNav showAdmin={principal !== null && canAdminister(principal)} />
      </div>
    </header>
  );
}

function KeyMark() {
  return (
    <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" className="h-6 w-6 text-sky-400" fill="none" stroke="currentColor" strokeWidth={2}>
      <circle cx="8" cy="15" r="4" />
      <path d="M10.8 12.2 20 3m-3 3 3 3m-6 0 2 2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

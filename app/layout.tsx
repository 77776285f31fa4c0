import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { COLOR_SCHEME_SCRIPT } from "@/components/layout/color-scheme";
import { SessionBar } from "@/components/layout/session-bar";
import { SiteHeader } from "@/components/layout/site-header";
import { Providers } from "@/components/providers";
import { nonceFromPolicy } from "@/lib/http/security";
import "./globals.css";

// Every page, the not-found page included, renders per request: proxy.ts gives each response a
// fresh CSP nonce, which Next can only put on the scripts of a page rendered for that request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "KMS FinOps", template: "%s · KMS FinOps" },
  description: "Self-hosted FinOps dashboard for AWS KMS: key inventory, CMK coverage, KMS cost per business unit, savings.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = nonceFromPolicy((await headers()).get("content-security-policy"));
  return (
    // The script sets data-theme on <html> before React hydrates: not a mismatch to report.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Before the first paint, so a dark page never flashes white (components/layout/color-scheme.ts). */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: COLOR_SCHEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-100 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-slate-900 focus:shadow-lg"
        >
          Skip to main content
        </a>
        <Providers>
          <SessionBar />
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto max-w-[1600px] px-6 py-8 focus:outline-none">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}

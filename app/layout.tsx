import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SessionBar } from "@/components/layout/session-bar";
import { SiteHeader } from "@/components/layout/site-header";
import { Providers } from "@/components/providers";
import "./globals.css";

// Every page, the not-found page included, renders per request: proxy.ts gives each response a
// fresh CSP nonce, which Next can only put on the scripts of a page rendered for that request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "KMS FinOps", template: "%s · KMS FinOps" },
  description: "Self-hosted FinOps dashboard for AWS KMS: key inventory, CMK coverage, KMS cost per business unit, savings.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
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

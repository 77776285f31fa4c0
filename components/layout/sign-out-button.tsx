"use client";

import { useRouter } from "next/navigation";

/** Sign-out is a POST with JSON (the CSRF rule of every state-changing route), then the signed-out page. */
export function SignOutButton() {
  const router = useRouter();
  async function signOut() {
    await fetch("/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    router.replace("/auth/no-access?signedOut=1");
    router.refresh();
  }
  return (
    <button type="button" onClick={signOut} className="rounded px-2 py-0.5 text-sky-200 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-300">
      Sign out
    </button>
  );
}

import { authConfig } from "@/lib/auth/config";
import { demoBusinessUnits } from "@/lib/auth/demo-view";
import { DemoViewSwitcher } from "./demo-view-switcher";
import { pagePrincipal } from "@/lib/auth/page-access";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";
import { buLabel } from "@/lib/domain/business-unit";

/**
 * Who is signed in, with which role and scope, above the header. Demo and AUTH_MODE=none say so
 * on every page: nobody should mistake an unauthenticated server for a protected one.
 */
export async function SessionBar() {
  const config = authConfig();
  const principal = await pagePrincipal();
  const demoView = principal?.kind === "demo" && principal.businessUnits ? buLabel(principal.businessUnits[0]!) : null;
  const scope = principal?.businessUnits ? ` · business units: ${principal.businessUnits.map(buLabel).join(", ")}` : "";
  return (
    <div data-fixed-colors className="bg-slate-950 text-xs text-slate-200 print:hidden">
      {config.AUTH_MODE === "none" ? (
        <p role="alert" className="bg-amber-300 px-6 py-1 text-center font-medium text-slate-900">
          AUTH_MODE=none: no sign-in, every visitor is an admin. Served on 127.0.0.1 only.
        </p>
      ) : null}
      {config.AUTH_MODE === "demo" ? (
        <p className="bg-sky-200 px-6 py-1 text-center font-medium text-slate-900">
          Demo: generated organization, signed in automatically as an admin.
          <DemoViewSwitcher businessUnits={await demoBusinessUnits()} current={demoView} />
        </p>
      ) : null}
      <div className="mx-auto flex max-w-[1600px] items-center justify-end gap-3 px-6 py-1">
        {principal ? (
          <span>
            <bdi>{principal.name}</bdi> · {principal.role}
            {scope}
          </span>
        ) : null}
        {principal?.kind === "session" ? <SignOutButton /> : null}
        <ThemeToggle />
      </div>
    </div>
  );
}

/** The product's pages, in header order. Pages not built yet answer 404 until they land. */
export const navItems = [
  { href: "/", label: "Overview" },
  { href: "/keys", label: "Keys" },
  { href: "/resources", label: "Resources" },
  { href: "/findings", label: "Findings" },
  { href: "/costs", label: "Costs" },
  { href: "/savings", label: "Savings" },
  { href: "/teams", label: "Teams" },
  { href: "/runs", label: "Runs" },
  { href: "/settings", label: "Settings" },
] as const;

/** Shown after the others, to admins only (the pages themselves check the role again). */
export const adminNavItems = [
  { href: "/alerts", label: "Alerts" },
  { href: "/admin", label: "Admin" },
] as const;

/** "/" matches only itself; any other item also matches its sub-pages (/keys/abc). */
export function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

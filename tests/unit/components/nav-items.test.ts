import { describe, expect, it } from "vitest";
import { isActive, navItems } from "@/components/layout/nav-items";

describe("header navigation", () => {
  it("lists the product's pages in order", () => {
    expect(navItems.map((i) => i.label)).toEqual(["Overview", "Keys", "Resources", "Findings", "Costs", "Savings", "Teams", "Runs", "Settings"]);
  });

  it("marks Overview active only on the home page", () => {
    expect(isActive("/", "/")).toBe(true);
    expect(isActive("/", "/keys")).toBe(false);
  });

  it("marks a section active on its sub-pages but not on a look-alike path", () => {
    expect(isActive("/keys", "/keys")).toBe(true);
    expect(isActive("/keys", "/keys/arn%3Aaws%3Akms")).toBe(true);
    expect(isActive("/keys", "/keystore")).toBe(false);
  });
});

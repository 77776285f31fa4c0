import { describe, expect, it } from "vitest";
import { csrfProblem } from "@/lib/auth/csrf";

const APP_URL = "https://finops.example.com";
const post = (headers: Record<string, string>) => new Request("https://finops.example.com/api/runs", { method: "POST", headers, body: "{}" });

describe("csrfProblem", () => {
  it("lets reads through", () => {
    expect(csrfProblem(new Request("https://finops.example.com/api/runs"), APP_URL)).toBeNull();
  });

  it("accepts a same-origin JSON POST", () => {
    expect(csrfProblem(post({ "content-type": "application/json", origin: APP_URL }), APP_URL)).toBeNull();
  });

  it("refuses the cross-site no-cors form POST (text/plain, foreign origin)", () => {
    expect(csrfProblem(post({ "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example" }), APP_URL)).toMatch(/content-type/);
    expect(csrfProblem(post({ "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }), APP_URL)).toMatch(/content-type/);
  });

  it("refuses JSON from another origin or without an Origin", () => {
    expect(csrfProblem(post({ "content-type": "application/json", origin: "https://evil.example" }), APP_URL)).toMatch(/evil\.example is not this site/);
    expect(csrfProblem(post({ "content-type": "application/json" }), APP_URL)).toMatch(/Origin/);
  });

  it("accepts bearer-token requests, which browsers never send on their own", () => {
    expect(csrfProblem(post({ authorization: "Bearer kfo_abc" }), APP_URL)).toBeNull();
  });

  it("falls back to the request's host without APP_URL", () => {
    const request = new Request("http://127.0.0.1:3000/api/runs", { method: "PUT", headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000" } });
    expect(csrfProblem(request, undefined)).toBeNull();
  });
});

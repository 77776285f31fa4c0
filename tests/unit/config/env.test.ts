import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, env, type EnvSource } from "@/lib/config/env";

afterEach(() => vi.unstubAllEnvs());

describe("env()", () => {
  it("validates a concern once and keeps its answer while the environment is unchanged", () => {
    const concern = vi.fn((source: EnvSource) => source.SOME_SETTING ?? "default");
    vi.stubEnv("SOME_SETTING", "a");
    expect(env(concern)).toBe("a");
    expect(env(concern)).toBe("a");
    expect(concern).toHaveBeenCalledTimes(1);
    vi.stubEnv("SOME_SETTING", "b");
    expect(env(concern)).toBe("b");
  });

  it("stops with a ConfigError naming the variable", () => {
    vi.stubEnv("PORT", "eighty");
    expect(() => env()).toThrow(ConfigError);
    expect(() => env()).toThrow(/^Invalid configuration: PORT: /);
  });
});

// Every setting is read through env() (lib/config/env.ts). What else may touch process.env, and why.
const OTHER_READERS: Record<string, string> = {
  "lib/config/env.ts": "the one reader",
  "lib/process/node-version.ts": "npm_lifecycle_event is npm's own marker of an npm script, not a setting",
  "lib/process/build.ts": "hands the whole environment to the `next build` child",
  "proxy.ts": "NODE_ENV, set by Next itself and inlined at build",
  "instrumentation.ts": "NEXT_RUNTIME, set by Next itself",
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("the environment's readers", () => {
  it("are env() and the listed exceptions only, in the web app and the worker", () => {
    const files = ["app", "components", "jobs", "lib"].flatMap(sources).concat(["proxy.ts", "next.config.ts", "instrumentation.ts"]);
    const readers = files.filter((file) => readFileSync(file, "utf8").includes("process.env")).sort();
    expect(readers).toEqual(Object.keys(OTHER_READERS).sort());
  });
});

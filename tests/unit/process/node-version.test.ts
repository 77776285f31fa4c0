import { describe, expect, it } from "vitest";
import { judgeNodeVersion } from "@/lib/process/node-version";

describe("judgeNodeVersion", () => {
  it("accepts Node 24 and later", () => {
    expect(judgeNodeVersion("v24.21.0", false)).toEqual({ level: "ok" });
    expect(judgeNodeVersion("v26.0.0", true)).toEqual({ level: "ok" });
  });

  it("warns on Node 20.19–23, saying how to get Node 24", () => {
    const direct = judgeNodeVersion("v20.20.2", false);
    expect(direct.level).toBe("warn");
    expect(direct.level !== "ok" && direct.message).toMatch(/^Node v20\.20\.2 is not supported .*start it through npm \(`npm start`/);
    const npm = judgeNodeVersion("v22.1.0", true);
    expect(npm.level !== "ok" && npm.message).toContain("run `npm install`");
  });

  it("refuses what Prisma 7 and Next.js 16 cannot run on", () => {
    expect(judgeNodeVersion("v20.18.1", false).level).toBe("fatal");
    expect(judgeNodeVersion("v18.20.0", false).level).toBe("fatal");
  });
});

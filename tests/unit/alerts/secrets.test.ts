// Channel secrets at rest: AES-256-GCM round trip, tampering detected, key rotation, and the
// ALERTS_SECRET_KEY setting validated with a message naming it.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/config/env";
import { checkAlertsKeyAtStartup, keyId, openSecret, sealSecret, sealedWithCurrentKey, secretKeysFromEnv, SecretKeyMissingError } from "@/lib/alerts/secrets";

const current = randomBytes(32);
const previous = randomBytes(32);
const secret = JSON.stringify({ webhookUrl: "https://hooks.slack.com/services/T000/B000/XyZ9" });

describe("sealSecret / openSecret", () => {
  it("round-trips, names its key, and never contains the plaintext", () => {
    const sealed = sealSecret(secret, { current });
    expect(sealed.split(".")).toHaveLength(5);
    expect(sealed.split(".")[1]).toBe(keyId(current));
    expect(sealed).not.toContain("hooks.slack.com");
    expect(openSecret(sealed, { current })).toBe(secret);
    // A fresh IV each time: the same secret seals differently.
    expect(sealSecret(secret, { current })).not.toBe(sealed);
  });

  it("refuses a ciphertext altered in any part", () => {
    const sealed = sealSecret(secret, { current });
    const parts = sealed.split(".");
    for (const index of [2, 3, 4]) {
      const altered = [...parts];
      const bytes = Buffer.from(altered[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      altered[index] = bytes.toString("base64url");
      expect(() => openSecret(altered.join("."), { current })).toThrow(/failed authentication/);
    }
    expect(() => openSecret("v2.x.y.z.w", { current })).toThrow(/not a v1 ciphertext/);
  });

  it("opens what the previous key sealed after a rotation, and says which key is missing otherwise", () => {
    const old = sealSecret(secret, { current: previous });
    expect(openSecret(old, { current, previous })).toBe(secret);
    expect(sealedWithCurrentKey(old, { current, previous })).toBe(false);
    expect(() => openSecret(old, { current })).toThrow(new RegExp(`key ${keyId(previous)}, which is neither ALERTS_SECRET_KEY nor ALERTS_SECRET_KEY_PREVIOUS`));
  });
});

describe("ALERTS_SECRET_KEY", () => {
  it("takes 32 bytes as base64 or hex, and names the setting when it is anything else", () => {
    expect(parseEnv({ ALERTS_SECRET_KEY: current.toString("base64") }).ALERTS_SECRET_KEY).toEqual(current);
    expect(parseEnv({ ALERTS_SECRET_KEY: current.toString("hex") }).ALERTS_SECRET_KEY).toEqual(current);
    expect(() => parseEnv({ ALERTS_SECRET_KEY: randomBytes(16).toString("base64") })).toThrow(ConfigError);
    expect(() => parseEnv({ ALERTS_SECRET_KEY: "changeme" })).toThrow(/ALERTS_SECRET_KEY: must be 32 bytes as 64 hex digits or base64/);
  });

  it("is required to seal or open a channel secret", () => {
    expect(() => secretKeysFromEnv(parseEnv({}))).toThrow(SecretKeyMissingError);
    expect(() => secretKeysFromEnv(parseEnv({}))).toThrow(/ALERTS_SECRET_KEY is not set/);
    expect(secretKeysFromEnv(parseEnv({ ALERTS_SECRET_KEY: current.toString("hex"), ALERTS_SECRET_KEY_PREVIOUS: previous.toString("base64") }))).toEqual({ current, previous });
  });

  it("at start-up: stops on an invalid key naming it, warns on a missing one, is silent on a valid one", () => {
    expect(() => checkAlertsKeyAtStartup(parseEnv({ ALERTS_SECRET_KEY: "too-short" }))).toThrow(/ALERTS_SECRET_KEY: must be 32 bytes/);
    expect(() => checkAlertsKeyAtStartup(parseEnv({ ALERTS_SECRET_KEY: current.toString("hex"), ALERTS_SECRET_KEY_PREVIOUS: "x" }))).toThrow(/ALERTS_SECRET_KEY_PREVIOUS: must be 32 bytes/);
    expect(checkAlertsKeyAtStartup(parseEnv({}))).toMatch(/^ALERTS_SECRET_KEY is not set: alert channels cannot be saved or used/);
    expect(checkAlertsKeyAtStartup(parseEnv({ ALERTS_SECRET_KEY: current.toString("base64") }))).toBeNull();
  });
});

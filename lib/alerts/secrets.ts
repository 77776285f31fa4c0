// Channel secrets (webhook URLs, signing secrets, SMTP passwords) at rest: AES-256-GCM with the
// key from ALERTS_SECRET_KEY. The ciphertext names its key (`v1.<keyId>.<iv>.<tag>.<data>`, keyId =
// the first 8 hex digits of the key's SHA-256), so after a rotation the previous key
// (ALERTS_SECRET_KEY_PREVIOUS) still opens what it sealed and re-saving a channel re-seals it.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { ConfigError, env, type Env } from "@/lib/config/env";

const VERSION = "v1";

export class SecretKeyMissingError extends ConfigError {
  constructor() {
    super("ALERTS_SECRET_KEY is not set: channel secrets are encrypted with it (32 bytes, e.g. `openssl rand -base64 32`)");
  }
}

export interface SecretKeys {
  current: Buffer;
  previous?: Buffer;
}

export function secretKeysFromEnv(config: Env = env()): SecretKeys {
  if (!config.ALERTS_SECRET_KEY) throw new SecretKeyMissingError();
  return { current: config.ALERTS_SECRET_KEY, previous: config.ALERTS_SECRET_KEY_PREVIOUS };
}

export const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

export function sealSecret(plaintext: string, keys: SecretKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.current, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyId(keys.current), iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(".");
}

export function openSecret(sealed: string, keys: SecretKeys): string {
  const [version, id, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !id || iv === undefined || tag === undefined || data === undefined) throw new Error("channel secret is not a v1 ciphertext");
  const key = [keys.current, keys.previous].find((k) => k && keyId(k) === id);
  if (!key) throw new ConfigError(`channel secret was encrypted with key ${id}, which is neither ALERTS_SECRET_KEY nor ALERTS_SECRET_KEY_PREVIOUS`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("channel secret failed authentication: the ciphertext was altered or the key is wrong");
  }
}

/** Whether a sealed secret needs re-sealing with the current key (after a rotation). */
export const sealedWithCurrentKey = (sealed: string, keys: SecretKeys) => sealed.split(".")[1] === keyId(keys.current);

/**
 * Start-up check of the web server and the worker, given their validated settings (an invalid key
 * already stopped the process naming the setting): a missing key only warns (the dashboard works,
 * alert channels do not).
 */
export function checkAlertsKeyAtStartup(config: Env): string | null {
  return config.ALERTS_SECRET_KEY ? null : "ALERTS_SECRET_KEY is not set: alert channels cannot be saved or used, and deliveries stay PENDING until it is (openssl rand -base64 32)";
}

// Secrets handed to clients (session cookies, API tokens) are random; only their sha256 is
// stored, so a database dump or backup cannot be replayed against the server.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "kfo_";

/** A new secret: 32 random bytes, base64url. API tokens carry a prefix so scanners find leaks. */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function sha256Hex(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The bearer secret of an Authorization header, or null. */
export function bearerOf(request: Request): string | null {
  const match = /^bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

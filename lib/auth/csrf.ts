// Cross-site request forgery: a browser sends the session cookie with a cross-site form POST
// or a fetch(..., {mode: "no-cors"}), and neither can set `content-type: application/json`
// without a CORS preflight that we never grant. Requiring JSON and a same-origin Origin on
// every state-changing request closes both; a bearer token is not sent by browsers on their
// own, so bearer requests need neither. A file upload cannot be JSON: multipart/form-data is
// accepted with the header X-Requested-With, which a cross-site form cannot send and a
// cross-site fetch cannot send without the same preflight.

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The X-Requested-With value of a same-site upload (fetch from the app's own pages). */
export const UPLOAD_MARK = "fetch";

/** Why a request is refused, or null when it may go on. */
export function csrfProblem(request: Request, appUrl: string | undefined): string | null {
  if (SAFE.has(request.method.toUpperCase())) return null;
  if (/^bearer\s/i.test(request.headers.get("authorization") ?? "")) return null;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const upload = type === "multipart/form-data" && request.headers.get("x-requested-with") === UPLOAD_MARK;
  if (type !== "application/json" && !upload) {
    return type === "multipart/form-data"
      ? `file uploads must send the header X-Requested-With: ${UPLOAD_MARK}`
      : "state-changing requests must send content-type: application/json";
  }
  const origin = request.headers.get("origin");
  if (!origin) return "state-changing requests must send an Origin header";
  if (!allowedOrigins(request, appUrl).has(origin)) return `origin ${origin} is not this site`;
  return null;
}

function allowedOrigins(request: Request, appUrl: string | undefined): Set<string> {
  const origins = new Set<string>();
  if (appUrl) origins.add(new URL(appUrl).origin);
  else {
    // Without APP_URL (AUTH_MODE=none/demo on localhost) the request's own host is the site.
    const url = new URL(request.url);
    const host = request.headers.get("host") ?? url.host;
    origins.add(`${url.protocol}//${host}`);
  }
  return origins;
}

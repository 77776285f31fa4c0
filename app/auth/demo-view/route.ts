// The demo's "Viewing as" switcher (lib/auth/demo-view.ts): 404 unless AUTH_MODE=demo.
import { authConfig } from "@/lib/auth/config";
import { switchDemoView } from "@/lib/auth/demo-view";
import { publicRoute } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const POST = publicRoute("POST /auth/demo-view", (request: Request) => switchDemoView(request, authConfig(), db()));

// Runs once when the Next.js server starts: the start-up checks (lib/process/server-startup.ts).
// Imported only in the Node.js runtime, the pattern Next documents for Node-only start-up code.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkServerStartup } = await import("@/lib/process/server-startup");
    checkServerStartup();
  }
}

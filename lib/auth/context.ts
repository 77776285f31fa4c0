// The principal of the request being served, carried through async calls: the access layer
// sets it once per request (runWithPrincipal), route code reads it (currentPrincipal). Reading
// it outside a request is a programming error, not "everyone": it throws.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Principal } from "./principal";

const storage = new AsyncLocalStorage<Principal>();

export function runWithPrincipal<T>(principal: Principal, body: () => T): T {
  return storage.run(principal, body);
}

export function currentPrincipal(): Principal {
  const principal = storage.getStore();
  if (!principal) throw new Error("no principal: this code must run inside the access layer (runWithPrincipal)");
  return principal;
}

"use client";

// The Alerts page's endpoints (docs/api.md "Alerts"): channels keyed ["alerts:channels"],
// deliveries ["alerts:deliveries"]; every change refreshes what it affects.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ChannelView } from "@/lib/alerts/channel-store";
import type { DeliveryHistory } from "@/lib/alerts/delivery-history";
import { apiGet, apiSend } from "./api-client";
import { useApiQuery } from "./use-api-query";

/** JSON turns dates into strings. */
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type AlertChannel = Wire<ChannelView>;
export type AlertDelivery = Wire<DeliveryHistory["deliveries"][number]>;
export type ChannelTestResult = { deliveryId: string; status: "SENT" | "PENDING" | "FAILED"; error: string | null; nextAttemptAt: string | null };

export const useAlertChannelsQuery = () => useApiQuery<{ channels: AlertChannel[]; secretKeyConfigured: boolean }>("alerts:channels", "/api/alerts/channels");
type Deliveries = { deliveries: AlertDelivery[]; nextCursor: string | null };
/** Refreshed every 15 s while a message waits for its next attempt, so the page shows it land. */
export const useAlertDeliveriesQuery = (limit = 50) =>
  useQuery<Deliveries>({
    queryKey: ["alerts:deliveries", { limit }],
    queryFn: ({ signal }) => apiGet<Deliveries>("/api/alerts/deliveries", { limit }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === "PENDING") ? 15_000 : false),
  });

function useAlertsMutation<V, R>(send: (vars: V) => Promise<R>, refresh: readonly string[]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => Promise.all(refresh.map((name) => client.invalidateQueries({ queryKey: [name] }))) });
}

export const useSaveChannelMutation = () =>
  useAlertsMutation(({ id, ...body }: { id?: string } & Record<string, unknown>) => apiSend<AlertChannel>(id ? "PUT" : "POST", id ? `/api/alerts/channels/${id}` : "/api/alerts/channels", body), ["alerts:channels"]);
export const useDeleteChannelMutation = () => useAlertsMutation((id: string) => apiSend<AlertChannel>("DELETE", `/api/alerts/channels/${id}`, {}), ["alerts:channels"]);
export const useTestChannelMutation = () => useAlertsMutation((id: string) => apiSend<ChannelTestResult>("POST", `/api/alerts/channels/${id}/test`, {}), ["alerts:deliveries"]);
export const useRetryDeliveryMutation = () => useAlertsMutation((id: string) => apiSend<unknown>("POST", `/api/alerts/deliveries/${id}/retry`, {}), ["alerts:deliveries"]);

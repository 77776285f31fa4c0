"use client";

// The Alerts page's channels and deliveries (docs/api.md "Alerts"), typed by their endpoint
// modules and keyed by their paths; every change refreshes what it affects.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { getChannelsEndpoint, postChannelsEndpoint } from "@/lib/endpoints/alerts/channels";
import type { deleteChannelEndpoint, putChannelEndpoint } from "@/lib/endpoints/alerts/channels/[id]";
import type { testChannelEndpoint } from "@/lib/endpoints/alerts/channels/[id]/test";
import type { deliveriesEndpoint } from "@/lib/endpoints/alerts/deliveries";
import type { retryDeliveryEndpoint } from "@/lib/endpoints/alerts/deliveries/[id]/retry";
import { apiGet } from "./api-client";
import { sendEndpoint, useEndpoint, type BodyOf } from "./use-endpoint";

const CHANNELS = "/api/alerts/channels";
const DELIVERIES = "/api/alerts/deliveries";

export type AlertChannel = ResponseOf<typeof getChannelsEndpoint>["channels"][number];
type Deliveries = ResponseOf<typeof deliveriesEndpoint>;
export type AlertDelivery = Deliveries["deliveries"][number];
export type ChannelTestResult = ResponseOf<typeof testChannelEndpoint>;
/**
 * What the channel form sends, for a new channel too: the change's shape, secrets optional (blank
 * keeps the stored one); a new channel without its secret is the server's to refuse, naming it.
 */
export type ChannelBody = BodyOf<typeof putChannelEndpoint>;

export const useAlertChannelsQuery = () => useEndpoint<typeof getChannelsEndpoint>(CHANNELS);
/** Refreshed every 15 s while a message waits for its next attempt, so the page shows it land (hence not useEndpoint). */
export const useAlertDeliveriesQuery = (limit = 50) =>
  useQuery<Deliveries>({
    queryKey: [DELIVERIES, { limit }],
    queryFn: ({ signal }) => apiGet<Deliveries>(DELIVERIES, { limit }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === "PENDING") ? 15_000 : false),
  });

function useAlertsMutation<V, R>(send: (vars: V) => Promise<R>, refresh: readonly string[]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => Promise.all(refresh.map((path) => client.invalidateQueries({ queryKey: [path] }))) });
}

/** Creates a channel (no id) or changes one; the server checks the body against the kind's schema. */
export const useSaveChannelMutation = () =>
  useAlertsMutation(
    ({ id, body }: { id?: string; body: ChannelBody }) =>
      id
        ? sendEndpoint<typeof putChannelEndpoint>("PUT", "/api/alerts/channels/[id]", body, { id })
        : sendEndpoint<typeof postChannelsEndpoint>("POST", CHANNELS, body as BodyOf<typeof postChannelsEndpoint>),
    [CHANNELS],
  );
export const useDeleteChannelMutation = () => useAlertsMutation((id: string) => sendEndpoint<typeof deleteChannelEndpoint>("DELETE", "/api/alerts/channels/[id]", {}, { id }), [CHANNELS]);
export const useTestChannelMutation = () => useAlertsMutation((id: string) => sendEndpoint<typeof testChannelEndpoint>("POST", "/api/alerts/channels/[id]/test", {}, { id }), [DELIVERIES]);
export const useRetryDeliveryMutation = () => useAlertsMutation((id: string) => sendEndpoint<typeof retryDeliveryEndpoint>("POST", "/api/alerts/deliveries/[id]/retry", {}, { id }), [DELIVERIES]);

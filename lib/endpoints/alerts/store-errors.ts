// The alert stores' errors that are the caller's to fix, as the API answers them: 400 naming the
// field, 409 for a name taken or a server setting missing. Shared by the channel and rule
// endpoints that create or change them (the stores know nothing of HTTP).
import { MissingSecretError } from "@/lib/alerts/channel-config";
import { ChannelKindChangeError, ChannelNameTakenError } from "@/lib/alerts/channel-store";
import { UnknownChannelError } from "@/lib/alerts/rule-store";
import { SecretKeyMissingError } from "@/lib/alerts/secrets";
import { ApiError, badRequest } from "@/lib/domain/errors";

export async function channelErrorsMapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SecretKeyMissingError) throw new ApiError(409, "conflict", `${error.message}. Set it on the server and restart, then save the channel again.`);
    if (error instanceof ChannelNameTakenError) throw new ApiError(409, "conflict", error.message);
    if (error instanceof ChannelKindChangeError || error instanceof MissingSecretError) throw badRequest(error.message);
    throw error;
  }
}

/** A rule naming a channel that does not exist → 400 channelIds. */
export async function ruleErrorsMapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnknownChannelError) throw badRequest(error.message);
    throw error;
  }
}

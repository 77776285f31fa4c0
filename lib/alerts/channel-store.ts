// Channels in the database: secrets sealed on the way in, never read back out through here
// except by the delivery pass (deliver.ts). Every function answers the display form.
import type { AlertChannel, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { splitChannel, type ChannelCreate, type ChannelDisplayConfig, type ChannelSecret, type ChannelUpdate } from "./channel-config";
import { openSecret, sealSecret, secretKeysFromEnv, type SecretKeys } from "./secrets";

export interface ChannelView {
  id: string;
  name: string;
  kind: AlertChannel["kind"];
  config: ChannelDisplayConfig;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const view = (c: AlertChannel): ChannelView => ({ id: c.id, name: c.name, kind: c.kind, config: c.config as ChannelDisplayConfig, createdBy: c.createdBy, createdAt: c.createdAt, updatedAt: c.updatedAt });

export class ChannelNameTakenError extends Error {
  constructor(name: string) {
    super(`name: a channel named "${name}" exists already`);
  }
}

export async function listChannels(db: Db): Promise<ChannelView[]> {
  return (await db.alertChannel.findMany({ orderBy: { name: "asc" } })).map(view);
}

export async function getChannel(db: Db, id: string): Promise<ChannelView | null> {
  const channel = await db.alertChannel.findUnique({ where: { id } });
  return channel && view(channel);
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

export async function createChannel(db: Db, input: ChannelCreate, createdBy: string, keys: SecretKeys = secretKeysFromEnv()): Promise<ChannelView> {
  const { config, secret } = splitChannel(input);
  try {
    const row = await db.alertChannel.create({
      data: { name: input.name, kind: input.kind, config: config as Prisma.InputJsonValue, secretCiphertext: sealSecret(JSON.stringify(secret), keys), createdBy },
    });
    return view(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ChannelNameTakenError(input.name);
    throw error;
  }
}

export class ChannelKindChangeError extends Error {
  constructor(from: string, to: string) {
    super(`kind: a ${from} channel cannot become ${to}; create a new channel`);
  }
}

/** Null for an unknown id. Secrets left out of `input` are kept (and re-sealed with the current key). */
export async function updateChannel(db: Db, id: string, input: ChannelUpdate, keys: SecretKeys = secretKeysFromEnv()): Promise<{ before: ChannelView; after: ChannelView } | null> {
  const existing = await db.alertChannel.findUnique({ where: { id } });
  if (!existing) return null;
  if (existing.kind !== input.kind) throw new ChannelKindChangeError(existing.kind, input.kind);
  const kept = JSON.parse(openSecret(existing.secretCiphertext, keys)) as ChannelSecret;
  const { config, secret } = splitChannel(input, kept);
  try {
    const row = await db.alertChannel.update({
      where: { id },
      data: { name: input.name, config: config as Prisma.InputJsonValue, secretCiphertext: sealSecret(JSON.stringify(secret), keys) },
    });
    return { before: view(existing), after: view(row) };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ChannelNameTakenError(input.name);
    throw error;
  }
}

/** Null for an unknown id. Its pending deliveries fail with "the channel was deleted" on their next pass. */
export async function deleteChannel(db: Db, id: string): Promise<ChannelView | null> {
  const existing = await db.alertChannel.findUnique({ where: { id } });
  if (!existing) return null;
  await db.alertChannel.delete({ where: { id } });
  return view(existing);
}

// Own module (no zod, no RE2) so the settings form can list the choices without the schema.
export const COST_SOURCE_SETTINGS = ["auto", "costExplorer"] as const;

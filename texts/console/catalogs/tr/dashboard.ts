// Staff console, dashboard (tr). Keys: console.dashboard.…; the same keys and placeholders in every staff language.
export const dashboard = {
} as const;

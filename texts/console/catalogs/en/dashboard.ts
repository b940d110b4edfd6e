// Staff console, dashboard (en). Keys: console.dashboard.…; the same keys and placeholders in every staff language.
export const dashboard = {
} as const;

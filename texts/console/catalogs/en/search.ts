// Staff console, search (en). Keys: console.search.…; the same keys and placeholders in every staff language.
export const search = {
} as const;

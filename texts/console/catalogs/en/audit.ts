// Staff console, audit (en). Keys: console.audit.…; the same keys and placeholders in every staff language.
export const audit = {
} as const;

// Staff console, process (en). Keys: console.process.…; the same keys and placeholders in every staff language.
export const process = {
} as const;

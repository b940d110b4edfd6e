// Staff console, queues (en). Keys: console.queues.…; the same keys and placeholders in every staff language.
export const queues = {
} as const;

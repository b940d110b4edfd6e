// Staff console, calendars (en). Keys: console.calendars.…; the same keys and placeholders in every staff language.
export const calendars = {
} as const;

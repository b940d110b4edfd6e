// Staff console, calendars (tr). Keys: console.calendars.…; the same keys and placeholders in every staff language.
export const calendars = {
} as const;

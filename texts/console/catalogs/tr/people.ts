// Staff console, people (tr). Keys: console.people.…; the same keys and placeholders in every staff language.
export const people = {
} as const;

// Staff console, complaint (en). Keys: console.complaint.…; the same keys and placeholders in every staff language.
export const complaint = {
} as const;

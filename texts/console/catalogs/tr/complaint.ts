// Staff console, complaint (tr). Keys: console.complaint.…; the same keys and placeholders in every staff language.
export const complaint = {
} as const;

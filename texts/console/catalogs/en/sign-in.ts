// Staff console, sign-in (en). Keys: console.sign-in.…; the same keys and placeholders in every staff language.
export const signIn = {
} as const;

// Staff console, sign-in (tr). Keys: console.sign-in.…; the same keys and placeholders in every staff language.
export const signIn = {
} as const;

/** English sentences of the people screens (merged into en.ts). */
export const peopleEn = {
} as const;

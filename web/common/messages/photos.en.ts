/** English sentences of the photos screens (merged into en.ts). */
export const photosEn = {
} as const;

/** English sentences of the station screens (merged into en.ts). */
export const stationEn = {
} as const;

import type { stationEn } from './station.en.js';

/** Nederlandse zinnen van de station-schermen (samengevoegd in nl.ts). */
export const stationNl: Record<keyof typeof stationEn, string> = {
};

import type { photosEn } from './photos.en.js';

/** Nederlandse zinnen van de photos-schermen (samengevoegd in nl.ts). */
export const photosNl: Record<keyof typeof photosEn, string> = {
};

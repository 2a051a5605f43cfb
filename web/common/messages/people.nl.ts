import type { peopleEn } from './people.en.js';

/** Nederlandse zinnen van de people-schermen (samengevoegd in nl.ts). */
export const peopleNl: Record<keyof typeof peopleEn, string> = {
};

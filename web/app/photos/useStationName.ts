import { useEffect, useState } from 'react';
import { listStationPeople } from '../familyApi.js';

/**
 * The name of the family's station person ("Oma Riet"), for sentences that say whose screen a
 * photo goes to; null while loading, when there is none, or when it cannot be loaded (the
 * sentence then speaks of the family instead).
 */
export function useStationName(): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    listStationPeople().then(
      (people) => {
        if (!cancelled) setName(people[0]?.firstName ?? null);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return name;
}

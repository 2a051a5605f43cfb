import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../common/api.js';
import { useLiveEvents } from '../../common/useLiveEvents.js';
import { listStationPeople, type PersonJson } from '../familyApi.js';
import type { StationSettingsJson } from '../../common/types.js';
import { getStationSettings } from './api.js';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  /** No station person with this id (removed, or a mistyped address). */
  | { status: 'missing' }
  | { status: 'ready'; person: PersonJson; settings: StationSettingsJson };

/**
 * A station person and their screen settings, kept current: another admin's change arrives as
 * station.settings.changed with the settings in effect; `saved` takes the answer to one's own.
 */
export function useStationSettings(personId: string): { state: SettingsState; reload(): void; saved(settings: StationSettingsJson): void } {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const latest = useRef(0);

  const reload = useCallback(() => {
    const mine = ++latest.current;
    Promise.all([listStationPeople(), getStationSettings(personId)]).then(
      ([people, settings]) => {
        if (mine !== latest.current) return;
        const person = people.find((p) => p.id === personId);
        setState(person ? { status: 'ready', person, settings } : { status: 'missing' });
      },
      (error: unknown) => {
        if (mine !== latest.current) return;
        // 400 is an address whose id is not even an id.
        if (isApiError(error, 'not_found', 'invalid_input')) setState({ status: 'missing' });
        else setState((before) => (before.status === 'ready' ? before : { status: 'failed', error }));
      },
    );
  }, [personId]);

  useEffect(reload, [reload]);

  const saved = useCallback((settings: StationSettingsJson) => {
    setState((before) => (before.status === 'ready' ? { ...before, settings } : before));
  }, []);

  useLiveEvents(
    (event) => {
      if (event.event === 'station.settings.changed' && event.payload.stationUserId === personId) {
        saved(event.payload.settings as StationSettingsJson);
      }
      if (event.event === 'member.removed' || event.event === 'network.changed') reload();
    },
    reload,
  );

  return { state, reload, saved };
}

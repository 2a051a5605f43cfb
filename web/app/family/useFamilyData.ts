import { useCallback, useEffect, useRef, useState } from 'react';
import { live } from '../../common/live.js';
import { listPeople, listStationPeople, type PersonJson } from '../familyApi.js';
import { listGroups, type GroupJson } from './api.js';

/** Everything the Family screen shows, as one snapshot. */
export interface FamilyData {
  /** Relatives with an account (admins and members), by first name. */
  people: PersonJson[];
  /** Station people, by first name. */
  stations: PersonJson[];
  /** The groups the person is in (admins: all). */
  groups: GroupJson[];
}

export type FamilyState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; data: FamilyData };

// Events after which the lists may have changed: someone joined, left, changed role or profile, or a group changed.
const familyEvents = new Set(['network.changed', 'member.joined', 'member.removed', 'member.roleChanged']);

/**
 * Loads the family and keeps it current: reload() after one's own change, and a reload on
 * every live event that changes people or groups (another admin at work, someone joining).
 */
export function useFamilyData(): { state: FamilyState; reload(): Promise<void> } {
  const [state, setState] = useState<FamilyState>({ status: 'loading' });
  // Answers can arrive out of order when events come quickly: only the newest load counts.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++latest.current;
    try {
      const [everyone, stations, groups] = await Promise.all([listPeople(), listStationPeople(), listGroups()]);
      if (mine !== latest.current) return;
      setState({ status: 'ready', data: { people: everyone.filter((p) => p.role !== 'station'), stations, groups } });
    } catch (error) {
      if (mine !== latest.current) return;
      // A failed refresh keeps what is on the screen; only a first load shows the error.
      setState((before) => (before.status === 'ready' ? before : { status: 'failed', error }));
    }
  }, []);

  useEffect(() => {
    void reload();
    return live.subscribe((event) => {
      if (familyEvents.has(event.event)) void reload();
    });
  }, [reload]);

  return { state, reload };
}

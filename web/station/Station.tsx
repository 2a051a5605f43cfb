import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../common/api.js';
import { useDocumentTitle } from '../common/components/PageHeading.js';
import { useI18n } from '../common/i18n.js';
import { live, type LiveEvent, type LiveStatus } from '../common/live.js';
import type { StationSettingsJson } from '../common/types.js';
import { fetchMe, fetchPlaylist, type PersonJson, type SlideJson, type StationMeJson } from './api.js';
import { CallContacts } from './calls/CallContacts.js';
import { CallProblem } from './calls/CallProblem.js';
import { StationCall } from './calls/StationCall.js';
import { useCallables } from './calls/useCallables.js';
import { useMissedCalls, type MissedCaller } from './calls/useMissedCalls.js';
import { useStationCalls } from './calls/useStationCalls.js';
import { dayClock, withinDailyWindow } from './clock.js';
import { coalesce } from './coalesce.js';
import { Home } from './Home.js';
import { emptyInbox, findItem, loadInbox, messageKey, noticeKey, withoutItem, type Inbox, type InboxItem } from './inbox.js';
import { Night } from './Night.js';
import { Overlay } from './Overlay.js';
import { useIdle } from './useIdle.js';
import { useMinute } from './useMinute.js';
import { useServerReturn } from './useServerReturn.js';
import { useWeather } from './useWeather.js';

/** How long after a 401 the screen asks again before it believes it was revoked. */
const revokeCheckMs = 1_500;
/** A safety net under the live connection: everything is read again this often. */
const refreshEveryMs = 5 * 60_000;

/**
 * `?slideMs=N` shows each slide N ms (at least 100) instead of its slideshow's interval. It exists
 * for the station benchmark and the browser tests, which must see hundreds of slides in minutes;
 * a family's screen is opened without it. It changes nothing but the pace.
 */
export function paceFromUrl(search: string): number | null {
  const value = Number(new URLSearchParams(search).get('slideMs'));
  return Number.isFinite(value) && value >= 100 ? Math.round(value) : null;
}

/**
 * The paired screen: home (clock and photos), one overlay at a time, night on its schedule; a
 * call takes the whole screen (also at night: the server lets through only what may ring then).
 */
export function Station(props: { me: StationMeJson; onRevoked(): void }) {
  const { t } = useI18n();
  useDocumentTitle(t('station.pageTitle'));
  const [me, setMe] = useState(props.me);
  const settings: StationSettingsJson = me.settings;
  const now = useMinute();
  const clock = dayClock(now, { language: me.language, timeZone: me.family.timeZone, hour12: settings.clock.hours === 12, partStarts: settings.clock.dayParts });
  const [status, setStatus] = useState<LiveStatus>(live.status);
  const weather = useWeather(status === 'open', now);
  const [slides, setSlides] = useState<SlideJson[] | null>(null);
  const [round, setRound] = useState(0);
  const [inbox, setInbox] = useState<Inbox>(emptyInbox);
  const inboxRef = useRef<Inbox>(emptyInbox);
  // The overlay open now, as it was when it opened: it stays (replying, "Sent") even when its
  // item stops being unread; while unread, the newest version of it is shown.
  const [overlay, setOverlay] = useState<InboxItem | null>(null);
  const pending = useRef<string[]>([]);
  const [awake, setAwake] = useState(false);
  const pace = useMemo(() => paceFromUrl(window.location.search), []);
  const people = useMemo(() => new Map(me.people.map((p) => [p.id, p])), [me.people]);
  const personId = me.stationPerson.id;
  const { onRevoked } = props;

  const calls = useStationCalls(personId);
  const missedCalls = useMissedCalls(personId);
  const { missed, seen: seenMissed } = missedCalls;
  const [contactsOpen, setContactsOpen] = useState(false);
  const callableIds = useMemo(
    () => [...me.people.map((p) => p.id), ...(slides ?? []).flatMap((s) => (s.addedBy ? [s.addedBy.id] : [])), ...missed.map((m) => m.caller.id)],
    [me.people, slides, missed],
  );
  const callables = useCallables(callableIds);
  const canCall = me.people.some((p) => callables.mayCall(p.id));
  const onScreenCall = calls.current !== null;
  const callOnScreen = useRef(onScreenCall);
  callOnScreen.current = onScreenCall;

  const night = settings.nightMode.enabled && withinDailyWindow(clock.minuteOfDay, settings.nightMode.from, settings.nightMode.until);
  const asleep = night && !awake;

  /**
   * Every failure but a lost credential is waited out: the screen keeps what it has. A 401 is
   * asked again after a moment before the screen gives up its pairing, so a server that is just
   * stopping (and answers oddly for a second) never costs a screen its photos.
   */
  const confirming = useRef(false);
  const guard = useCallback(
    (error: unknown) => {
      if (!isApiError(error, 'unauthenticated') || confirming.current) return;
      confirming.current = true;
      setTimeout(() => {
        fetchMe().then(
          () => undefined,
          (again: unknown) => {
            if (isApiError(again, 'unauthenticated')) onRevoked();
          },
        ).finally(() => {
          confirming.current = false;
        });
      }, revokeCheckMs);
    },
    [onRevoked],
  );

  const jobs = useMemo(
    () => ({
      inbox: coalesce(async () => {
        const next = await loadInbox();
        inboxRef.current = next;
        setInbox(next);
      }),
      playlist: coalesce(async () => setSlides(await fetchPlaylist())),
      me: coalesce(async () => setMe(await fetchMe())),
    }),
    [personId],
  );

  const refreshCallables = callables.refresh;
  const refreshAll = useCallback(() => {
    for (const job of [jobs.me, jobs.inbox, jobs.playlist]) job().catch(guard);
    refreshCallables();
  }, [jobs, guard, refreshCallables]);

  const present = useCallback((key: string) => {
    const item = findItem(inboxRef.current, key);
    // During a call a message waits on its tile: the call is the one thing on the screen.
    if (!item || callOnScreen.current) return;
    setOverlay((open) => {
      if (open === null) return item;
      if (open.key !== key && !pending.current.includes(key)) pending.current.push(key);
      return open;
    });
  }, []);

  const openTile = useCallback((key: string) => setOverlay(findItem(inboxRef.current, key) ?? null), []);

  const overlayRef = useRef(overlay);
  overlayRef.current = overlay;
  const closeOverlay = useCallback(
    (read: boolean) => {
      const closing = overlayRef.current;
      if (read && closing) {
        // Read is read: its tile goes at once, not when the inbox is next read.
        inboxRef.current = withoutItem(inboxRef.current, closing.key);
        setInbox(inboxRef.current);
      }
      let next: InboxItem | undefined;
      // What waited behind it, if it is still unread.
      while (!next && pending.current.length > 0) next = findItem(inboxRef.current, pending.current.shift() as string);
      setOverlay(next ?? null);
      if (read) jobs.inbox().catch(guard);
    },
    [jobs, guard],
  );

  const nightRef = useRef(asleep);
  nightRef.current = asleep;
  const peopleRef = useRef(people);
  peopleRef.current = people;

  useEffect(() => {
    const onEvent = (event: LiveEvent) => {
      const payload = event.payload;
      switch (event.event) {
        case 'message.created': {
          const message = payload.message as { authorId?: string | null } | undefined;
          const conversationId = String(payload.conversationId);
          const fromOther = message?.authorId !== personId;
          // Someone new to this screen (a first message): their name and photo come with /me.
          const known = !message?.authorId || peopleRef.current.has(message.authorId);
          Promise.all([jobs.inbox(), known ? undefined : jobs.me()])
            .then(() => {
              // At night a message waits on its tile: the screen does not wake anyone.
              if (fromOther && !nightRef.current) present(messageKey(conversationId));
            })
            .catch(guard);
          break;
        }
        case 'message.edited':
        case 'message.deleted':
        case 'conversation.read':
          jobs.inbox().catch(guard);
          break;
        case 'notice.created':
          jobs
            .inbox()
            .then(() => {
              if (!nightRef.current) present(noticeKey(String(payload.noticeId)));
            })
            .catch(guard);
          break;
        case 'slideshow.changed':
          jobs.playlist().catch(guard);
          break;
        case 'station.settings.changed':
          if (payload.stationUserId === personId && payload.settings) setMe((current) => ({ ...current, settings: payload.settings as StationSettingsJson }));
          break;
        case 'conversation.created':
        case 'member.joined':
        case 'member.removed':
        case 'network.changed':
          jobs.me().catch(guard);
          // Who may call whom may have changed with it.
          refreshCallables();
          break;
        default:
      }
    };
    const onStatus = (next: LiveStatus) => {
      setStatus(next);
      // A revoked screen's socket is closed with 4002 (signedOut). A plain close may hide a
      // revoke too (made while the socket was down): asking who the screen is answers 401 then.
      if (next === 'signedOut') onRevoked();
      if (next === 'closed') jobs.me().catch(guard);
      // Connected (again): the catch-up brings the events; a fresh read brings what no event
      // carries (captions, order), and everything when the screen started without the server.
      if (next === 'open') refreshAll();
    };
    const unsubscribe = live.subscribe(onEvent);
    const unwatch = live.onStatus(onStatus);
    live.start();
    refreshAll();
    const timer = setInterval(refreshAll, refreshEveryMs);
    return () => {
      clearInterval(timer);
      unsubscribe();
      unwatch();
      live.stop();
    };
  }, [jobs, guard, present, refreshAll, refreshCallables, onRevoked, personId]);

  const nextRound = useCallback(() => {
    fetchPlaylist().then((fresh) => {
      setSlides(fresh);
      setRound((r) => r + 1);
    }, guard);
  }, [guard]);

  useServerReturn(status);

  useEffect(() => {
    if (!night) setAwake(false);
  }, [night]);
  useIdle(awake, () => setAwake(false));
  // One level of navigation: after a minute without a touch the overlay gives way to home.
  useIdle(overlay !== null, () => closeOverlay(false));
  // The same for the contacts; a call has no such limit (it unmounts them).
  useIdle(contactsOpen, () => setContactsOpen(false));

  // A call replaces whatever was open: a message waits on its tile, the contacts close.
  const { dismissProblem } = calls;
  useEffect(() => {
    if (!onScreenCall) return;
    setOverlay(null);
    setContactsOpen(false);
    dismissProblem();
  }, [onScreenCall, dismissProblem]);

  const { start } = calls;
  const callPerson = useCallback((person: Pick<PersonJson, 'id' | 'firstName'>) => void start({ userId: person.id }, person.firstName), [start]);
  const callBack = useCallback(
    (entry: MissedCaller) => {
      seenMissed(entry);
      void start({ userId: entry.caller.id }, entry.caller.displayName);
    },
    [seenMissed, start],
  );
  const openContacts = useCallback(() => {
    refreshCallables();
    setContactsOpen(true);
  }, [refreshCallables]);

  if (calls.current) {
    const { callId, initial, engaged } = calls.current;
    return <StationCall key={callId} callId={callId} initial={initial} me={personId} engaged={engaged} ringVolume={settings.ringVolume} onEngage={calls.engage} onFinished={calls.finished} />;
  }
  if (asleep) return <Night clock={clock} onTouch={() => setAwake(true)} />;
  const problem = calls.problem ? <CallProblem sentence={calls.problem} onClose={dismissProblem} /> : null;
  if (contactsOpen) {
    return (
      <>
        <CallContacts
          people={me.people}
          options={callables.options}
          starting={calls.starting}
          onCallPerson={callPerson}
          onRingFamily={() => void start({ family: true }, null)}
          onBack={() => setContactsOpen(false)}
        />
        {problem}
      </>
    );
  }
  const item = overlay === null ? undefined : (findItem(inbox, overlay.key) ?? overlay);
  return (
    <>
      <Home
        clock={clock}
        weather={weather}
        inbox={inbox}
        people={people}
        connected={status === 'open'}
        onOpen={openTile}
        slideshow={{ slides, round, videoSound: settings.videoSound, paceMs: pace, onRound: nextRound, call: { mayCall: callables.mayCall, onCall: (id, name) => callPerson({ id, firstName: name }) } }}
        calls={{ missed: missedCalls.next, mayCall: callables.mayCall, onCallBack: callBack, onSeen: seenMissed, canCall, onOpenContacts: openContacts }}
      />
      {problem ??
        (item ? (
          <Overlay key={item.key} item={item} people={people} quickReplies={settings.quickReplies} readAloud={settings.readAloud} mayCall={callables.mayCall} onCall={callPerson} onClose={closeOverlay} />
        ) : null)}
    </>
  );
}

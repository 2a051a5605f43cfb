import { useI18n } from '../common/i18n.js';
import type { PersonJson, WeatherJson } from './api.js';
import { Avatar } from './Avatar.js';
import { MissedCallTile } from './calls/MissedCallTile.js';
import { PhoneIcon } from './calls/PhoneIcon.js';
import type { MissedCaller } from './calls/useMissedCalls.js';
import type { DayClock as Clock } from './clock.js';
import { ConnectionSign } from './ConnectionSign.js';
import { DayClock } from './DayClock.js';
import type { Inbox, InboxItem } from './inbox.js';
import { Slideshow, type SlideshowProps } from './slideshow/Slideshow.js';
import { WeatherLine } from './WeatherLine.js';

/** More tiles than this would crowd the clock; the newest are shown. */
const maxTiles = 3;
/** A missed-call tile holds its own buttons: it takes the room of two others. */
const missedTileSize = 2;

/** What home offers for calls: a missed call with Call back, and the way to the contacts. */
export interface HomeCalls {
  /** The missed call to show (one caller at a time: its tile is taller than the others). */
  missed: MissedCaller | null;
  mayCall(userId: string): boolean;
  onCallBack(missed: MissedCaller): void;
  onSeen(missed: MissedCaller): void;
  /** Whether anyone can be called from here: only then does "Make a call" show. */
  canCall: boolean;
  onOpenContacts(): void;
}

export interface HomeProps {
  clock: Clock;
  /** Shown under the clock; null: no line at all. */
  weather: WeatherJson | null;
  inbox: Inbox;
  people: ReadonlyMap<string, PersonJson>;
  connected: boolean;
  slideshow: SlideshowProps;
  calls: HomeCalls;
  onOpen(key: string): void;
}

/**
 * The home screen: the day clock beside the slideshow, a tile for each person the station person
 * missed a call from, each conversation with unread messages and each unread notice (only when
 * there are any), and "Make a call". A message tile opens its overlay.
 */
export function Home(props: HomeProps) {
  const { t } = useI18n();
  const { calls } = props;
  const { missed } = calls;
  const items: InboxItem[] = [...props.inbox.messages, ...props.inbox.notices].slice(0, maxTiles - (missed ? missedTileSize : 0));
  const tiles = items.length + (missed ? 1 : 0);
  return (
    <main className="home">
      <div className={`home__side${tiles > 0 ? ' home__side--tiles' : ''}`}>
        <div className="home__now">
          <div className="home__clock">
            <DayClock clock={props.clock} variant="home" />
            <WeatherLine weather={props.weather} />
          </div>
          {tiles > 0 ? (
            <nav className="tiles" aria-label={t('station.tiles.label')}>
              {missed ? (
                <MissedCallTile key={missed.latestCallId} missed={missed} mayCall={calls.mayCall(missed.caller.id)} onCallBack={() => calls.onCallBack(missed)} onSeen={() => calls.onSeen(missed)} />
              ) : null}
              <Tiles items={items} people={props.people} onOpen={props.onOpen} />
            </nav>
          ) : null}
        </div>
        {/* Always in the same place, at the foot of the clock: easy to find again. */}
        <div className="home__foot">
          {calls.canCall ? (
            <button type="button" className="station-button home__call" onClick={calls.onOpenContacts}>
              <PhoneIcon />
              {t('station.call.open')}
            </button>
          ) : null}
          <ConnectionSign connected={props.connected} />
        </div>
      </div>
      <div className="home__photos">
        <Slideshow {...props.slideshow} />
      </div>
    </main>
  );
}

function Tiles(props: { items: InboxItem[]; people: ReadonlyMap<string, PersonJson>; onOpen(key: string): void }) {
  const { t } = useI18n();
  return (
    <>
      {props.items.map((item) => {
        if (item.kind === 'notice') {
          return (
            <button key={item.key} type="button" className="tile tile--notice" onClick={() => props.onOpen(item.key)}>
              <span className="tile__text">{t('station.tiles.notice', { title: item.notice.title })}</span>
            </button>
          );
        }
        const authorId = item.messages.at(-1)?.authorId;
        const sender = authorId ? props.people.get(authorId) : undefined;
        const name = sender?.firstName ?? t('station.message.someone');
        return (
          <button key={item.key} type="button" className="tile" onClick={() => props.onOpen(item.key)}>
            <Avatar name={name} photoUrl={sender?.photoUrl ?? null} size="small" />
            <span className="tile__text">{item.unread > 1 ? t('station.tiles.messages', { count: item.unread, name }) : t('station.tiles.message', { name })}</span>
          </button>
        );
      })}
    </>
  );
}

import { useI18n } from '../common/i18n.js';
import type { PersonJson } from './api.js';
import { Avatar } from './Avatar.js';
import type { DayClock as Clock } from './clock.js';
import { ConnectionSign } from './ConnectionSign.js';
import { DayClock } from './DayClock.js';
import type { Inbox, InboxItem } from './inbox.js';
import { Slideshow, type SlideshowProps } from './slideshow/Slideshow.js';

/** More tiles than this would crowd the clock; the newest are shown. */
const maxTiles = 3;

export interface HomeProps {
  clock: Clock;
  inbox: Inbox;
  people: ReadonlyMap<string, PersonJson>;
  connected: boolean;
  slideshow: SlideshowProps;
  onOpen(key: string): void;
}

/**
 * The home screen: the day clock beside the slideshow, and a tile for each conversation with
 * unread messages and each unread notice (only when there are any). A tile opens its overlay.
 */
export function Home(props: HomeProps) {
  const items: InboxItem[] = [...props.inbox.messages, ...props.inbox.notices].slice(0, maxTiles);
  return (
    <main className="home">
      <div className="home__side">
        <DayClock clock={props.clock} variant="home" />
        {items.length > 0 ? (
          <Tiles items={items} people={props.people} onOpen={props.onOpen} />
        ) : null}
        <ConnectionSign connected={props.connected} />
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
    <nav className="tiles" aria-label={t('station.tiles.label')}>
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
    </nav>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { listCalls, markMissedSeen } from '../../common/calls/api.js';
import { callOfEvent, type CallHistoryJson } from '../../common/calls/types.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { useLiveEvents } from '../../common/useLiveEvents.js';
import { CallButton, GroupCallButton } from '../calls/CallButton.js';
import { callName, historyLine, otherPerson } from '../calls/callText.js';
import { AppFrame } from '../components/Frames.js';
import { Avatar } from '../family/Avatar.js';
import { whenText } from '../photos/when.js';
import { useSession } from '../session.js';
import '../calls/calls.css';

type Filter = 'all' | 'missed';

/** One call in the list: with whom, what happened, when, and the way to call back. */
function HistoryItem(props: { entry: CallHistoryJson; me: string; i18n: I18n }) {
  const { entry, me, i18n } = props;
  const { t } = i18n;
  const { call } = entry;
  const other = otherPerson(call, me);
  const name = call.kind === 'family' && call.caller && call.caller.id !== me ? t('calls.history.family', { name: call.caller.displayName }) : callName(call, me, i18n);
  const live = call.state === 'ringing' || call.state === 'active';
  return (
    <li className={`call-history__item${entry.missed ? ' call-history__item--missed' : ''}`} data-call={call.id}>
      <div className="call-history__who">
        {other && call.kind !== 'group' ? (
          <Avatar person={{ firstName: other.displayName, lastName: '', photoUrl: other.photoUrl, role: other.role }} size="small" />
        ) : (
          <span className="call-history__group-mark" aria-hidden="true">
            {call.group?.name.slice(0, 1).toUpperCase() ?? '?'}
          </span>
        )}
        <div className="call-history__text">
          <p className="call-history__name">
            {name} {entry.unseen && <span className="badge">{t('calls.history.new')}</span>}
          </p>
          <p className="call-history__line">
            <span>{historyLine(entry, me, i18n)}</span>
            <span className="muted"> · {whenText(i18n, call.createdAt)}</span>
          </p>
        </div>
      </div>
      {live && entry.myState === 'joined' ? (
        <Link to={`/calls/${encodeURIComponent(call.id)}`} className="button button--secondary call-history__action">
          {t('calls.history.open')}
        </Link>
      ) : call.kind === 'group' && call.group ? (
        <GroupCallButton group={call.group} className="call-history__action" />
      ) : (
        other && <CallBack person={other} />
      )}
    </li>
  );
}

/** "Call back" for the one person: a refusal is said, whether they are online is not (one line per call would repeat it). */
function CallBack(props: { person: { id: string; displayName: string; role: string } }) {
  return <CallButton person={{ id: props.person.id, firstName: props.person.displayName, role: props.person.role }} className="call-history__action" callBack hideOffline />;
}

/**
 * The call history: every call made and received, newest first, missed ones marked (new ones
 * until seen), each with Call back; missed only on request; more on request. Opening it marks
 * the missed calls as seen. It stays current as calls come and go.
 */
export function Calls() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const meId = me?.id ?? '';
  const [filter, setFilter] = useState<Filter>('all');
  const [entries, setEntries] = useState<CallHistoryJson[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const seenMarked = useRef(false);

  const load = useCallback(async () => {
    try {
      const page = await listCalls({ filter });
      setEntries(page.calls);
      setNext(page.nextBefore);
      setError(null);
      if (page.missedUnseen > 0 && !seenMarked.current) {
        seenMarked.current = true;
        // Seen now; the marks stay on this page until it is opened again.
        await markMissedSeen();
        seenMarked.current = false;
      }
    } catch (thrown) {
      setError(thrown);
      seenMarked.current = false;
    }
  }, [filter]);

  useEffect(() => {
    void load();
  }, [load]);

  useLiveEvents(
    (event) => {
      if (callOfEvent(event)) void load();
    },
    () => void load(),
  );

  const more = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await listCalls({ filter, before: next });
      setEntries((known) => [...(known ?? []), ...page.calls.filter((c) => !known?.some((k) => k.call.id === c.call.id))]);
      setNext(page.nextBefore);
    } catch (thrown) {
      setError(thrown);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <AppFrame>
      <div className="stack">
        <div className="section-head">
          <PageHeading title={t('calls.title')}>{t('calls.title')}</PageHeading>
          <p className="lead">{t('calls.history.intro')}</p>
        </div>
        <div className="call-history__filter" role="group" aria-label={t('calls.history.filter')}>
          {(['all', 'missed'] as const).map((option) => (
            <Button key={option} variant={filter === option ? 'primary' : 'secondary'} aria-pressed={filter === option} onClick={() => setFilter(option)}>
              {t(option === 'all' ? 'calls.history.all' : 'calls.history.missedOnly')}
            </Button>
          ))}
        </div>
        {error !== null && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
        {entries === null && error === null && <p role="status">{t('app.loading')}</p>}
        {entries?.length === 0 && <p className="card">{t(filter === 'missed' ? 'calls.history.emptyMissed' : 'calls.history.empty')}</p>}
        {entries && entries.length > 0 && (
          <ul className="call-history" aria-label={t('calls.history.label')}>
            {entries.map((entry) => (
              <HistoryItem key={entry.call.id} entry={entry} me={meId} i18n={i18n} />
            ))}
          </ul>
        )}
        {next && (
          <Button variant="secondary" busy={loadingMore} busyLabel={t('app.loading')} onClick={() => void more()}>
            {t('calls.history.more')}
          </Button>
        )}
      </div>
    </AppFrame>
  );
}

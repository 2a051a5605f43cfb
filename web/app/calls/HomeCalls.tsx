import { useCallback, useEffect, useState } from 'react';
import { listCalls } from '../../common/calls/api.js';
import { callOfEvent, type CallHistoryJson } from '../../common/calls/types.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { useLiveEvents } from '../../common/useLiveEvents.js';
import { useSession } from '../session.js';
import { CallButton } from './CallButton.js';
import { otherPerson } from './callText.js';
import './calls.css';

/**
 * Home's calls: the missed calls not seen yet, with Call back for a single one, and the way to
 * the whole history. Kept current by the call events.
 */
export function HomeCalls() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const [missed, setMissed] = useState<{ count: number; latest: CallHistoryJson | null } | null>(null);

  const load = useCallback(async () => {
    try {
      const page = await listCalls({ filter: 'missed', limit: 1 });
      setMissed({ count: page.missedUnseen, latest: page.calls[0]?.unseen ? page.calls[0] : null });
    } catch {
      setMissed(null);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveEvents(
    (event) => {
      if (callOfEvent(event) || event.event === 'call.missedSeen') void load();
    },
    () => void load(),
  );

  const latest = missed?.latest ?? null;
  const caller = latest && me ? otherPerson(latest.call, me.id) : null;
  return (
    <section className="card stack home-section" aria-labelledby="home-calls">
      <div className="photos-section-head">
        <h2 id="home-calls">{t('calls.title')}</h2>
        <Link to="/calls">{t('calls.home.all')}</Link>
      </div>
      {missed && missed.count === 0 && <p>{t('calls.home.none')}</p>}
      {missed && missed.count > 0 && (
        <p className="home-calls__missed">
          {missed.count === 1 && caller ? t('calls.home.missedOne', { name: caller.displayName }) : t('calls.home.missedMany', { count: missed.count })}
        </p>
      )}
      {missed?.count === 1 && caller && latest?.call.kind !== 'group' && <CallButton person={{ id: caller.id, firstName: caller.displayName, role: caller.role }} callBack />}
    </section>
  );
}

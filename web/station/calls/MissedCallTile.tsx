import { useId } from 'react';
import { useI18n } from '../../common/i18n.js';
import { Avatar } from '../Avatar.js';
import { PhoneIcon } from './PhoneIcon.js';
import type { MissedCaller } from './useMissedCalls.js';

/**
 * A missed call on the home screen: "Missed call from Anna" with her photo, a large green Call
 * back (where the station may call her) and Close. Either marks the missed calls as seen.
 */
export function MissedCallTile(props: { missed: MissedCaller; mayCall: boolean; onCallBack(): void; onSeen(): void }) {
  const { t } = useI18n();
  const textId = useId();
  const { caller, count } = props.missed;
  const name = caller.displayName;
  return (
    <div className="tile tile--missed" role="group" aria-labelledby={textId} data-missed-from={caller.id}>
      <div className="tile__row">
        <Avatar name={name} photoUrl={caller.photoUrl} size="small" />
        <span className="tile__text" id={textId}>
          {count > 1 ? t('station.call.missedMany', { count, name }) : t('station.call.missed', { name })}
        </span>
      </div>
      <div className="tile__actions">
        {props.mayCall ? (
          <button type="button" className="station-button station-button--answer station-button--compact" onClick={props.onCallBack}>
            <PhoneIcon />
            {t('station.call.callBack')}
          </button>
        ) : null}
        <button type="button" className="station-button station-button--quiet station-button--compact" onClick={props.onSeen}>
          {t('station.close')}
        </button>
      </div>
    </div>
  );
}

import { useI18n } from '../common/i18n.js';
import type { DayClock as Clock } from './clock.js';

/** "dinsdagmiddag" starts a line on screen, so it starts with a capital there. */
function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * The day clock, very large: the day and the part of it in words, the time, the date. The whole
 * line is also the heading's accessible name, so a screen reader says it in one go.
 */
export function DayClock(props: { clock: Clock; variant: 'home' | 'night' }) {
  const { t } = useI18n();
  const { clock } = props;
  // "2:05 PM": the AM/PM smaller, so the digits can stay as large as the column allows.
  const [digits, suffix] = clock.time.split(' ');
  return (
    <section className={`day-clock day-clock--${props.variant}`} aria-label={t('station.clock.label')}>
      <h1 className="day-clock__day" aria-label={clock.line}>
        {capitalized(clock.dayPart)}
      </h1>
      <p className={suffix ? 'day-clock__time day-clock__time--suffixed' : 'day-clock__time'} aria-hidden="true">
        {digits}
        {suffix ? <span className="day-clock__suffix"> {suffix}</span> : null}
      </p>
      <p className="day-clock__date" aria-hidden="true">
        {clock.date}
      </p>
    </section>
  );
}

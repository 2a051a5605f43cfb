import { PageHeading } from '../../common/components/PageHeading.js';
import { useI18n, type MessageKey } from '../../common/i18n.js';
import { AppFrame } from '../components/Frames.js';
import { SignedInDevices } from '../components/SignedInDevices.js';
import { useSession } from '../session.js';

/** The greeting for the hour of the day: morning from 6, afternoon from 12, evening from 18. */
export function greetingKey(hour: number): MessageKey {
  if (hour >= 6 && hour < 12) return 'home.greeting.morning';
  if (hour >= 12 && hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

/**
 * Home: greets the person by first name. A placeholder for now; photos, chats and calls come
 * here, and the list of signed-in devices lets them sign out a device they do not recognise.
 */
export function Home() {
  const { t } = useI18n();
  const { me, family } = useSession();
  const name = me?.firstName ?? '';
  return (
    <AppFrame>
      <div className="welcome">
        <PageHeading title={t('home.pageTitle')}>{t(greetingKey(new Date().getHours()), { name })}</PageHeading>
        {family && <p className="lead">{t('home.welcome', { family: family.name })}</p>}
      </div>
      <section className="card card--soft" aria-labelledby="home-soon">
        <h2 id="home-soon">{t('home.soonTitle')}</h2>
        <p>{t('home.soon')}</p>
      </section>
      <SignedInDevices />
    </AppFrame>
  );
}

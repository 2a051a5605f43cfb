import { PageHeading } from '../../common/components/PageHeading.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { GuestFrame } from '../components/Frames.js';

/** An address the app does not know. */
export function NotFound() {
  const { t } = useI18n();
  return (
    <GuestFrame>
      <PageHeading title={t('notFound.pageTitle')}>{t('notFound.title')}</PageHeading>
      <p className="lead">{t('notFound.body')}</p>
      <Link to="/" className="button button--primary button--wide">
        {t('notFound.home')}
      </Link>
    </GuestFrame>
  );
}

import { PageHeading } from '../../common/components/PageHeading.js';
import { useI18n, type MessageKey } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { AppFrame } from '../components/Frames.js';

const pages: Array<{ to: string; title: MessageKey }> = [
  { to: '/calls', title: 'calls.title' },
  { to: '/account', title: 'account.title' },
  { to: '/slideshows', title: 'slideshows.title' },
  { to: '/notices', title: 'notices.title' },
  { to: '/help', title: 'help.title' },
];

/** More: the pages that do not fit in the navigation bar. */
export function More() {
  const { t } = useI18n();
  return (
    <AppFrame>
      <PageHeading title={t('nav.more')}>{t('nav.more')}</PageHeading>
      <ul className="more-list">
        {pages.map((page) => (
          <li key={page.to}>
            <Link to={page.to} className="more-list__item">
              {t(page.title)}
            </Link>
          </li>
        ))}
      </ul>
    </AppFrame>
  );
}

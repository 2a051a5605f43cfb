import { PageHeading } from '../../common/components/PageHeading.js';
import { useI18n, type MessageKey } from '../../common/i18n.js';
import { AppFrame } from '../components/Frames.js';

/** A page of the navigation that is not built yet: its name and a friendly word that it comes. */
export function ComingSoon(props: { title: MessageKey }) {
  const { t } = useI18n();
  const title = t(props.title);
  return (
    <AppFrame>
      <PageHeading title={title}>{title}</PageHeading>
      <section className="card card--soft">
        <p>{t('soon.text')}</p>
      </section>
    </AppFrame>
  );
}

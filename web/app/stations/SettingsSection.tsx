import { useId, type ReactNode } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { useI18n } from '../../common/i18n.js';
import type { SettingsForm } from './useSettingsForm.js';

/**
 * One part of a screen's settings as a card: heading, what it does, its fields, its own save
 * button, and live regions (present from the start, so they are read out): one shows "Saved", the
 * other only tells a screen reader what an edit did.
 */
export function SettingsSection<T>(props: { title: string; intro?: string; form: SettingsForm<T>; saveLabel: string; children: ReactNode; more?: ReactNode; name: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const { form } = props;
  return (
    <section className="card stack settings-section" aria-labelledby={headingId} data-section={props.name}>
      <div className="section-head">
        <h2 id={headingId}>{props.title}</h2>
        {props.intro && <p className="muted">{props.intro}</p>}
      </div>
      <form className="stack" noValidate onSubmit={form.submit}>
        {props.children}
        {form.formError && <Notice tone="error">{form.formError}</Notice>}
        <div className="settings-actions">
          <Button type="submit" busy={form.busy} busyLabel={t('stationSettings.saving')}>
            {props.saveLabel}
          </Button>
          {props.more}
        </div>
        <p className="settings-said" role="status">
          {form.said}
        </p>
        <p className="visually-hidden" role="status">
          {form.note}
        </p>
      </form>
    </section>
  );
}

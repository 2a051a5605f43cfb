import { useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { useSubmit } from '../../common/useSubmit.js';
import { renameStation, type StationJson } from './api.js';
import { nameProblem } from './problems.js';

/** A screen's new name, in place ("Kitchen" after the move). */
export function RenameScreen(props: { station: StationJson; onRenamed(announcement: string): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState(props.station.name);
  const [missing, setMissing] = useState(false);
  const submission = useSubmit(async () => {
    const renamed = await renameStation(props.station.id, name.trim());
    await props.onRenamed(t('stations.rename.done', { name: renamed.name }));
  });
  const problem = nameProblem(submission.error, i18n);
  const fieldError = missing ? t('stations.name.required') : problem;
  // Anything not about the name (the screen was removed meanwhile, no network) goes under the form.
  const formError = submission.error && !problem ? errorSentence(submission.error, i18n) : null;

  return (
    <form
      className="stack stack--tight"
      noValidate
      onSubmit={(event) => {
        const empty = !name.trim();
        setMissing(empty);
        if (empty) {
          event.preventDefault();
          return;
        }
        void submission.submit(event);
      }}
    >
      <TextField
        label={t('stations.rename.label', { name: props.station.name })}
        hint={t('stations.name.hint')}
        value={name}
        autoComplete="off"
        error={fieldError ?? undefined}
        onValueChange={setName}
      />
      {formError && <Notice tone="error">{formError}</Notice>}
      <Button type="submit" variant="secondary" className="screen-card__save" busy={submission.busy} busyLabel={t('stationSettings.saving')}>
        {t('stations.rename.save')}
      </Button>
    </form>
  );
}

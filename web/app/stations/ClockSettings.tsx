import { useId } from 'react';
import { TextField } from '../../common/components/TextField.js';
import { useI18n, type MessageKey } from '../../common/i18n.js';
import type { DayPartsJson, StationSettingsJson } from '../../common/types.js';
import { changeStationSettings } from './api.js';
import { SettingsSection } from './SettingsSection.js';
import { useSettingsForm } from './useSettingsForm.js';

const parts: Array<{ part: keyof DayPartsJson; label: MessageKey }> = [
  { part: 'morning', label: 'stationSettings.part.morning' },
  { part: 'afternoon', label: 'stationSettings.part.afternoon' },
  { part: 'evening', label: 'stationSettings.part.evening' },
  { part: 'night', label: 'stationSettings.part.night' },
];

/** The day clock: 12 or 24 hours, and when each part of the day starts. */
export function ClockSettings(props: { personId: string; name: string; settings: StationSettingsJson; onSaved(settings: StationSettingsJson): void }) {
  const { t } = useI18n();
  const id = useId();
  const form = useSettingsForm(
    props.settings.clock,
    async (clock) => {
      const settings = await changeStationSettings(props.personId, { clock });
      props.onSaved(settings);
      return settings.clock;
    },
    () => t('stationSettings.clock.saved', { name: props.name }),
  );
  const { draft, setDraft, problems } = form;
  const hoursError = problems['clock.hours'];

  return (
    <SettingsSection name="clock" title={t('stationSettings.clock.title')} intro={t('stationSettings.clock.intro')} form={form} saveLabel={t('stationSettings.clock.save')}>
      <fieldset className="choices" aria-describedby={hoursError ? `${id}-hours-error` : undefined}>
        <legend className="choices__legend">{t('stationSettings.clock.hours')}</legend>
        {hoursError && (
          <p className="field__error" id={`${id}-hours-error`}>
            {hoursError}
          </p>
        )}
        {([24, 12] as const).map((hours) => (
          <label key={hours} className="choice">
            <input type="radio" name={`${id}-hours`} checked={draft.hours === hours} onChange={() => setDraft((d) => ({ ...d, hours }))} />
            {t(hours === 12 ? 'stationSettings.clock.h12' : 'stationSettings.clock.h24')}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices" aria-describedby={`${id}-parts-hint`}>
        <legend className="choices__legend">{t('stationSettings.clock.parts')}</legend>
        <p className="field__hint" id={`${id}-parts-hint`}>
          {t('stationSettings.clock.partsHint')}
        </p>
        <div className="settings-times settings-times--four">
          {parts.map(({ part, label }) => (
            <TextField
              key={part}
              type="time"
              data-setting={`clock.dayParts.${part}`}
              label={t(label)}
              value={draft.dayParts[part]}
              error={problems[`clock.dayParts.${part}`]}
              onValueChange={(value) => setDraft((d) => ({ ...d, dayParts: { ...d.dayParts, [part]: value } }))}
            />
          ))}
        </div>
      </fieldset>
    </SettingsSection>
  );
}

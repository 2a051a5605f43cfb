import { TextField } from '../../common/components/TextField.js';
import { useI18n } from '../../common/i18n.js';
import type { StationSettingsJson } from '../../common/types.js';
import { changeStationSettings } from './api.js';
import { CheckField } from './CheckField.js';
import { SettingsSection } from './SettingsSection.js';
import { useSettingsForm } from './useSettingsForm.js';

/** Night mode: on or off, and from when until when the screen is dark. */
export function NightSettings(props: { personId: string; name: string; settings: StationSettingsJson; onSaved(settings: StationSettingsJson): void }) {
  const { t } = useI18n();
  const form = useSettingsForm(
    props.settings.nightMode,
    async (nightMode) => {
      const settings = await changeStationSettings(props.personId, { nightMode });
      props.onSaved(settings);
      return settings.nightMode;
    },
    (saved) => (saved.enabled ? t('stationSettings.night.savedOn', { from: saved.from, until: saved.until }) : t('stationSettings.night.savedOff')),
  );
  const { draft, setDraft, problems } = form;

  return (
    <SettingsSection name="night" title={t('stationSettings.night.title')} intro={t('stationSettings.night.intro')} form={form} saveLabel={t('stationSettings.night.save')}>
      <CheckField
        label={t('stationSettings.night.enabled')}
        checked={draft.enabled}
        error={problems['nightMode.enabled']}
        onChange={(enabled) => setDraft((d) => ({ ...d, enabled }))}
      />
      <div className="settings-times">
        <TextField
          type="time"
          data-setting="nightMode.from"
          label={t('stationSettings.night.from')}
          value={draft.from}
          error={problems['nightMode.from']}
          onValueChange={(from) => setDraft((d) => ({ ...d, from }))}
        />
        <TextField
          type="time"
          data-setting="nightMode.until"
          label={t('stationSettings.night.until')}
          value={draft.until}
          error={problems['nightMode.until']}
          onValueChange={(until) => setDraft((d) => ({ ...d, until }))}
        />
      </div>
    </SettingsSection>
  );
}

import { useId } from 'react';
import { useI18n } from '../../common/i18n.js';
import type { StationSettingsJson } from '../../common/types.js';
import { changeStationSettings } from './api.js';
import { CheckField } from './CheckField.js';
import { SettingsSection } from './SettingsSection.js';
import { useSettingsForm } from './useSettingsForm.js';

type Sound = Pick<StationSettingsJson, 'readAloud' | 'videoSound' | 'ringVolume'>;

const soundOf = (settings: StationSettingsJson): Sound => ({ readAloud: settings.readAloud, videoSound: settings.videoSound, ringVolume: settings.ringVolume });

/** Reading new messages aloud, videos with sound, and how loud the screen rings. */
export function SoundSettings(props: { personId: string; name: string; settings: StationSettingsJson; onSaved(settings: StationSettingsJson): void }) {
  const { t } = useI18n();
  const id = useId();
  const form = useSettingsForm(
    soundOf(props.settings),
    async (sound) => {
      const settings = await changeStationSettings(props.personId, sound);
      props.onSaved(settings);
      return soundOf(settings);
    },
    () => t('stationSettings.sound.saved', { name: props.name }),
  );
  const { draft, setDraft, problems } = form;
  const volumeError = problems.ringVolume;
  const volumeText = t('stationSettings.sound.volumeValue', { value: draft.ringVolume });

  return (
    <SettingsSection name="sound" title={t('stationSettings.sound.title')} form={form} saveLabel={t('stationSettings.sound.save')}>
      <CheckField label={t('stationSettings.sound.readAloud')} checked={draft.readAloud} error={problems.readAloud} onChange={(readAloud) => setDraft((d) => ({ ...d, readAloud }))} />
      <CheckField label={t('stationSettings.sound.videoSound')} checked={draft.videoSound} error={problems.videoSound} onChange={(videoSound) => setDraft((d) => ({ ...d, videoSound }))} />
      <div className={['field', volumeError ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
        <label className="field__label" htmlFor={`${id}-volume`}>
          {t('stationSettings.sound.volume')}
        </label>
        <p className="field__hint" id={`${id}-volume-hint`}>
          {t('stationSettings.sound.volumeHint')}
        </p>
        {volumeError && (
          <p className="field__error" id={`${id}-volume-error`}>
            {volumeError}
          </p>
        )}
        <div className="volume">
          <input
            id={`${id}-volume`}
            className="volume__range"
            type="range"
            min={0}
            max={100}
            step={5}
            value={draft.ringVolume}
            aria-valuetext={volumeText}
            aria-invalid={volumeError ? true : undefined}
            aria-describedby={[volumeError ? `${id}-volume-error` : '', `${id}-volume-hint`].filter(Boolean).join(' ')}
            onChange={(event) => setDraft((d) => ({ ...d, ringVolume: Number(event.target.value) }))}
          />
          {/* The range says its value itself (aria-valuetext); this is for the eyes. */}
          <output className="volume__value" htmlFor={`${id}-volume`} aria-hidden="true">
            {volumeText}
          </output>
        </div>
      </div>
    </SettingsSection>
  );
}

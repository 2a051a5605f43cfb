import { useEffect, useId, useRef } from 'react';
import { limits } from '../../../server/limits.js';
import { Button } from '../../common/components/Button.js';
import { TextField } from '../../common/components/TextField.js';
import { useI18n } from '../../common/i18n.js';
import type { StationSettingsJson } from '../../common/types.js';
import { changeStationSettings } from './api.js';
import { SettingsSection } from './SettingsSection.js';
import { useSettingsForm } from './useSettingsForm.js';

/** What takes the focus after the list changed shape: a reply's field or button, or "Add". */
type FocusTarget = { index: number; part: 'text' | 'up' | 'down' } | 'add';

/**
 * The one-tap answers the screen offers under a message: edit, add (up to the limit), remove,
 * move up and down, or go back to the defaults in the screen's language.
 */
export function QuickReplies(props: { personId: string; name: string; settings: StationSettingsJson; onSaved(settings: StationSettingsJson): void }) {
  const { t } = useI18n();
  const max = limits.quickReplies;
  const save = async (quickReplies: string[] | null) => {
    const settings = await changeStationSettings(props.personId, { quickReplies: quickReplies?.map((reply) => reply.trim()) ?? null });
    props.onSaved(settings);
    return settings.quickReplies;
  };
  const form = useSettingsForm(props.settings.quickReplies, save, () => t('stationSettings.replies.saved', { name: props.name }));
  const { draft, setDraft, problems } = form;
  const listRef = useRef<HTMLOListElement>(null);
  const addId = useId();
  const focusNext = useRef<FocusTarget | null>(null);

  // Moving or removing re-renders the list; the focus goes where the admin's hands are.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if (target === 'add') {
      document.getElementById(addId)?.focus();
      return;
    }
    const item = listRef.current?.children[target.index];
    const wanted = item?.querySelector<HTMLElement>(target.part === 'text' ? 'input' : `[data-move="${target.part}"]:not([disabled])`);
    (wanted ?? item?.querySelector<HTMLElement>('[data-move]:not([disabled])') ?? item?.querySelector('input'))?.focus();
  });

  const move = (from: number, to: number) => {
    const text = draft[from] ?? '';
    const next = [...draft];
    next.splice(from, 1);
    next.splice(to, 0, text);
    setDraft(next);
    focusNext.current = { index: to, part: to < from ? 'up' : 'down' };
    form.say(t('stationSettings.replies.moved', { text, number: to + 1 }));
  };

  const remove = (index: number) => {
    const next = draft.filter((_, i) => i !== index);
    setDraft(next);
    focusNext.current = next.length === 0 ? 'add' : { index: Math.min(index, next.length - 1), part: 'text' };
    form.say(t('stationSettings.replies.removedOne', { number: index + 1 }));
  };

  const add = () => {
    setDraft([...draft, '']);
    focusNext.current = { index: draft.length, part: 'text' };
  };

  return (
    <SettingsSection
      name="replies"
      title={t('stationSettings.replies.title')}
      intro={t('stationSettings.replies.intro', { name: props.name, max })}
      form={form}
      saveLabel={t('stationSettings.replies.save')}
      more={
        <Button variant="secondary" onClick={() => void form.run(() => save(null), () => t('stationSettings.replies.defaultsDone'))}>
          {t('stationSettings.replies.defaults')}
        </Button>
      }
    >
      {problems.quickReplies && <p className="field__error">{problems.quickReplies}</p>}
      {draft.length === 0 ? (
        <p className="muted">{t('stationSettings.replies.none', { name: props.name })}</p>
      ) : (
        <ol className="reply-list" ref={listRef}>
          {draft.map((reply, index) => {
            const number = index + 1;
            return (
              // The list is edited in place: a reply has no identity beyond its place in it.
              <li key={index} className="reply">
                <TextField
                  data-setting={`quickReplies.${index}`}
                  label={t('stationSettings.replies.label', { number })}
                  value={reply}
                  maxLength={limits.quickReplyLength}
                  autoComplete="off"
                  error={problems[`quickReplies.${index}`]}
                  onValueChange={(value) => setDraft(draft.map((r, i) => (i === index ? value : r)))}
                />
                <div className="reply__buttons">
                  <button type="button" className="reply__button" data-move="up" disabled={index === 0} aria-label={t('stationSettings.replies.upNamed', { number })} onClick={() => move(index, index - 1)}>
                    {t('stationSettings.replies.up')}
                  </button>
                  <button
                    type="button"
                    className="reply__button"
                    data-move="down"
                    disabled={index === draft.length - 1}
                    aria-label={t('stationSettings.replies.downNamed', { number })}
                    onClick={() => move(index, index + 1)}
                  >
                    {t('stationSettings.replies.down')}
                  </button>
                  <button type="button" className="reply__button reply__button--remove" aria-label={t('stationSettings.replies.removeNamed', { number })} onClick={() => remove(index)}>
                    {t('stationSettings.replies.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {draft.length < max ? (
        <Button id={addId} variant="secondary" className="reply-add" onClick={add}>
          {t('stationSettings.replies.add')}
        </Button>
      ) : (
        <p className="muted small">{t('stationSettings.replies.full', { max })}</p>
      )}
    </SettingsSection>
  );
}

import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../common/api.js';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import { useSubmit } from '../../common/useSubmit.js';
import { Avatar } from '../family/Avatar.js';
import { personName } from '../family/names.js';
import type { PersonJson } from '../familyApi.js';
import { addStation, type StationJson } from './api.js';
import { settingProblems } from './problems.js';

type Field = 'code' | 'name' | 'stationPersonId';
const fieldOrder: Field[] = ['code', 'name', 'stationPersonId'];

/** The answer's problems by field: pairing codes and a vanished person are about a field too. */
function problemsOf(error: unknown, i18n: I18n): Partial<Record<Field, string>> {
  if (isApiError(error, 'pairing_unknown', 'pairing_expired', 'pairing_used')) return { code: errorSentence(error, i18n) };
  if (isApiError(error, 'not_found')) return { stationPersonId: i18n.t('stations.person.gone') };
  const found = settingProblems(error, i18n);
  return Object.fromEntries(fieldOrder.filter((f) => found[f]).map((f) => [f, found[f]]));
}

/**
 * Admins: approve the code a new Home Station shows, name the screen and say whose it is. The
 * code comes filled in from the QR code's link; with one station person, she is chosen already.
 */
export function AddScreenForm(props: { stationPeople: PersonJson[]; initialCode: string; onAdded(station: StationJson): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const only = props.stationPeople.length === 1 ? props.stationPeople[0]?.id : undefined;
  const [values, setValues] = useState({ code: props.initialCode, name: '', stationPersonId: only ?? '' });
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const submission = useSubmit(async () => {
    props.onAdded(await addStation({ code: values.code.trim(), name: values.name.trim(), stationPersonId: values.stationPersonId }));
  });
  const problems = { ...problemsOf(submission.error, i18n), ...missing };
  const formError = submission.error && Object.keys(problemsOf(submission.error, i18n)).length === 0 ? errorSentence(submission.error, i18n) : null;

  // After a refusal the focus goes to the first field the answer was about, so it is read out.
  const error = submission.error;
  useEffect(() => {
    if (!error) return;
    const first = fieldOrder.find((f) => problemsOf(error, i18n)[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }, [error, i18n]);

  const focusFirst = (found: Partial<Record<Field, string>>) => {
    const first = fieldOrder.find((f) => found[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
    return first !== undefined;
  };
  const personError = problems.stationPersonId;

  return (
    <form
      ref={formRef}
      className="stack"
      noValidate
      onSubmit={(event) => {
        const found: Partial<Record<Field, string>> = {};
        if (!values.code.trim()) found.code = t('stations.code.required');
        if (!values.name.trim()) found.name = t('stations.name.required');
        if (!values.stationPersonId) found.stationPersonId = t('stations.person.required');
        setMissing(found);
        if (focusFirst(found)) {
          event.preventDefault();
          return;
        }
        void submission.submit(event);
      }}
    >
      <TextField
        data-field="code"
        className="screen-code"
        label={t('stations.code.label')}
        hint={t('stations.code.hint')}
        value={values.code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        error={problems.code}
        onValueChange={(code) => setValues((v) => ({ ...v, code }))}
      />
      <TextField
        data-field="name"
        label={t('stations.name.label')}
        hint={t('stations.name.hint')}
        value={values.name}
        autoComplete="off"
        error={problems.name}
        onValueChange={(name) => setValues((v) => ({ ...v, name }))}
      />
      <fieldset className={['choices', personError ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={personError ? 'add-screen-person-error' : undefined}>
        <legend className="choices__legend">{t('stations.person.legend')}</legend>
        {personError && (
          <p className="field__error" id="add-screen-person-error">
            {personError}
          </p>
        )}
        {props.stationPeople.map((person, index) => (
          <label key={person.id} className="choice">
            <input
              type="radio"
              name="add-screen-person"
              value={person.id}
              data-field={index === 0 ? 'stationPersonId' : undefined}
              checked={values.stationPersonId === person.id}
              onChange={() => setValues((v) => ({ ...v, stationPersonId: person.id }))}
            />
            <Avatar person={person} size="small" />
            <span>{personName(person, i18n)}</span>
          </label>
        ))}
      </fieldset>
      {formError && <Notice tone="error">{formError}</Notice>}
      <Button type="submit" busy={submission.busy} busyLabel={t('stations.addPage.busy')}>
        {t('stations.addPage.submit')}
      </Button>
    </form>
  );
}

import { useState } from 'react';
import { ApiError } from '../../common/api.js';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { languageNames, languages, useI18n, type I18n, type Language, type MessageKey } from '../../common/i18n.js';
import { useSubmit } from '../../common/useSubmit.js';
import { useSession } from '../session.js';
import { checkEmail, withoutEmpty, type FieldErrors } from '../validation.js';
import { createStationPerson, type NewStationPerson } from './api.js';

const fields = ['firstName', 'lastName', 'username', 'email', 'mobile'] as const;
type Field = (typeof fields)[number];

const labels: Record<Field, MessageKey> = {
  firstName: 'profile.firstName',
  lastName: 'profile.lastName',
  username: 'profile.username',
  email: 'profile.email',
  mobile: 'profile.mobile',
};

/** Fields left empty; the server checks the rest and its answer is shown beside each field. */
function checkFields(values: Record<Field, string>, i18n: I18n): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) if (!values[field].trim()) errors[field] = i18n.t('people.station.required');
  if (!errors.email) errors.email = checkEmail(values.email, i18n);
  return withoutEmpty(errors);
}

/**
 * The server's problems in words for a form about someone else: its own "required" sentences
 * say "your", which is wrong here.
 */
function serverProblems(error: unknown, i18n: I18n): FieldErrors {
  const problems: FieldErrors = fieldErrors(error, i18n);
  for (const issue of error instanceof ApiError ? error.issues : []) {
    if (issue.problem === 'is required' || issue.problem === 'must not be empty') problems[issue.field] = i18n.t('people.station.required');
    if (issue.problem === 'is already used by someone in the family') problems[issue.field] = i18n.t('people.station.emailTaken');
  }
  return problems;
}

/** Admins: add the person a Home Station is for (grandma), who never signs in. */
export function AddStationPerson(props: { onAdded(announcement: string): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { family } = useSession();
  const empty: Record<Field, string> = { firstName: '', lastName: '', username: '', email: '', mobile: '' };
  const [values, setValues] = useState(empty);
  const [language, setLanguage] = useState<Language>(family?.language ?? i18n.language);
  const [problems, setProblems] = useState<FieldErrors>({});
  const submission = useSubmit(async () => {
    const input: NewStationPerson = { ...values, language };
    for (const field of fields) input[field] = values[field].trim();
    const person = await createStationPerson(input);
    setValues(empty);
    await props.onAdded(t('people.station.added', { name: person.firstName }));
  });
  const shown = { ...serverProblems(submission.error, i18n), ...problems };
  const formError = submission.error !== null && Object.keys(fieldErrors(submission.error, i18n)).length === 0 ? errorSentence(submission.error, i18n) : null;

  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="family-add-station"
      onSubmit={(event) => {
        const found = checkFields(values, i18n);
        setProblems(found);
        const first = fields.find((f) => found[f]);
        if (first) {
          event.preventDefault();
          document.querySelector<HTMLInputElement>(`[data-station-field="${first}"]`)?.focus();
          return;
        }
        void submission.submit(event);
      }}
    >
      <p className="muted" id="family-add-station">
        {t('people.station.addIntro')}
      </p>
      {fields.map((field) => (
        <TextField
          key={field}
          data-station-field={field}
          label={t(labels[field])}
          hint={field === 'email' ? t('people.station.emailHint') : field === 'username' ? t('profile.usernameHint') : undefined}
          type={field === 'email' ? 'email' : field === 'mobile' ? 'tel' : 'text'}
          autoComplete="off"
          value={values[field]}
          error={shown[field]}
          onValueChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
        />
      ))}
      <fieldset className="choices">
        <legend className="choices__legend">{t('people.station.language')}</legend>
        {languages.map((code) => (
          <label key={code} className="choice" lang={code}>
            <input type="radio" name="station-language" value={code} checked={language === code} onChange={() => setLanguage(code)} />
            {languageNames[code]}
          </label>
        ))}
      </fieldset>
      {formError && <Notice tone="error">{formError}</Notice>}
      <Button type="submit" busy={submission.busy} busyLabel={t('people.saving')}>
        {t('people.station.add')}
      </Button>
    </form>
  );
}

import { useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { TextField } from '../../common/components/TextField.js';
import { useI18n } from '../../common/i18n.js';
import { useSubmit } from '../../common/useSubmit.js';
import type { PersonJson } from '../familyApi.js';
import { createGroup } from './api.js';
import { checkGroupName, groupProblem } from './groupErrors.js';
import { MemberPicker } from './MemberPicker.js';
import { personName } from './names.js';

/** Admins: a new group (with its own chat) by name, with the people ticked. Labelled by the fold it sits in. */
export function NewGroupForm(props: { people: PersonJson[]; onCreated(announcement: string): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState('');
  const [members, setMembers] = useState<Set<string>>(new Set());
  const [nameProblem, setNameProblem] = useState<string | undefined>();
  const submission = useSubmit(async () => {
    const group = await createGroup({ name: name.trim(), memberIds: [...members] });
    setName('');
    setMembers(new Set());
    await props.onCreated(t('people.group.created', { name: group.name }));
  });
  const problem = groupProblem(submission.error, i18n);

  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="family-new-group"
      onSubmit={(event) => {
        const found = checkGroupName(name, i18n);
        setNameProblem(found);
        if (found) {
          event.preventDefault();
          return;
        }
        void submission.submit(event);
      }}
    >
      <TextField label={t('people.group.name')} hint={t('people.group.nameHint')} value={name} onValueChange={setName} autoComplete="off" error={nameProblem ?? problem.name} />
      <MemberPicker legend={t('people.group.whoIsIn')} people={props.people} selected={members} onChange={setMembers} nameOf={(p) => personName(p, i18n)} />
      {problem.form && <Notice tone="error">{problem.form}</Notice>}
      <Button type="submit" busy={submission.busy} busyLabel={t('people.saving')}>
        {t('people.group.create')}
      </Button>
    </form>
  );
}

import { useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { useSubmit } from '../../common/useSubmit.js';
import type { PersonJson } from '../familyApi.js';
import { deleteGroup, renameGroup, setGroupMembers, type GroupJson } from './api.js';
import { ConfirmRemoval } from './ConfirmRemoval.js';
import { checkGroupName, groupProblem } from './groupErrors.js';
import { MemberPicker } from './MemberPicker.js';
import { personName } from './names.js';

/** An admin's options for one group, folded away: rename it, choose who is in it, delete it. */
export function ManageGroup(props: { group: GroupJson; everyone: PersonJson[]; onChanged(announcement: string): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { group } = props;
  const [name, setName] = useState(group.name);
  const [nameProblem, setNameProblem] = useState<string | undefined>();
  const [members, setMembers] = useState<Set<string>>(() => new Set(group.memberIds));
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);

  const rename = useSubmit(async () => {
    const renamed = await renameGroup(group.id, name.trim());
    await props.onChanged(t('people.group.renamed', { name: renamed.name }));
  });
  const saveMembers = useSubmit(async () => {
    await setGroupMembers(group.id, [...members]);
    await props.onChanged(t('people.group.membersSaved', { name: group.name }));
  });
  const remove = async () => {
    if (deleting) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await deleteGroup(group.id);
      await props.onChanged(t('people.group.deleted', { name: group.name }));
    } catch (thrown) {
      setDeleteError(thrown);
      setDeleting(false);
    }
  };
  const renameProblem = groupProblem(rename.error, i18n);

  return (
    <details className="manage">
      <summary className="manage__summary">{t('people.group.manage', { name: group.name })}</summary>
      <div className="manage__body stack">
        <form
          className="stack stack--tight"
          noValidate
          onSubmit={(event) => {
            const found = checkGroupName(name, i18n);
            setNameProblem(found);
            if (found) {
              event.preventDefault();
              return;
            }
            void rename.submit(event);
          }}
        >
          <TextField label={t('people.group.newName')} value={name} onValueChange={setName} autoComplete="off" error={nameProblem ?? renameProblem.name} />
          {renameProblem.form && <Notice tone="error">{renameProblem.form}</Notice>}
          <Button type="submit" variant="secondary" busy={rename.busy} busyLabel={t('people.saving')}>
            {t('people.group.rename')}
          </Button>
        </form>
        <form className="stack stack--tight" noValidate onSubmit={(event) => void saveMembers.submit(event)}>
          <MemberPicker legend={t('people.group.whoIsInNamed', { name: group.name })} people={props.everyone} selected={members} onChange={setMembers} nameOf={(p) => personName(p, i18n)} />
          {saveMembers.error !== null && <Notice tone="error">{errorSentence(saveMembers.error, i18n)}</Notice>}
          <Button type="submit" variant="secondary" busy={saveMembers.busy} busyLabel={t('people.saving')}>
            {t('people.group.saveMembers')}
          </Button>
        </form>
        {deleteError !== null && <Notice tone="error">{errorSentence(deleteError, i18n)}</Notice>}
        <ConfirmRemoval
          busy={deleting}
          onConfirm={() => void remove()}
          words={{
            start: t('people.group.delete', { name: group.name }),
            question: t('people.group.deleteQuestion', { name: group.name }),
            consequence: t('people.group.deleteConsequence', { name: group.name }),
            confirm: t('people.group.deleteConfirm', { name: group.name }),
            busy: t('people.remove.busy'),
            cancel: t('people.group.deleteCancel'),
          }}
        />
      </div>
    </details>
  );
}

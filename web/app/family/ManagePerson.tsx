import { useEffect, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import type { UserJson } from '../../common/types.js';
import type { PersonJson } from '../familyApi.js';
import { useSession } from '../session.js';
import { removePerson, setRole } from './api.js';
import { ConfirmRemoval } from './ConfirmRemoval.js';

/**
 * An admin's options for one person, folded away under "Manage Bram": make admin or member
 * (the server keeps at least one admin, and says so in a sentence), and remove from the family
 * after a confirmation. Station people have no role, only removal.
 * @param props.onChanged - reloads the family after a change (with a sentence to announce)
 */
export function ManagePerson(props: { person: PersonJson; isMe: boolean; onChanged(announcement: string): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const { person, isMe } = props;
  const name = person.firstName;
  const [busy, setBusy] = useState<'role' | 'remove' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Every reload brings fresh person objects: a refusal ("the only admin") may no longer hold.
  useEffect(() => setError(null), [person]);

  const changeRole = async () => {
    if (busy) return;
    const role = person.role === 'admin' ? 'member' : 'admin';
    setBusy('role');
    setError(null);
    try {
      const updated = await setRole(person.id, role);
      // An admin who steps down sees the member's view from now on.
      if (isMe) session.updatedMe(updated as UserJson);
      await props.onChanged(t(role === 'admin' ? 'people.role.nowAdmin' : 'people.role.nowMember', { name }));
    } catch (thrown) {
      setError(errorSentence(thrown, i18n, { last_admin: isMe ? 'people.role.lastAdminSelf' : 'people.role.lastAdmin' }));
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    if (busy) return;
    setBusy('remove');
    setError(null);
    try {
      await removePerson(person.id);
      await props.onChanged(t('people.remove.done', { name }));
    } catch (thrown) {
      setError(errorSentence(thrown, i18n, { last_admin: 'people.role.lastAdmin' }));
      setBusy(null);
    }
  };

  const canRemove = person.abilities.remove && !isMe;
  const hasRole = person.role !== 'station' && person.abilities.changeRole;
  if (!canRemove && !hasRole) return null;
  return (
    <details className="manage">
      <summary className="manage__summary">{isMe ? t('people.manage.self') : t('people.manage.named', { name })}</summary>
      <div className="manage__body stack stack--tight">
        {error && <Notice tone="error">{error}</Notice>}
        {hasRole && (
          <div className="manage__row">
            <p>{t(roleSentence(person.role, isMe), { name })}</p>
            <Button variant="secondary" busy={busy === 'role'} busyLabel={t('people.saving')} onClick={() => void changeRole()}>
              {t(person.role === 'admin' ? (isMe ? 'people.role.toMemberSelf' : 'people.role.toMember') : 'people.role.toAdmin', { name })}
            </Button>
          </div>
        )}
        {canRemove && (
          <ConfirmRemoval
            busy={busy === 'remove'}
            onConfirm={() => void remove()}
            words={{
              start: t('people.remove.start', { name }),
              question: t('people.remove.question', { name }),
              consequence: t(person.role === 'station' ? 'people.remove.consequenceStation' : 'people.remove.consequence', { name }),
              confirm: t('people.remove.confirm', { name }),
              busy: t('people.remove.busy'),
              cancel: t('people.remove.cancel', { name }),
            }}
          />
        )}
      </div>
    </details>
  );
}

function roleSentence(role: PersonJson['role'], isMe: boolean) {
  if (role === 'admin') return isMe ? 'people.role.isAdminSelf' : 'people.role.isAdmin';
  return 'people.role.isMember';
}

import { useEffect, useState } from 'react';
import { Notice } from '../../common/components/Notice.js';
import { useI18n, type MessageKey } from '../../common/i18n.js';
import { listPeople } from '../familyApi.js';
import { namesOr } from './status.js';

const sentences: Record<'add' | 'settings', [MessageKey, MessageKey]> = {
  add: ['stations.addPage.adminOnly', 'stations.addPage.adminOnlyNobody'],
  settings: ['stationSettings.adminOnly', 'stationSettings.adminOnlyNobody'],
};

/**
 * For a member who reached an admin's page (a scanned QR code, a shared link): who can do it
 * instead, by name ("Ask Pieter or Anna"), never a bare "forbidden".
 */
export function AdminOnly(props: { task: 'add' | 'settings' }) {
  const i18n = useI18n();
  const [admins, setAdmins] = useState<string[] | null>(null);
  useEffect(() => {
    let shown = true;
    listPeople().then(
      (people) => shown && setAdmins(people.filter((p) => p.role === 'admin').map((p) => p.firstName)),
      () => shown && setAdmins([]),
    );
    return () => {
      shown = false;
    };
  }, []);
  if (admins === null) return <p role="status">{i18n.t('app.loading')}</p>;
  const [named, nobody] = sentences[props.task];
  return <Notice tone="info">{admins.length > 0 ? i18n.t(named, { names: namesOr(admins, i18n) }) : i18n.t(nobody)}</Notice>;
}

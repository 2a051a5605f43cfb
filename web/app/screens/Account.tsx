import { useState } from 'react';
import { PageHeading } from '../../common/components/PageHeading.js';
import { useI18n } from '../../common/i18n.js';
import { LanguageChoice } from '../account/LanguageChoice.js';
import { PasswordForm } from '../account/PasswordForm.js';
import { ProfileForm } from '../account/ProfileForm.js';
import { ProfilePhoto } from '../account/ProfilePhoto.js';
import '../account/account.css';
import { AppFrame } from '../components/Frames.js';
import { SignedInDevices } from '../components/SignedInDevices.js';

/**
 * My Account: language (applied at once), profile photo, my details, password, and the devices
 * I am signed in on. The parts live in web/app/account/.
 */
export function Account() {
  const { t } = useI18n();
  // A password change signs out the other devices: the list is loaded afresh after one.
  const [devicesVersion, setDevicesVersion] = useState(0);
  return (
    <AppFrame>
      <PageHeading title={t('account.pageTitle')}>{t('account.title')}</PageHeading>
      <LanguageChoice />
      <ProfilePhoto />
      <ProfileForm />
      <PasswordForm onChanged={() => setDevicesVersion((v) => v + 1)} />
      <SignedInDevices key={devicesVersion} />
    </AppFrame>
  );
}

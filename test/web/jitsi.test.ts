import test from 'ava';
import { mintCallToken } from '../../bridges/jitsi/token.js';
import { jitsiMeetOptions, jitsiScriptUrl, tokenIdentity } from '../../web/common/jitsi.js';

const settings = { domain: 'meet.example.org', appId: 'prifora', appSecret: 's'.repeat(40), sub: null, tokenMinutes: 240, recording: true };
const parent = { placeholder: 'the element the call goes in' };

function token(participant: { id: string | number; name: string; email?: string }, allowRecording = false): string {
  return mintCallToken(settings, { room: 'prifora-abc', participant, allowRecording });
}

test('the IFrame API script comes from the family’s Jitsi over https', (t) => {
  t.is(jitsiScriptUrl('meet.example.org'), 'https://meet.example.org/external_api.js');
  t.is(jitsiScriptUrl('127.0.0.1:8443'), 'https://127.0.0.1:8443/external_api.js');
});

test('a station call: straight in, no invitations or app prompts, three buttons always visible, the name from the token', (t) => {
  const jwt = token({ id: 3, name: 'Oma Truus' });
  const options = jitsiMeetOptions({ roomName: 'prifora-abc', jwt, parentNode: parent, surface: 'station', language: 'nl' });
  t.like(options, {
    roomName: 'prifora-abc',
    jwt,
    parentNode: parent,
    lang: 'nl',
    userInfo: { displayName: 'Oma Truus' },
    configOverwrite: {
      prejoinConfig: { enabled: false },
      deeplinking: { disabled: true },
      disableInviteFunctions: true,
      toolbarConfig: { alwaysVisible: true },
      readOnlyName: true,
    },
  });
  t.deepEqual(options.configOverwrite.toolbarButtons, ['microphone', 'camera', 'hangup']);
  // Only the current option names: the deprecated prejoinPageEnabled / disableDeepLinking stay out.
  t.false('prejoinPageEnabled' in options.configOverwrite);
  t.false('disableDeepLinking' in options.configOverwrite);
  t.false('email' in options.userInfo);
});

test('a relative’s call in the web app has a few more buttons, recording only when the token allows it', (t) => {
  const plain = jitsiMeetOptions({ roomName: 'prifora-abc', jwt: token({ id: 'u_1', name: 'Anna', email: 'anna@example.org' }), parentNode: parent, surface: 'app', language: 'en' });
  t.deepEqual(plain.userInfo, { displayName: 'Anna', email: 'anna@example.org' });
  t.deepEqual(plain.configOverwrite.toolbarButtons, ['microphone', 'camera', 'hangup', 'tileview', 'fullscreen']);
  t.deepEqual(plain.configOverwrite.toolbarConfig, { alwaysVisible: false });
  const recorded = jitsiMeetOptions({ roomName: 'prifora-abc', jwt: token({ id: 'u_1', name: 'Anna' }, true), parentNode: parent, surface: 'app', language: 'en' });
  t.true((recorded.configOverwrite.toolbarButtons as string[]).includes('recording'));
  const station = jitsiMeetOptions({ roomName: 'prifora-abc', jwt: token({ id: 3, name: 'Oma' }, true), parentNode: parent, surface: 'station', language: 'nl' });
  t.false((station.configOverwrite.toolbarButtons as string[]).includes('recording'));
});

test('the identity is read from the token payload, including names outside ASCII, and nothing from a broken token', (t) => {
  t.deepEqual(tokenIdentity(token({ id: 1, name: 'Zoë Ñúñez 😀' })), { name: 'Zoë Ñúñez 😀', recording: false });
  t.deepEqual(tokenIdentity('not-a-token'), { recording: false });
  const options = jitsiMeetOptions({ roomName: 'prifora-abc', jwt: 'x.y.z', parentNode: parent, surface: 'app', language: 'en' });
  t.deepEqual(options.userInfo, {});
});

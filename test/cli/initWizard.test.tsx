import test from 'ava';
import { render } from 'ink-testing-library';
import { act } from 'react';
import { stripVTControlCharacters } from 'node:util';
import { InitWizard, type InitWizardOptions } from '../../cli/ui/initWizard.js';
import { testMailSettings } from '../../server/boot.js';
import { flatKeys } from '../../server/config/index.js';
import { defaultValue } from '../../server/config/keys.js';
import { startSmtp } from '../helpers/smtp.js';

const keys = flatKeys().filter((key) => key.definition.ask);
// The machine's own time zone is the real default; tests pin one so frames are predictable.
const defaults: Record<string, unknown> = {
  ...Object.fromEntries(keys.map((key) => [key.path, defaultValue(key.definition)])),
  'family.timeZone': 'Europe/Amsterdam',
};

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const refuseTestMail: InitWizardOptions['testMail'] = async () => {
  throw new Error('no test mail was expected');
};

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/**
 * Runs `work` inside React's act, so the renders and effects it causes have happened when this
 * resolves; ink-text-input handles each key with the value of its last committed render, so keys
 * written faster than effects flush would be lost. Act mode is on only meanwhile, so the test
 * send finishing on its own later is an ordinary update. (Tests here are serial: act is global.)
 */
async function settled(work: () => void): Promise<void> {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    await act(async () => work());
  } finally {
    globalThis.IS_REACT_ACT_ENVIRONMENT = false;
  }
}

/** Renders the wizard and drives it the way a person at a terminal would. */
async function startWizard(testMail: InitWizardOptions['testMail'] = refuseTestMail) {
  let cancels = 0;
  let resolveAnswers: (answers: Record<string, unknown>) => void = () => undefined;
  const answers = new Promise<Record<string, unknown>>((resolve) => {
    resolveAnswers = resolve;
  });
  const wizard = <InitWizard keys={keys} defaults={defaults} testMail={testMail} onDone={(given) => resolveAnswers(given)} onCancel={() => cancels++} />;
  let ui: ReturnType<typeof render> | undefined;
  await settled(() => {
    ui = render(wizard);
  });
  if (!ui) throw new Error('the wizard did not render');
  const { stdin, lastFrame, rerender } = ui;
  const frame = () => stripVTControlCharacters(lastFrame() ?? '');
  /** The text in the input line, without the cursor. */
  const input = () => (frame().split('\n').find((line) => line.startsWith('› ')) ?? '› ').slice(2).trimEnd();

  /**
   * Waits (a tick at a time) until the screen satisfies `predicate`. What showed up outside act,
   * like the end of a test send, may still have effects pending; a render under act flushes them
   * first, so the next key reaches the input that is on the screen.
   */
  const waitFor = async (predicate: (frame: string) => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!predicate(frame())) {
      if (Date.now() > deadline) throw new Error(`waited in vain for ${what}; the screen shows:\n${frame()}`);
      await tick();
    }
    await settled(() => rerender(wizard));
  };
  const press = (sequence: string) => settled(() => stdin.write(sequence));
  /** Erases the input one backspace at a time, then types `text` (shown as `shown`, for masks). */
  const type = async (text: string, shown = text) => {
    for (let left = input().length; left > 0; left--) await press('\x7f');
    if (text) await press(text);
    await waitFor(() => input() === shown, `the input to read ${JSON.stringify(shown)}`);
  };
  /** Types an answer, presses Enter and waits until `next` is on the screen. */
  const answer = async (text: string, next: string, shown = text) => {
    await type(text, shown);
    await press('\r');
    await waitFor((screen) => screen.includes(next), JSON.stringify(next));
  };
  return { ui, frame, input, press, type, answer, waitFor, answers, cancels: () => cancels };
}

test.serial('typing an answer to every question resolves with each value parsed to its key type', async (t) => {
  const wizard = await startWizard();
  t.teardown(() => wizard.ui.unmount());
  await wizard.waitFor((screen) => screen.includes('family.name · 1 of'), 'the first question');
  t.true(wizard.frame().includes('The family name shown in the app'), 'the description is the help text');
  t.is(wizard.input(), 'Family', 'the default is prefilled');

  await wizard.answer('De Vries', 'family.timeZone');
  await wizard.answer('America/New_York', 'family.language');
  await wizard.answer('en', 'server.publicUrl');
  await wizard.answer('https://devries.example.org/', 'mail.smtp.host');
  await wizard.answer('smtp.example.org', 'mail.smtp.port');
  await wizard.answer('465', 'mail.smtp.security');
  await wizard.answer('tls', 'mail.smtp.user');
  await wizard.answer('prifora@example.org', 'mail.smtp.password');
  await wizard.answer('s3cret', 'Send a test mail to (empty to skip):', '******');
  await wizard.answer('', 'jitsi.domain');
  await wizard.answer('meet.example.org', 'matrix.homeserverUrl');
  await wizard.answer('', 'Summary');

  t.true(wizard.frame().includes('(hidden)'), 'the summary hides the SMTP password');
  t.false(wizard.frame().includes('s3cret'));
  await wizard.press('\r');
  t.deepEqual(await wizard.answers, {
    'family.name': 'De Vries',
    'family.timeZone': 'America/New_York',
    'family.language': 'en',
    'server.publicUrl': 'https://devries.example.org',
    'mail.smtp.host': 'smtp.example.org',
    'mail.smtp.port': 465,
    'mail.smtp.security': 'tls',
    'mail.smtp.user': 'prifora@example.org',
    'mail.smtp.password': 's3cret',
    'jitsi.domain': 'meet.example.org',
    'matrix.homeserverUrl': null,
  });
});

test.serial('an empty SMTP host skips the other SMTP questions and the test send', async (t) => {
  const wizard = await startWizard();
  t.teardown(() => wizard.ui.unmount());
  await wizard.waitFor((screen) => screen.includes('family.name'), 'the first question');
  await wizard.answer('Jansen', 'family.timeZone');
  await wizard.answer('Europe/Amsterdam', 'family.language');
  await wizard.answer('nl', 'server.publicUrl');
  await wizard.answer('http://localhost:8080', 'mail.smtp.host');
  await wizard.answer('', 'jitsi.domain');
  await wizard.answer('', 'matrix.homeserverUrl');
  await wizard.answer('', 'Summary');
  await wizard.press('\r');
  t.deepEqual(await wizard.answers, {
    'family.name': 'Jansen',
    'family.timeZone': 'Europe/Amsterdam',
    'family.language': 'nl',
    'server.publicUrl': 'http://localhost:8080',
    'mail.smtp.host': null,
    'jitsi.domain': null,
    'matrix.homeserverUrl': null,
  });
});

test.serial('an unknown time zone shows its problem under the input and Enter stays on the question until it is fixed', async (t) => {
  const wizard = await startWizard();
  t.teardown(() => wizard.ui.unmount());
  await wizard.waitFor((screen) => screen.includes('family.name'), 'the first question');
  await wizard.answer('De Vries', 'family.timeZone');

  await wizard.type('Europe/Amsterdan');
  const problem = 'family.timeZone: not a known time zone (use an IANA name such as Europe/Amsterdam)';
  t.true(wizard.frame().includes(problem));
  await wizard.press('\r');
  await wizard.press('\r');
  t.true(wizard.frame().includes('family.timeZone · 2 of'), 'Enter did not move on');
  t.false(wizard.frame().includes('family.language'));

  await wizard.press('\x7f');
  await wizard.press('m');
  await wizard.waitFor((screen) => !screen.includes(problem), 'the problem to go away once the name is right');
  await wizard.press('\r');
  await wizard.waitFor((screen) => screen.includes('family.language'), 'the next question');
});

test.serial('the live test send delivers a mail naming the family to a real SMTP server', async (t) => {
  const smtp = await startSmtp();
  t.teardown(() => smtp.close());
  const wizard = await startWizard(testMailSettings);
  t.teardown(() => wizard.ui.unmount());
  await wizard.waitFor((screen) => screen.includes('family.name'), 'the first question');
  await wizard.answer('De Vries', 'family.timeZone');
  await wizard.answer('Europe/Amsterdam', 'family.language');
  await wizard.answer('en', 'server.publicUrl');
  await wizard.answer('http://localhost:8080', 'mail.smtp.host');
  await wizard.answer('127.0.0.1', 'mail.smtp.port');
  await wizard.answer(String(smtp.port), 'mail.smtp.security');
  await wizard.answer('none', 'mail.smtp.user');
  await wizard.answer('', 'mail.smtp.password');
  await wizard.answer('', 'Send a test mail to (empty to skip):');

  await wizard.answer('grandma@example.org', `sent via 127.0.0.1:${smtp.port} (none)`);
  const mail = await smtp.nextMail();
  t.true(mail.subject?.includes('De Vries'), `subject was ${mail.subject}`);
  t.is(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'grandma@example.org');
  t.is(mail.from?.text, 'prifora@localhost', 'the sender is the default of mail.from');
  t.true(wizard.ui.frames.some((frame) => stripVTControlCharacters(frame).includes('Sending a test mail to grandma@example.org')));

  await wizard.answer('', 'jitsi.domain');
});

test.serial('a failed test send shows the error and lets the person try another address', async (t) => {
  const sent: Array<{ to: string; host: string | null; familyName: string; language: string }> = [];
  const wizard = await startWizard(async ({ mail, familyName, language, to }) => {
    sent.push({ to, host: mail.smtp.host, familyName, language });
    if (to.startsWith('typo')) throw new Error('550 mailbox unavailable');
    return 'smtp.example.org:587 (starttls)';
  });
  t.teardown(() => wizard.ui.unmount());
  await wizard.waitFor((screen) => screen.includes('family.name'), 'the first question');
  await wizard.answer('Jansen', 'family.timeZone');
  await wizard.answer('Europe/Amsterdam', 'family.language');
  await wizard.answer('nl', 'server.publicUrl');
  await wizard.answer('http://localhost:8080', 'mail.smtp.host');
  await wizard.answer('smtp.example.org', 'mail.smtp.port');
  await wizard.answer('587', 'mail.smtp.security');
  await wizard.answer('starttls', 'mail.smtp.user');
  await wizard.answer('', 'mail.smtp.password');
  await wizard.answer('', 'Send a test mail to (empty to skip):');

  await wizard.type('oma');
  t.true(wizard.frame().includes('to: not an email address (like grandma@example.org)'));
  await wizard.answer('typo@example.org', 'Could not send to typo@example.org: 550 mailbox unavailable');
  t.true(wizard.frame().includes('Send another test mail to (empty to go on):'));
  await wizard.answer('oma@example.org', 'Test mail to oma@example.org sent via smtp.example.org:587 (starttls)');
  await wizard.answer('', 'jitsi.domain');
  t.deepEqual(sent, [
    { to: 'typo@example.org', host: 'smtp.example.org', familyName: 'Jansen', language: 'nl' },
    { to: 'oma@example.org', host: 'smtp.example.org', familyName: 'Jansen', language: 'nl' },
  ]);
});

test.serial('Esc goes back to the previous question with its answer filled in', async (t) => {
  const wizard = await startWizard();
  t.teardown(() => wizard.ui.unmount());
  await wizard.waitFor((screen) => screen.includes('family.name'), 'the first question');
  await wizard.answer('Jansen', 'family.timeZone');
  await wizard.press('\x1b');
  await wizard.waitFor((screen) => screen.includes('family.name · 1 of'), 'the first question again');
  t.is(wizard.input(), 'Jansen');
});

test.serial('Ctrl+C cancels the wizard without answers', async (t) => {
  const wizard = await startWizard();
  t.teardown(() => wizard.ui.unmount());
  await wizard.waitFor((screen) => screen.includes('family.name'), 'the first question');
  await wizard.press('\x03');
  await wizard.waitFor((screen) => screen.includes('Cancelled.'), 'the wizard to end');
  t.is(wizard.cancels(), 1);
});

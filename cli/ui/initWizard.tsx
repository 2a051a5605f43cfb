import { Box, Text, render, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { flatKeys, parseKeyText, type Config, type FlatKey } from '../../server/config/index.js';
import { defaultValue } from '../../server/config/keys.js';
import { AppError } from '../../server/errors.js';
import { isLanguage, type Language } from '../../server/i18n/index.js';

/** What the wizard needs: the questions (config keys), their starting values, a mail tester. */
export interface InitWizardOptions {
  keys: FlatKey[];
  defaults: Record<string, unknown>;
  testMail(input: { mail: Config['mail']; familyName: string; language: Language; to: string }): Promise<string>;
}

/** Props of {@link InitWizard}: the wizard's options plus what to do when it ends. */
export interface InitWizardProps extends InitWizardOptions {
  /** Called once, after the summary is confirmed, with the answers by dotted key path. */
  onDone(answers: Record<string, unknown>): void;
  /** Called when the person presses Ctrl+C. */
  onCancel(): void;
}

type Step = { kind: 'question'; key: FlatKey } | { kind: 'mailTest' } | { kind: 'summary' };

type Checked = { ok: true; value: unknown } | { ok: false; problem: string };

interface TestSend {
  to: string;
  ok: boolean;
  /** Where it went (on success) or the transport's error message. */
  message: string;
}

const smtpPrefix = 'mail.smtp.';
const smtpHost = 'mail.smtp.host';
const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
// Loose on purpose: the SMTP server is the judge; this only catches a missing @ or a stray space.
const mailAddress = /^[^\s@]+@[^\s@]+$/;

/** Whether the SMTP questions after the host apply: only once a host has been given. */
function smtpWanted(answers: Record<string, unknown>): boolean {
  return typeof answers[smtpHost] === 'string' && answers[smtpHost] !== '';
}

/**
 * The steps for the answers so far. An answer only changes the steps after its own question,
 * so a position in this list stays valid while the person moves forward and back.
 */
function stepsFor(keys: FlatKey[], answers: Record<string, unknown>): Step[] {
  const steps: Step[] = [];
  const smtp = smtpWanted(answers);
  keys.forEach((key, index) => {
    const isSmtp = key.path.startsWith(smtpPrefix);
    if (isSmtp && key.path !== smtpHost && !smtp) return;
    steps.push({ kind: 'question', key });
    const lastSmtp = isSmtp && !keys[index + 1]?.path.startsWith(smtpPrefix);
    if (lastSmtp && smtp) steps.push({ kind: 'mailTest' });
  });
  steps.push({ kind: 'summary' });
  return steps;
}

function isNullable(key: FlatKey): boolean {
  return key.definition.schema.safeParse(null).success;
}

/** The text a value shows as in the input. */
function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** "family.timeZone" -> "Family time zone". */
function labelOf(path: string): string {
  const spelled: Record<string, string> = { url: 'URL', smtp: 'SMTP' };
  const words = path
    .split('.')
    .flatMap((part) => part.split(/(?=[A-Z])/))
    .map((word) => spelled[word.toLowerCase()] ?? word.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A zod issue as "<problem>", phrased for text typed in a terminal. */
function problemOf(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'is not valid';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'must be a number';
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return 'must be true or false';
  return issue.message;
}

/**
 * Checks typed text against its key: empty text on a nullable key means none (null), anything
 * else goes through parseKeyText and the key's schema. The value is the schema's output.
 */
function check(key: FlatKey, text: string): Checked {
  const input = text.trim() === '' && isNullable(key) ? null : parseKeyText(key, text);
  const result = key.definition.schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problem: `${key.path}: ${problemOf(result.error.issues[0])}` };
}

function checkAddress(text: string): string | undefined {
  const address = text.trim();
  if (address === '' || mailAddress.test(address)) return undefined;
  return 'to: not an email address (like grandma@example.org)';
}

/** How a value reads in the summary; secrets are never shown. */
function shownValue(key: FlatKey, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (key.definition.secret) return '(hidden)';
  return String(value);
}

/**
 * The mail section the answers describe, shaped like Config['mail']. Keys that were not asked
 * (the sender address) take the wizard's defaults, then the key table's default.
 */
function mailSettingsOf(answers: Record<string, unknown>, defaults: Record<string, unknown>): Config['mail'] {
  const valueAt = (path: string): unknown => {
    if (path in answers) return answers[path];
    if (path in defaults) return defaults[path];
    const key = flatKeys().find((candidate) => candidate.path === path);
    return key ? defaultValue(key.definition) : null;
  };
  const smtp = {
    host: valueAt('mail.smtp.host'),
    port: valueAt('mail.smtp.port'),
    security: valueAt('mail.smtp.security'),
    user: valueAt('mail.smtp.user'),
    password: valueAt('mail.smtp.password'),
  };
  return { from: String(valueAt('mail.from')), smtp: smtp as Config['mail']['smtp'] };
}

function Spinner() {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((n) => (n + 1) % spinnerFrames.length), 80);
    return () => clearInterval(timer);
  }, []);
  return <Text color="cyan">{spinnerFrames[frame]}</Text>;
}

function Answered({ steps, answers, upTo }: { steps: Step[]; answers: Record<string, unknown>; upTo: number }) {
  const done = steps.slice(0, upTo).flatMap((step) => (step.kind === 'question' ? [step.key] : []));
  if (done.length === 0) return null;
  return (
    <Box flexDirection="column" marginBottom={1}>
      {done.map((key) => (
        <Text key={key.path}>
          <Text color="green">✔ </Text>
          {labelOf(key.path)}: <Text bold>{shownValue(key, answers[key.path])}</Text>
        </Text>
      ))}
    </Box>
  );
}

/**
 * The `prifora init` wizard: one question per config key marked `ask`, each validated with the
 * key's schema as it is typed; after the SMTP settings, an optional live test send; at the end a
 * summary to confirm. Enter accepts, Esc goes back one step, Ctrl+C cancels.
 */
export function InitWizard({ keys, defaults, testMail, onDone, onCancel }: InitWizardProps) {
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [position, setPosition] = useState(0);
  const [text, setText] = useState(() => {
    const first = stepsFor(keys, {})[0];
    return first?.kind === 'question' ? textOf(defaults[first.key.path]) : '';
  });
  const [sending, setSending] = useState<string | undefined>();
  const [lastSend, setLastSend] = useState<TestSend | undefined>();
  const [sends, setSends] = useState(0);
  const [ended, setEnded] = useState<{ answers: Record<string, unknown> } | 'cancelled' | undefined>();
  // A test send can outlive the wizard (Ctrl+C while sending unmounts it); its outcome is dropped.
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  // Told only after the final screen is drawn, so that screen is what stays in the terminal;
  // keyed on `ended` alone so a parent passing new callbacks does not report the end twice.
  useEffect(() => {
    if (ended === 'cancelled') onCancel();
    else if (ended) onDone(ended.answers);
  }, [ended]);

  const steps = stepsFor(keys, answers);
  const step = steps[Math.min(position, steps.length - 1)] as Step;
  const questions = steps.filter((candidate) => candidate.kind === 'question').length;
  const questionNumber = steps.slice(0, position + 1).filter((candidate) => candidate.kind === 'question').length;

  const goTo = (next: number, nextAnswers: Record<string, unknown>) => {
    const target = stepsFor(keys, nextAnswers)[next];
    setAnswers(nextAnswers);
    setPosition(next);
    setLastSend(undefined);
    if (target?.kind === 'question') {
      const path = target.key.path;
      setText(textOf(path in nextAnswers ? nextAnswers[path] : defaults[path]));
    } else {
      setText('');
    }
  };

  const finish = () => {
    const asked = steps.flatMap((candidate) => (candidate.kind === 'question' ? [candidate.key.path] : []));
    setEnded({ answers: Object.fromEntries(asked.map((path) => [path, answers[path]])) });
  };

  useInput((input, key) => {
    if (ended) return;
    if (key.ctrl && input === 'c') {
      setEnded('cancelled');
      return;
    }
    if (sending) return;
    if (key.escape && position > 0) {
      goTo(position - 1, answers);
      return;
    }
    if (step.kind === 'summary' && key.return) finish();
  });

  const submitAnswer = (key: FlatKey) => (value: string) => {
    const checked = check(key, value);
    if (!checked.ok) return;
    goTo(position + 1, { ...answers, [key.path]: checked.value });
  };

  const submitAddress = (value: string) => {
    const to = value.trim();
    if (checkAddress(to)) return;
    if (to === '') {
      goTo(position + 1, answers);
      return;
    }
    setSending(to);
    setLastSend(undefined);
    const familyName = String(answers['family.name'] ?? defaults['family.name'] ?? '');
    const language = answers['family.language'] ?? defaults['family.language'];
    testMail({ mail: mailSettingsOf(answers, defaults), familyName, language: isLanguage(language) ? language : 'en', to }).then(
      (where) => report({ to, ok: true, message: where }),
      (error: unknown) => report({ to, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  };

  const report = (send: TestSend) => {
    if (!live.current) return;
    setSending(undefined);
    setLastSend(send);
    setText('');
    setSends((n) => n + 1);
  };

  if (ended === 'cancelled') {
    return <Text dimColor>Cancelled.</Text>;
  }

  return (
    <Box flexDirection="column">
      <Text bold>prifora init</Text>
      <Text dimColor>A few questions about this family's prifora. Enter accepts, Esc goes back, Ctrl+C cancels.</Text>
      <Box marginTop={1} flexDirection="column">
        <Answered steps={steps} answers={answers} upTo={step.kind === 'summary' ? 0 : position} />
        {step.kind === 'question' && <Question key={`${position}:${step.key.path}`} question={step.key} number={questionNumber} of={questions} defaultValue={defaults[step.key.path]} text={text} onChange={setText} onSubmit={submitAnswer(step.key)} />}
        {step.kind === 'mailTest' && <MailTest key={sends} sending={sending} lastSend={lastSend} text={text} onChange={setText} onSubmit={submitAddress} />}
        {step.kind === 'summary' && <Summary steps={steps} answers={answers} done={!!ended} />}
      </Box>
    </Box>
  );
}

function Question(props: { question: FlatKey; number: number; of: number; defaultValue: unknown; text: string; onChange(text: string): void; onSubmit(text: string): void }) {
  const { question, text } = props;
  const checked = check(question, text);
  const nullable = isNullable(question);
  const secret = !!question.definition.secret;
  const given = props.defaultValue !== null && props.defaultValue !== undefined && props.defaultValue !== '';
  const defaultLine = secret
    ? nullable
      ? 'Leave it empty for none.'
      : undefined
    : given
      ? `Default: ${textOf(props.defaultValue)}${nullable ? ' (empty means none)' : ''}`
      : nullable
        ? 'Leave it empty for none.'
        : undefined;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color="cyan">
          {labelOf(question.path)}
        </Text>
        <Text dimColor>
          {'  '}
          {question.path} · {props.number} of {props.of}
        </Text>
      </Text>
      <Text>{question.definition.description}</Text>
      {defaultLine && <Text dimColor>{defaultLine}</Text>}
      <Box>
        <Text color="cyan">› </Text>
        <TextInput value={text} onChange={props.onChange} onSubmit={props.onSubmit} {...(secret ? { mask: '*' } : {})} />
      </Box>
      {!checked.ok && <Text color="red">{checked.problem}</Text>}
    </Box>
  );
}

function MailTest(props: { sending: string | undefined; lastSend: TestSend | undefined; text: string; onChange(text: string): void; onSubmit(text: string): void }) {
  const { sending, lastSend } = props;
  const problem = checkAddress(props.text);
  return (
    <Box flexDirection="column">
      <Text bold color="cyan">
        Test the mail settings
      </Text>
      <Text>prifora can send a test mail now, so you know invitations will arrive.</Text>
      {sending && (
        <Text>
          <Spinner /> Sending a test mail to {sending}…
        </Text>
      )}
      {lastSend?.ok && (
        <Text color="green">
          ✔ Test mail to {lastSend.to} sent via {lastSend.message}. Check that inbox.
        </Text>
      )}
      {lastSend && !lastSend.ok && (
        <Box flexDirection="column">
          <Text color="red">
            ✘ Could not send to {lastSend.to}: {lastSend.message}
          </Text>
          <Text dimColor>Try another address, press Esc to change the SMTP settings, or leave it empty to go on.</Text>
        </Box>
      )}
      {!sending && (
        <Box flexDirection="column">
          <Text>{lastSend ? 'Send another test mail to (empty to go on):' : 'Send a test mail to (empty to skip):'}</Text>
          <Box>
            <Text color="cyan">› </Text>
            <TextInput value={props.text} onChange={props.onChange} onSubmit={props.onSubmit} />
          </Box>
          {problem && <Text color="red">{problem}</Text>}
        </Box>
      )}
    </Box>
  );
}

function Summary({ steps, answers, done }: { steps: Step[]; answers: Record<string, unknown>; done: boolean }) {
  const asked = steps.flatMap((step) => (step.kind === 'question' ? [step.key] : []));
  const width = Math.max(...asked.map((key) => key.path.length));
  const smtp = smtpWanted(answers);
  return (
    <Box flexDirection="column">
      <Text bold>Summary</Text>
      {asked.map((key) => (
        <Text key={key.path}>
          {'  '}
          {key.path.padEnd(width)}
          {'  '}
          <Text bold>{shownValue(key, answers[key.path])}</Text>
        </Text>
      ))}
      {!smtp && <Text dimColor>Without SMTP, mail is written to the outbox folder of the data directory.</Text>}
      {!done && <Text>Press Enter to write this config, Esc to go back, Ctrl+C to cancel.</Text>}
    </Box>
  );
}

function cancelled(): AppError {
  return new AppError(1, 'invalid_input', 'init: cancelled', { hint: 'Nothing was written.' });
}

/**
 * Asks the init questions in the terminal; resolves with the answers by dotted key path, values
 * already of each key's JSON type. Throws AppError invalid_input when cancelled with Ctrl+C.
 */
export function askInitAnswers(options: InitWizardOptions): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    // Settle only after ink has let go of the terminal, so what init prints next lands below.
    const settleAfterExit = (settle: () => void) => {
      instance.unmount();
      void instance.waitUntilExit().then(settle, settle);
    };
    const instance = render(
      <InitWizard
        keys={options.keys}
        defaults={options.defaults}
        testMail={options.testMail}
        onDone={(answers) => settleAfterExit(() => resolve(answers))}
        onCancel={() => settleAfterExit(() => reject(cancelled()))}
      />,
      { exitOnCtrlC: false },
    );
  });
}

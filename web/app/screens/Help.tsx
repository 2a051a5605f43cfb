import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { useI18n, type MessageKey } from '../../common/i18n.js';
import { AppFrame } from '../components/Frames.js';
import {
  askForHelp,
  closeHelpRequest,
  getHelpRequest,
  listHelpRequests,
  listPeople,
  replyToHelpRequest,
  type SupportRequestJson,
} from '../familyApi.js';
import { useSession } from '../session.js';
import { TextArea } from '../../common/components/TextArea.js';
import { useSubmit } from '../../common/useSubmit.js';

const statusKeys: Record<string, MessageKey> = { open: 'help.status.open', answered: 'help.status.answered', closed: 'help.status.closed' };

/** Help: ask the family admin for help and follow one's requests; admins see and answer all. */
export function Help() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const isAdmin = me?.role === 'admin';
  const [requests, setRequests] = useState<SupportRequestJson[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const [list, people] = await Promise.all([listHelpRequests(), listPeople()]);
      setRequests(list);
      setNames(Object.fromEntries(people.map((p) => [p.id, p.firstName])));
    } catch (thrown) {
      setError(thrown);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <AppFrame>
      <PageHeading title={t('help.pageTitle')}>{t('help.title')}</PageHeading>
      <p className="lead">{isAdmin ? t('help.introAdmin') : t('help.intro')}</p>
      <AskForHelp onAsked={load} />
      <section className="stack" aria-labelledby="help-requests">
        <h2 id="help-requests">{isAdmin ? t('help.allRequests') : t('help.myRequests')}</h2>
        {error !== null && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
        {requests !== null && requests.length === 0 && <p className="muted">{t('help.none')}</p>}
        {requests?.map((request) => <HelpRequest key={request.id} request={request} names={names} onChanged={load} />)}
      </section>
    </AppFrame>
  );
}

function AskForHelp(props: { onAsked(): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const { busy, error, done: sent, submit } = useSubmit(async () => {
    await askForHelp({ subject: subject.trim(), body: body.trim() });
    setSubject('');
    setBody('');
    await props.onAsked();
  });

  const problems = fieldErrors(error, i18n);
  return (
    <section className="card stack" aria-labelledby="help-ask">
      <h2 id="help-ask">{t('help.ask.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField label={t('help.ask.subject')} value={subject} onValueChange={setSubject} error={problems.subject} />
        <TextArea label={t('help.ask.body')} value={body} onValueChange={setBody} error={problems.body} />
        <Button type="submit" busy={busy} busyLabel={t('help.ask.busy')}>
          {t('help.ask.submit')}
        </Button>
      </form>
      {error !== null && Object.keys(problems).length === 0 && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
      {sent && <Notice tone="success">{t('help.ask.sent')}</Notice>}
    </section>
  );
}

function HelpRequest(props: { request: SupportRequestJson; names: Record<string, string>; onChanged(): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [full, setFull] = useState<SupportRequestJson | null>(null);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const request = full ?? props.request;
  const headingId = useId();

  const open = async () => {
    setError(null);
    try {
      setFull(await getHelpRequest(request.id));
    } catch (thrown) {
      setError(thrown);
    }
  };

  const sendReply = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setFull(await replyToHelpRequest(request.id, reply.trim()));
      setReply('');
    } catch (thrown) {
      setError(thrown);
    } finally {
      setBusy(false);
    }
  };

  const close = async () => {
    setError(null);
    try {
      await closeHelpRequest(request.id);
      setFull(await getHelpRequest(request.id));
      await props.onChanged();
    } catch (thrown) {
      setError(thrown);
    }
  };

  const asker = props.names[request.askerId] ?? '';
  const problems = fieldErrors(error, i18n);
  return (
    <article className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{request.subject}</h3>
      <p className="small muted">
        <span className="badge">{t(statusKeys[request.status] ?? 'help.status.open')}</span>{' '}
        {t('help.askedBy', { name: asker, date: i18n.formatDate(new Date(request.createdAt)) })}
      </p>
      <p className="help-body">{request.body}</p>
      {full?.replies && full.replies.length > 0 && (
        <ul className="reply-list" aria-label={t('help.replies')}>
          {full.replies.map((r) => (
            <li key={r.id} className="reply">
              <p className="small muted">{t('help.replyBy', { name: (r.authorId && props.names[r.authorId]) || '', date: i18n.formatDate(new Date(r.createdAt)) })}</p>
              <p className="help-body">{r.body}</p>
            </li>
          ))}
        </ul>
      )}
      {error !== null && Object.keys(problems).length === 0 && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
      {!full && (
        <Button variant="secondary" aria-describedby={headingId} onClick={() => void open()}>
          {t('help.open')}
        </Button>
      )}
      {full && request.abilities.reply && (
        <form className="stack" onSubmit={sendReply} noValidate>
          <TextArea label={t('help.reply')} value={reply} onValueChange={setReply} error={problems.body} />
          <div className="button-row">
            <Button type="submit" busy={busy} busyLabel={t('help.replyBusy')}>
              {t('help.replySubmit')}
            </Button>
            {request.abilities.close && (
              <Button variant="secondary" onClick={() => void close()}>
                {t('help.close')}
              </Button>
            )}
          </div>
        </form>
      )}
    </article>
  );
}

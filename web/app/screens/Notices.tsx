import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { AppFrame } from '../components/Frames.js';
import { listNotices, markNoticeRead, postNotice, type NoticeJson } from '../familyApi.js';
import { useSession } from '../session.js';
import { TextArea } from '../../common/components/TextArea.js';
import { useSubmit } from '../../common/useSubmit.js';

/** Message Center: notices for the person, newest first, each to mark read; admins post one. */
export function Notices() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const [notices, setNotices] = useState<NoticeJson[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setNotices((await listNotices()).notices);
      setError(null);
    } catch (thrown) {
      setError(thrown);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const markRead = async (notice: NoticeJson) => {
    try {
      await markNoticeRead(notice.id);
      setNotices((list) => list?.map((n) => (n.id === notice.id ? { ...n, read: true } : n)) ?? null);
    } catch (thrown) {
      setError(thrown);
    }
  };

  return (
    <AppFrame>
      <PageHeading title={t('notices.pageTitle')}>{t('notices.title')}</PageHeading>
      {error !== null && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
      {notices === null && error === null && <p role="status">{t('app.loading')}</p>}
      {notices !== null && notices.length === 0 && <p className="card card--soft">{t('notices.empty')}</p>}
      {notices !== null && notices.length > 0 && (
        <ul className="notice-list">
          {notices.map((notice) => (
            <li key={notice.id} className="card notice-item" data-unread={notice.read ? undefined : ''}>
              <h2 className="notice-item__title" id={`notice-${notice.id}`}>
                {!notice.read && <span className="badge">{t('notices.new')}</span>} {notice.title}
              </h2>
              <p className="small muted">
                {notice.author
                  ? t('notices.byOn', { name: notice.author.name, date: i18n.formatDate(new Date(notice.createdAt)) })
                  : i18n.formatDate(new Date(notice.createdAt))}
              </p>
              <p className="notice-item__body">{notice.body}</p>
              {!notice.read && (
                <Button variant="secondary" aria-describedby={`notice-${notice.id}`} onClick={() => void markRead(notice)}>
                  {t('notices.markRead')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {me?.role === 'admin' && <PostNotice onPosted={load} />}
    </AppFrame>
  );
}

function PostNotice(props: { onPosted(): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const { busy, error, done: posted, submit } = useSubmit(async () => {
    await postNotice({ title: title.trim(), body: body.trim() });
    setTitle('');
    setBody('');
    await props.onPosted();
  });

  const problems = fieldErrors(error, i18n);
  return (
    <section className="card stack" aria-labelledby="notices-post">
      <h2 id="notices-post">{t('notices.post.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField label={t('notices.post.subject')} value={title} onValueChange={setTitle} error={problems.title} />
        <TextArea label={t('notices.post.body')} value={body} onValueChange={setBody} error={problems.body} />
        <Button type="submit" busy={busy} busyLabel={t('notices.post.busy')}>
          {t('notices.post.submit')}
        </Button>
      </form>
      {error !== null && Object.keys(problems).length === 0 && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
      {posted && <Notice tone="success">{t('notices.post.done')}</Notice>}
    </section>
  );
}

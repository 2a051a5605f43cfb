/** Naming people and conversations in the chat screens. */
import { useEffect, useState } from 'react';
import type { I18n } from '../../common/i18n.js';
import type { ConversationJson, MessageJson } from '../chatsApi.js';
import { listPeople, type PersonJson } from '../familyApi.js';

/** Everyone in the family by id, for naming authors and direct conversations (empty until loaded). */
export function usePeople(): Map<string, PersonJson> {
  const [people, setPeople] = useState(new Map<string, PersonJson>());
  useEffect(() => {
    let cancelled = false;
    listPeople().then(
      (list) => {
        if (!cancelled) setPeople(new Map(list.map((p) => [p.id, p])));
      },
      // Without names the screens say "Someone"; the conversation itself still works.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return people;
}

/** A conversation's name: the group's, or the first names of the others in it. */
export function conversationTitle(conversation: ConversationJson, people: Map<string, PersonJson>, me: string | undefined, t: I18n['t']): string {
  if (conversation.title) return conversation.title;
  const others = conversation.participantIds.filter((id) => id !== me).map((id) => people.get(id)?.firstName);
  const names = others.filter((name): name is string => Boolean(name));
  return names.length ? names.join(', ') : t('chats.someone');
}

/** A person's first name, or "Someone" for a removed person or before the names have loaded. */
export function firstName(people: Map<string, PersonJson>, id: string | null, t: I18n['t']): string {
  return (id && people.get(id)?.firstName) || t('chats.someone');
}

/** What a message says in one line: its text, or what it shows. */
export function preview(message: MessageJson | null, t: I18n['t']): string {
  if (!message) return t('chats.noMessages');
  if (message.deletedAt) return t('chats.deleted');
  if (message.body) return message.body;
  const count = message.attachments.length;
  if (count === 0) return '';
  if (message.attachments.every((a) => a.kind === 'video')) return count === 1 ? t('chats.video') : t('chats.videos', { count });
  return count === 1 ? t('chats.photo') : t('chats.photos', { count });
}

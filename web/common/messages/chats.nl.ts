import type { chatsEn } from './chats.en.js';

/** Nederlandse zinnen van de chats-schermen (samengevoegd in nl.ts). */
export const chatsNl: Record<keyof typeof chatsEn, string> = {
  'chats.title': 'Chats',
  'chats.listLabel': 'Je gesprekken',
  'chats.empty': 'Nog geen gesprekken. Als iemand uit de familie je schrijft, zie je het hier.',
  'chats.someone': 'Iemand',
  'chats.noMessages': 'Nog geen berichten',
  'chats.deleted': 'Dit bericht is verwijderd',
  'chats.photo': 'Foto',
  'chats.unread': '{count} ongelezen',
  'chats.conversation': 'Gesprek',
  'chats.back': 'Alle chats',
  'chats.earlier': 'Eerdere berichten tonen',
  'chats.startHint': 'Hier is nog niets gezegd. Schrijf hieronder het eerste bericht.',
  'chats.messagesLabel': 'Berichten met {name}',
  'chats.you': 'Jij',
  'chats.edited': 'bewerkt',
  'chats.messageLabel': 'Bericht aan {name}',
  'chats.placeholder': 'Schrijf een bericht…',
  'chats.send': 'Versturen',
  'chats.sending': 'Versturen…',
};

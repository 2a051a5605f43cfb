/**
 * The calls the station UI makes. A paired screen holds an httpOnly cookie the server set when
 * an admin approved its pairing code; with it the screen acts as its station person, so the
 * ordinary conversation, notice and playlist routes answer for that person.
 */
import { request } from '../common/api.js';
import type { Language } from '../common/i18n.js';
import type { StationSettingsJson } from '../common/types.js';

/** Someone the station person shares a conversation with: the name they know, and a photo. */
export interface PersonJson {
  id: string;
  firstName: string;
  photoUrl: string | null;
}

/** GET /api/v1/station/me (server/routes/stationDevice.ts): who this screen is for, its family and settings. */
export interface StationMeJson {
  station: { id: string; name: string };
  stationPerson: PersonJson;
  /** The station person's language, else the family's. */
  language: Language;
  family: { name: string; language: Language; timeZone: string };
  settings: StationSettingsJson;
  people: PersonJson[];
}

/** A screen's pairing code, shown large, and the link an admin opens to approve it. */
export interface PairingJson {
  code: string;
  secret: string;
  expiresAt: string;
  approvalUrl: string;
  /** How often to ask whether an admin approved the code. */
  checkAfterSeconds: number;
}

/** A photo or video of the playlist (server/presenters/media.ts). */
export interface SlideMediaJson {
  id: string;
  kind: 'photo' | 'video';
  width: number | null;
  height: number | null;
  duration: number | null;
  urls: Partial<Record<'thumb' | 'station' | 'full' | 'video' | 'poster', string>>;
  createdAt: string;
}

/** One slide (server/presenters/slideshow.ts): "van Anna, gisteren" is its caption. */
export interface SlideJson {
  media: SlideMediaJson;
  slideshowId: string;
  intervalSeconds: number;
  caption: string;
  /** Who shared it: the station calls them from the slide (absent in a playlist kept from before). */
  addedBy?: { id: string; name: string } | null;
}

/** A message (server/presenters/message.ts), as far as the screen shows it. */
export interface MessageJson {
  id: string;
  conversationId: string;
  authorId: string | null;
  body: string;
  attachments: SlideMediaJson[];
  createdAt: string;
  deletedAt: string | null;
}

/** A conversation with its unread count (server/presenters/conversation.ts). */
export interface ConversationJson {
  id: string;
  kind: 'direct' | 'group';
  title: string | null;
  participantIds: string[];
  lastMessage: MessageJson | null;
  unread: number;
}

/** A notice of the message center (server/presenters/notice.ts). */
export interface NoticeJson {
  id: string;
  kind: 'admin' | 'system';
  author: { id: string; name: string } | null;
  title: string;
  body: string;
  read: boolean;
  createdAt: string;
}

const enc = encodeURIComponent;

/** Who this screen is; answers 401 when the screen is not (or no longer) paired. */
export function fetchMe(): Promise<StationMeJson> {
  return request<StationMeJson>('/api/v1/station/me');
}

/** A new pairing code for this screen. */
export async function startPairing(): Promise<PairingJson> {
  return (await request<{ pairing: PairingJson }>('/api/v1/stations/pairing', { method: 'POST', body: {} })).pairing;
}

/** Whether an admin approved the code; once approved the answer also sets the screen's cookie. */
export async function checkPairing(secret: string): Promise<'waiting' | 'paired'> {
  return (await request<{ status: 'waiting' | 'paired' }>('/api/v1/stations/pairing/check', { method: 'POST', body: { secret } })).status;
}

/** What the screen plays now: new photos first, then the rest shuffled. */
export async function fetchPlaylist(): Promise<SlideJson[]> {
  return (await request<{ slides: SlideJson[] }>('/api/v1/station/playlist')).slides;
}

export async function fetchConversations(): Promise<ConversationJson[]> {
  return (await request<{ conversations: ConversationJson[] }>('/api/v1/conversations')).conversations;
}

/** The newest messages of a conversation, newest first. */
export async function fetchLatestMessages(conversationId: string, limit: number): Promise<MessageJson[]> {
  return (await request<{ messages: MessageJson[] }>(`/api/v1/conversations/${enc(conversationId)}/messages?limit=${limit}`)).messages;
}

export function markConversationRead(conversationId: string, messageId: string): Promise<void> {
  return request(`/api/v1/conversations/${enc(conversationId)}/read`, { body: { messageId } });
}

/** Sends one of the quick replies, as an answer to the message it replies to. */
export function sendQuickReply(conversationId: string, body: string, replyTo: string): Promise<unknown> {
  return request(`/api/v1/conversations/${enc(conversationId)}/messages`, { body: { body, replyTo } });
}

export async function fetchNotices(): Promise<NoticeJson[]> {
  return (await request<{ notices: NoticeJson[] }>('/api/v1/notices')).notices;
}

export function markNoticeRead(noticeId: string): Promise<void> {
  return request(`/api/v1/notices/${enc(noticeId)}/read`, { method: 'POST', body: {} });
}

/** The family's language (public), for the pairing screen before the screen knows its person. */
export async function fetchFamilyLanguage(): Promise<Language> {
  return (await request<{ family: { language: Language } }>('/api/v1/family')).family.language;
}

/** GET /api/v1/station/weather (server/presenters/weather.ts): "12° · bewolkt". */
export interface WeatherJson {
  temperature: number;
  code: number;
  /** The sky in the screen's language. */
  words: string;
  /** When the server's reading was taken (ISO). */
  observedAt: string;
}

/** The weather now; null when the family configured no provider or the server has none recent. */
export async function fetchWeather(): Promise<WeatherJson | null> {
  return (await request<{ weather: WeatherJson | null }>('/api/v1/station/weather')).weather;
}

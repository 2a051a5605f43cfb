/**
 * Every size and length limit of prifora in one place. Zod schemas, models and the web app
 * import these, so a limit is changed once and holds everywhere.
 */
export const limits = {
  /** Bytes of a JSON request body. */
  jsonBodyBytes: 1024 * 1024,
  nameLength: 100,
  usernameLength: 40,
  emailLength: 254,
  mobileLength: 20,
  passwordMinLength: 10,
  passwordMaxLength: 200,
  familyNameLength: 100,
  notesLength: 2000,
  addressLength: 300,
  messageLength: 4000,
  /** The one-tap answers a Home Station offers under a message, and the length of each. */
  quickReplies: 6,
  quickReplyLength: 40,
  /** Bytes of one websocket frame from a client; larger ones close the socket (1009). */
  liveFrameBytes: 64 * 1024,
  /** Items in one page of any list. */
  pageSize: 50,
  pageSizeMax: 200,
} as const;

/** How long the single-use links of prifora stay valid, in milliseconds. */
export const linkLifetimes = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  setup: 24 * 60 * 60 * 1000,
  magicLink: 15 * 60 * 1000,
  session: 30 * 24 * 60 * 60 * 1000,
} as const;

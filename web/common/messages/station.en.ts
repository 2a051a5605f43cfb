/** English sentences of the station screens (merged into en.ts). */
export const stationEn = {
  'station.pageTitle': 'Screen',
  'station.loading': 'Just a moment…',
  'station.reconnecting': 'Reconnecting…',
  'station.close': 'Close',
  'station.readAloud': 'Read aloud',

  'station.clock.label': 'Clock',
  'station.clock.morning': 'morning',
  'station.clock.afternoon': 'afternoon',
  'station.clock.evening': 'evening',
  'station.clock.night': 'night',
  'station.clock.dayPart': '{weekday} {part}',
  'station.clock.date': '{day} {month}',
  'station.clock.line': '{dayPart}, {date}, {time}',

  'station.pairing.pageTitle': 'Add this screen',
  'station.pairing.title': 'Ask a family member to add this screen',
  'station.pairing.codeLabel': 'Code',
  'station.pairing.how': 'In prifora go to Family, then Screens, then Add, and type this code. Or scan the square with a phone.',
  'station.pairing.qrLabel': 'QR code that opens prifora to add this screen',

  'station.slideshow.empty': 'No photos yet. When the family shares one, it appears here.',

  'station.tiles.label': 'New for you',
  'station.tiles.message': 'Message from {name}',
  'station.tiles.messages': '{count} messages from {name}',
  'station.tiles.notice': 'News: {title}',

  'station.message.from': 'Message from {name}',
  'station.message.inGroup': 'in {group}',
  'station.message.someone': 'the family',
  'station.message.photoOnly': '{name} sent a photo.',
  'station.message.aloud': 'Message from {name}. {text}',

  'station.reply.label': 'Answer with one tap',
  'station.reply.send': 'Send {reply}',
  'station.reply.sent': 'Sent to {name}.',
  'station.reply.failed': 'That did not work. Please try again in a moment.',

  'station.notice.kind': 'News for the family',
  'station.notice.from': 'News from {name}',
} as const;

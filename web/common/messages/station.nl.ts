import type { stationEn } from './station.en.js';

/** Nederlandse zinnen van de station-schermen (samengevoegd in nl.ts). */
export const stationNl: Record<keyof typeof stationEn, string> = {
  'station.pageTitle': 'Scherm',
  'station.loading': 'Een ogenblik…',
  'station.reconnecting': 'Verbinding maken…',
  'station.close': 'Sluiten',
  'station.readAloud': 'Voorlezen',

  'station.clock.label': 'Klok',
  'station.clock.morning': 'ochtend',
  'station.clock.afternoon': 'middag',
  'station.clock.evening': 'avond',
  'station.clock.night': 'nacht',
  // Eén woord, zoals je het zegt: "dinsdagmiddag", "zondagochtend".
  'station.clock.dayPart': '{weekday}{part}',
  'station.clock.date': '{day} {month}',
  'station.clock.line': '{dayPart}, {date}, {time}',

  'station.pairing.pageTitle': 'Scherm toevoegen',
  'station.pairing.title': 'Vraag iemand uit de familie om dit scherm toe te voegen',
  'station.pairing.codeLabel': 'Code',
  'station.pairing.how': 'Ga in prifora naar Familie, dan Schermen, dan Toevoegen, en typ deze code. Of scan het vierkant met een telefoon.',
  'station.pairing.qrLabel': 'QR-code die prifora opent om dit scherm toe te voegen',

  'station.slideshow.empty': 'Nog geen foto’s. Zodra de familie er een deelt, komt hij hier.',

  'station.tiles.label': 'Nieuw voor jou',
  'station.tiles.message': 'Bericht van {name}',
  'station.tiles.messages': '{count} berichten van {name}',
  'station.tiles.notice': 'Nieuws: {title}',

  'station.message.from': 'Bericht van {name}',
  'station.message.inGroup': 'in {group}',
  'station.message.someone': 'de familie',
  'station.message.photoOnly': '{name} heeft een foto gestuurd.',
  'station.message.aloud': 'Bericht van {name}. {text}',

  'station.reply.label': 'Antwoord met één tik',
  'station.reply.send': 'Stuur {reply}',
  'station.reply.sent': 'Verstuurd naar {name}.',
  'station.reply.failed': 'Dat lukte niet. Probeer het zo nog eens.',

  'station.notice.kind': 'Nieuws voor de familie',
  'station.notice.from': 'Nieuws van {name}',
};

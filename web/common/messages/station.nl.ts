import type { stationEn } from './station.en.js';

/** Nederlandse zinnen van de station-schermen (samengevoegd in nl.ts). */
export const stationNl: Record<keyof typeof stationEn, string> = {
  'station.pageTitle': 'Scherm',
  'station.loading': 'Een ogenblik…',
  'station.reconnecting': 'Verbinding maken…',
  'station.weather.line': '{temperature}° · {words}',
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

  'station.call.open': 'Bellen',
  'station.call.choose': 'Wie wil je bellen?',
  'station.call.person': 'Bel {name}',
  'station.call.available': 'Nu bereikbaar',
  'station.call.family': 'Bel de familie',
  'station.call.familyHint': 'Iedereen die nu bereikbaar is',
  'station.call.back': 'Terug',
  'station.call.someone': 'Iemand',

  'station.call.incoming': '{name} belt',
  'station.call.incomingGroup': '{name} belt, samen met {group}',
  'station.call.answer': 'Opnemen',
  'station.call.decline': 'Niet nu',
  'station.call.wait': 'Een ogenblik…',
  'station.call.lookIn': '{name} wil even binnenkijken',
  'station.call.lookInCountdown': 'Over {count} seconden kan {name} je zien en horen.',
  'station.call.lookInCountdownOne': 'Over 1 seconde kan {name} je zien en horen.',

  'station.call.calling': '{name} wordt gebeld…',
  'station.call.callingFamily': 'De familie wordt gebeld…',
  'station.call.connecting': 'Verbinden…',
  'station.call.reconnecting': 'De verbinding is even weg. Een ogenblik…',
  'station.call.answeredBy': '{name} nam op',
  'station.call.hangUp': 'Ophangen',
  'station.call.video': 'Beeld van {name}',
  'station.call.frame': 'Gesprek met {name}',
  'station.call.selfView': 'Jij',
  'station.call.noPicture': 'Nu geen beeld van {name}',
  'station.call.cannotSee': '{name} kan je horen, maar niet zien.',
  'station.call.cannotHear': '{name} kan je zien, maar niet horen.',
  'station.call.cannotSeeOrHear': '{name} kan je niet zien en niet horen.',
  'station.call.recordingAllowed': 'Dit gesprek mag worden opgenomen.',
  'station.call.recordingNow': 'Dit gesprek wordt opgenomen.',

  'station.call.ended': 'Het gesprek met {name} is afgelopen.',
  'station.call.theyHungUp': '{name} heeft opgehangen.',
  'station.call.noAnswer': '{name} neemt nu niet op. Probeer het later nog eens.',
  'station.call.noAnswerFamily': 'Niemand nam op. Probeer het later nog eens.',
  'station.call.declined': '{name} kan nu even niet.',
  'station.call.lost': 'De verbinding met {name} is weggevallen.',
  'station.call.failed': 'Het bellen lukte niet. Probeer het later nog eens.',

  'station.call.nobodyAvailable': 'Er is nu niemand uit de familie bereikbaar. Probeer het later nog eens.',
  'station.call.notPossible': 'Je kunt {name} nu niet bellen.',
  'station.call.startFailed': 'Dat lukte niet. Probeer het zo nog eens.',

  'station.call.missed': 'Gemiste oproep van {name}',
  'station.call.missedMany': '{count} gemiste oproepen van {name}',
  'station.call.callBack': 'Bel terug',
};

import type { Language } from '../common/i18n.js';

/**
 * Reads a sentence aloud with the browser's speech synthesis, in the screen's language, slowly
 * and clearly. Does nothing where the browser has no speech (or no voice for the language):
 * reading aloud is a help, never something the screen depends on.
 */
export function speak(text: string, language: Language): void {
  if (!('speechSynthesis' in window) || !text.trim()) return;
  const synthesis = window.speechSynthesis;
  synthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = language === 'nl' ? 'nl-NL' : 'en-GB';
  const voice = synthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(language));
  if (voice) utterance.voice = voice;
  utterance.rate = 0.85;
  synthesis.speak(utterance);
}

/** Stops reading aloud (the overlay closed). */
export function stopSpeaking(): void {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
}

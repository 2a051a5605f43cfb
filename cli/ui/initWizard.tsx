import type { FlatKey } from '../../server/config/index.js';
import type { Language } from '../../server/i18n/index.js';
import type { Config } from '../../server/config/index.js';

/** What the wizard needs: the questions (config keys), their starting values, a mail tester. */
export interface InitWizardOptions {
  keys: FlatKey[];
  defaults: Record<string, unknown>;
  testMail(input: { mail: Config['mail']; familyName: string; language: Language; to: string }): Promise<string>;
}

/** Asks the init questions in the terminal; resolves with the answers by dotted key path. */
export async function askInitAnswers(options: InitWizardOptions): Promise<Record<string, unknown>> {
  void options;
  throw new Error('the interactive wizard is not built yet');
}

// Typed access to _locales/<lang>/messages.json. The key type comes from the English file,
// which a conventions test keeps in step with the Dutch one.
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? undefined
    : Array.isArray(substitutions) ? substitutions.map(String) : String(substitutions);
  // getMessage returns '' for an unknown key; showing the key beats showing nothing.
  return browser.i18n.getMessage(key as never, subs) || (key as string);
}

/** The UI language the browser chose from our locales: `en` or `nl`. */
export function uiLanguage(): 'en' | 'nl' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** `t` or a stand-in that answers in another language (tests, a file written in Dutch). */
export type Translate = (key: MessageKey, substitutions?: string | number | (string | number)[]) => string;

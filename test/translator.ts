// `t` in a chosen language, for tests of text written in Dutch as well as English.
import en from '../public/_locales/en/messages.json';
import nl from '../public/_locales/nl/messages.json';
import type { Translate } from '@/lib/text/i18n';

const LOCALES: Record<'en' | 'nl', Record<string, { message: string }>> = { en, nl };

export function translator(lang: 'en' | 'nl'): Translate {
  return (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs.map(String) : [String(subs)];
    return (LOCALES[lang][key]?.message ?? key).replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  };
}

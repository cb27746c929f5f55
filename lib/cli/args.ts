// The command line's grammar: the commands, their options (Node's util.parseArgs, strict) and their
// help, every message through t(). A usage mistake is a UsageError (exit 2) naming the command
// whose --help to read; parseArgs' own English errors are translated by their codes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { t, type MessageKey } from '../text/i18n';
import { UsageError } from './errors';
import { LANGS, type Lang } from './node-browser';

export const COMMANDS = ['sync', 'report', 'export'] as const;
export type Command = (typeof COMMANDS)[number];

type Options = NonNullable<ParseArgsConfig['options']>;
const COMMON: Options = { data: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } };
const OPTIONS: Record<Command, Options> = {
  sync: { ...COMMON, full: { type: 'boolean' } },
  report: { ...COMMON, month: { type: 'string' }, va: { type: 'string' }, format: { type: 'string' }, tz: { type: 'string' } },
  export: { ...COMMON, from: { type: 'string' }, to: { type: 'string' }, va: { type: 'string' }, tz: { type: 'string' } },
};

export type Values = Record<string, string | boolean | undefined>;

export const isCommand = (s: string | undefined): s is Command => (COMMANDS as readonly string[]).includes(s ?? '');

/** `--lang` (also before the command) or the environment's LANG: picked before anything is said. */
export function languageOf(argv: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; bad: string | null } {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? null : argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1] ?? '';
  if (given !== null) return (LANGS as readonly string[]).includes(given) ? { lang: given as Lang, bad: null } : { lang: 'en', bad: given };
  const fromEnv = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return { lang: fromEnv.startsWith('nl') ? 'nl' : 'en', bad: null };
}

export function parseCommand(command: Command, args: string[]): Values {
  try {
    return parseArgs({ args, options: OPTIONS[command], strict: true, allowPositionals: false }).values as Values;
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    const text = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? t('cli_errUnknownOption', quoted)
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? t('cli_errOptionValue', quoted.split(' ')[0] ?? quoted)
        : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? t('cli_errPositional', quoted)
          : message;
    throw new UsageError(text, command);
  }
}

/** A string option that must be there. */
export function required(values: Values, name: string, command: Command): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(t('cli_errMissingOption', `--${name}`), command);
  return value;
}

export function helpText(command: Command | null, tokenVariables: string): string {
  if (!command) return `${t('cli_help_main')}\n`;
  const body = t(`cli_help_${command}` as MessageKey, command === 'sync' ? tokenVariables : undefined);
  return `${body}\n${t('cli_help_common')}\n`;
}

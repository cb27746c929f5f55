// The command line's dispatcher: picks the language, parses the command, loads the data file and
// runs the command; turns every failure into a message on stderr and an exit code (0 done, 1 an
// error, 2 bad usage). Takes its streams and environment as parameters, like the sync engine.
import type { Writable } from 'node:stream';
import { t } from '../text/i18n';
import { helpText, isCommand, languageOf, parseCommand, required } from './args';
import { planExport, planReport, write } from './commands';
import { loadDataFile } from './data-file';
import { CliError, UsageError } from './errors';
import { setLanguage } from './node-browser';
import { planSync } from './sync';
import { allTokenVariables } from './tokens';

export interface CliIo { stdout: Writable; stderr: Writable & { isTTY?: boolean }; env: NodeJS.ProcessEnv }

export async function run(argv: string[], io: CliIo): Promise<0 | 1 | 2> {
  const { lang, bad } = languageOf(argv, io.env);
  setLanguage(lang);
  const [command, ...args] = argv;
  try {
    if (bad !== null) throw new UsageError(t('cli_errLang', bad), isCommand(command) ? command : null);
    if (command === '--help' || command === '-h') { await write(io.stdout, helpText(null, '')); return 0; }
    if (command === undefined) throw new UsageError(t('cli_errNoCommand'));
    if (!isCommand(command)) throw new UsageError(t('cli_errUnknownCommand', command));
    const values = parseCommand(command, args);
    if (values.help) { await write(io.stdout, helpText(command, allTokenVariables())); return 0; }
    const data = required(values, 'data', command);
    // Every usage mistake is reported before the file is read: a bad flag never waits on a big file.
    const planned = command === 'report' ? planReport(values) : command === 'export' ? planExport(values) : planSync(data, values, io);
    await loadDataFile(data);
    await planned(io.stdout);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      const help = e.command ? `va-scorecard ${e.command} --help` : 'va-scorecard --help';
      await write(io.stderr, `${e.message}\n${t('cli_seeHelp', help)}\n`);
      return 2;
    }
    await write(io.stderr, `${e instanceof CliError ? e.message : t('cli_errUnexpected', e instanceof Error ? e.stack ?? e.message : String(e))}\n`);
    return 1;
  }
}

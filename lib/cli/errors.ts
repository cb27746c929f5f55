// The command line's two kinds of failure and their exit codes: 1 for an error a person can act on
// (an unreadable or refused file, a missing token, a failed sync), 2 for a command used wrongly.
export class CliError extends Error {
  override name = 'CliError';
  constructor(message: string, readonly exitCode: 1 | 2 = 1) { super(message); }
}

export class UsageError extends CliError {
  override name = 'UsageError';
  /** The command whose `--help` the message points at. */
  constructor(message: string, readonly command: string | null = null) { super(message, 2); }
}

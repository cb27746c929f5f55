// Tokens for the command line come from the environment only (never the data file, never argv,
// where `ps` and shell history would show them). The variable names follow each platform's
// credential parts, as the dashboard asks for them: <PLATFORM>_<PART>, e.g. a key and a token.
import { PLATFORMS, type Platform } from '../platforms/registry';
import { SYNC_SOURCES } from '../platforms/sync-sources';

export const tokenVariables = (platform: Platform): string[] =>
  SYNC_SOURCES[platform].connect.parts.map((part) => `${platform.toUpperCase()}_${part.toUpperCase()}`);

export const allTokenVariables = () => PLATFORMS.flatMap(tokenVariables).join(', ');

/** The credential as the extension stores it (the parts joined with `:`), or the variables missing. */
export function tokenFromEnv(platform: Platform, env: NodeJS.ProcessEnv): { token: string } | { missing: string[] } {
  const names = tokenVariables(platform);
  const missing = names.filter((n) => !env[n]?.trim());
  return missing.length ? { missing } : { token: names.map((n) => env[n]!.trim()).join(':') };
}

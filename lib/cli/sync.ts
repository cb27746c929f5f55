// PLACEHOLDER until the board connections travel in the backup ([sync-cursors] on main).
import type { Values } from './args';
import type { Planned } from './commands';
import type { CliIo } from './run';
import { CliError } from './errors';
export function planSync(_file: string, _values: Values, _io: CliIo): Planned { return async () => { throw new CliError('sync: not built yet'); }; }

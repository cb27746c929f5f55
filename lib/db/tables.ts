// The database's record tables as data: names, primary keys, and the model schema of each.
/** The tables of records the owner made: each one's primary key and its schema in lib/model. */
export const RECORD_TABLES = {
  vas: { primaryKey: 'id', schema: 'Va' },
  tasks: { primaryKey: 'key', schema: 'TaskRef' },
  ratings: { primaryKey: 'id', schema: 'Rating' },
  reviews: { primaryKey: 'id', schema: 'Review' },
  impact: { primaryKey: 'id', schema: 'ImpactEntry' },
  targets: { primaryKey: 'id', schema: 'Target' },
  categories: { primaryKey: 'id', schema: 'Category' },
} as const;
export type TableName = keyof typeof RECORD_TABLES;
export const TABLE_NAMES = Object.keys(RECORD_TABLES) as TableName[];
export const KEY_OF = Object.fromEntries(TABLE_NAMES.map((n) => [n, RECORD_TABLES[n].primaryKey])) as Record<TableName, string>;

/**
 * Board cursors: sync bookkeeping, not records the owner made. Not a record table, so upgrades do
 * not check it and a backup does not carry it among the tables; delete-all clears it.
 */
export const SYNC_CURSORS = 'syncCursors';

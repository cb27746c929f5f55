// Records an upgrade could no longer read, kept aside instead of locking the owner out: the
// upgrade step that moves them (setAsideUnreadable), and what such a record holds.
import { Dexie, type Transaction } from 'dexie';
import { RECORD_TABLES, TABLE_NAMES } from './tables';

/** A stored record that no longer parsed after an upgrade, kept aside instead of read. */
export interface QuarantinedRecord {
  /** `table:key@quarantinedAt`, so setting the same key aside again later keeps both. */
  id: string;
  table: string;
  key: string;
  /** The record as it was stored, made JSON-safe so a backup can carry it. */
  record: unknown;
  /** What was wrong (zod's issues), or what threw while checking it. */
  reason: string;
  quarantinedAt: string;
}

export const QUARANTINE = 'quarantine';

/** A copy JSON can write: a loop becomes `[circular]`, a bigint text, a date its instant. */
function jsonSafe(value: unknown, path = new Set<object>()): unknown {
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (path.has(value)) return '[circular]';
  path.add(value);
  const out = Array.isArray(value) ? value.map((v) => jsonSafe(v, path))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v, path)]));
  path.delete(value);
  return out;
}

const checked = new WeakSet<IDBTransaction>();

/**
 * The upgrade step that keeps the owner from being locked out: every record of every table is
 * parsed with the model's schema; one that fails (or makes the check throw) moves to the
 * quarantine table with the reason, in this same upgrade transaction, and one that parses
 * with defaults filled in is stored in that form. It never rejects: a failed upgrade would
 * leave the database closed for good, so at worst a record stays where it was.
 */
export async function setAsideUnreadable(tx: Transaction): Promise<void> {
  // Versions jumped in one upgrade share its transaction, and the check always uses today's
  // schemas: once per upgrade is enough (a version-1 profile would otherwise be read twice).
  if (checked.has(tx.idbtrans)) return;
  checked.add(tx.idbtrans);
  try {
    // Loaded here, not statically: the popup opens the database too and starts without zod.
    // waitFor keeps the upgrade transaction alive while the module loads.
    const model = await Dexie.waitFor(import('../model'));
    const quarantinedAt = new Date().toISOString();
    for (const name of TABLE_NAMES) {
      const schemaName = RECORD_TABLES[name].schema;
      if (!tx.storeNames.includes(name)) continue;
      try {
        const table = tx.table(name);
        const [keys, records] = await Promise.all([table.toCollection().primaryKeys(), table.toArray()]);
        const schema = model[schemaName];
        const rewritten: unknown[] = [];
        const aside: QuarantinedRecord[] = [];
        const asideKeys: typeof keys = [];
        records.forEach((raw: unknown, i) => {
          const key = String(keys[i]);
          let reason: string;
          try {
            const result = schema.safeParse(raw);
            if (result.success) {
              // Fields the schema does not know are kept; only defaults and normal forms change.
              const parsed = { ...(raw as object), ...result.data };
              if (JSON.stringify(parsed) !== JSON.stringify(raw)) rewritten.push(parsed);
              return;
            }
            reason = model.describeIssues(result.error);
          } catch (e) {
            reason = e instanceof Error ? e.message : String(e);
          }
          aside.push({ id: `${name}:${key}@${quarantinedAt}`, table: name, key, record: jsonSafe(raw), reason, quarantinedAt });
          asideKeys.push(keys[i]!);
        });
        if (rewritten.length > 0) await table.bulkPut(rewritten);
        if (aside.length > 0) {
          // Into quarantine first: if that fails, the record stays in its table, not nowhere.
          await tx.table(QUARANTINE).bulkPut(aside);
          await table.bulkDelete(asideKeys);
        }
      } catch (e) {
        console.error(`VA Scorecard: checking the ${name} records after the update failed`, e);
      }
    }
  } catch (e) {
    console.error('VA Scorecard: the records could not be checked after the update', e);
  }
}


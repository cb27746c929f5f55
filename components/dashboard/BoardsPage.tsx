// The Boards section: connect each platform with its token, choose the boards to sync, see each
// board's progress and last outcome, link unknown assignees to VAs, and pick how often the
// background syncs by itself. Tokens go straight to the background and are never read back: the
// page shows only their last 4 characters.
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/text/i18n';
import { send } from '@/lib/messages/send';
import { listVas } from '@/lib/db';
import { unlinkedAssignees } from '@/lib/db/sync';
import { PLATFORM_REGISTRY, PLATFORMS, type Platform } from '@/lib/platforms/registry';
import { SYNC_SOURCES } from '@/lib/platforms/sync-sources';
import { syncConnectionsItem, syncStatusItem, type BoardStatus, type SyncConnections } from '@/lib/storage/items';
import { getSettings, saveSettings } from '@/lib/storage/settings';
import type { Settings } from '@/lib/model';
import type { BoardRef } from '@/lib/sync/types';
import { useAsync } from '../useAsync';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Asked from the owner's click, before anything else awaits, so the browser sees the gesture. */
function askPermission(platform: Platform): Promise<boolean> {
  return browser.permissions.request({ origins: [...PLATFORM_REGISTRY[platform].apiPatterns] });
}

export function BoardsPage() {
  const [connections, setConnections] = useState<SyncConnections>({});
  const [statuses, setStatuses] = useState<Record<string, BoardStatus>>({});
  useEffect(() => {
    void syncConnectionsItem.getValue().then(setConnections);
    void syncStatusItem.getValue().then(setStatuses);
    const unwatch = [syncConnectionsItem.watch((v) => setConnections(v ?? {})), syncStatusItem.watch((v) => setStatuses(v ?? {}))];
    return () => unwatch.forEach((u) => u());
  }, []);
  return (
    <section class="stack" aria-labelledby="boards-heading">
      <h2 id="boards-heading">{t('sync_heading')}</h2>
      <p class="muted">{t('sync_intro')}</p>
      <IntervalSetting />
      {PLATFORMS.map((p) => <PlatformCard key={p} platform={p} connections={connections} statuses={statuses} />)}
      <UnlinkedAssignees statuses={statuses} />
    </section>
  );
}

function IntervalSetting() {
  const { data } = useAsync(getSettings);
  const [message, setMessage] = useState('');
  if (!data) return null;
  const change = async (value: Settings['syncInterval']) => {
    try { await saveSettings({ syncInterval: value }); setMessage(t('settingsSaved')); } catch (e) { setMessage(errorText(e)); }
  };
  return (
    <div class="row">
      <label>{t('sync_interval')}
        <select name="syncInterval" value={data.syncInterval} onChange={(e) => void change(e.currentTarget.value as Settings['syncInterval'])}>
          <option value="off">{t('sync_intervalOff')}</option>
          <option value="hourly">{t('sync_intervalHourly')}</option>
          <option value="daily">{t('sync_intervalDaily')}</option>
        </select>
      </label>
      {message && <span role="status" class="muted">{message}</span>}
    </div>
  );
}

function PlatformCard({ platform, connections, statuses }: { platform: Platform; connections: SyncConnections; statuses: Record<string, BoardStatus> }) {
  const name = t(PLATFORM_REGISTRY[platform].nameKey);
  const { connect } = SYNC_SOURCES[platform];
  const connection = connections[platform];
  // Restored from a backup (which never carries a token): the boards are known, the token is not.
  const hasToken = !!connection && connection.last4 !== null;
  const [parts, setParts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [available, setAvailable] = useState<BoardRef[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const credential = () => connect.parts.map((p) => (parts[p] ?? '').trim()).join(':');

  async function step(work: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try { await work(); } catch (e) { setMessage({ ok: false, text: errorText(e) }); } finally { setBusy(false); }
  }
  const needPermission = async (granted: Promise<boolean>) => { if (!(await granted)) throw new Error(t('sync_err_permission')); };
  const test = () => { const granted = askPermission(platform); void step(async () => {
    await needPermission(granted);
    const { account } = await send('sync.test', { platform, token: credential() });
    setMessage({ ok: true, text: t('sync_testOk', account) });
  }); };
  const doConnect = () => { const granted = askPermission(platform); void step(async () => {
    await needPermission(granted);
    const { boards, connection: made } = await send('sync.connect', { platform, token: credential() });
    setParts({});
    setAvailable(boards);
    setChosen(new Set(made.boards.map((b) => b.id)));
  }); };
  const loadBoards = () => { const granted = askPermission(platform); void step(async () => {
    await needPermission(granted);
    const boards = await send('sync.boards', { platform });
    setAvailable(boards);
    setChosen(new Set(connection?.boards.map((b) => b.id)));
  }); };
  const saveChoice = () => void step(async () => {
    await send('sync.choose', { platform, boards: (available ?? []).filter((b) => chosen.has(b.id)) });
    setAvailable(null);
    await send('sync.run', { platform });
  });
  const syncNow = () => void step(async () => { await send('sync.run', { platform }); });
  const disconnect = () => void step(async () => { await send('sync.disconnect', { platform }); setAvailable(null); });

  return (
    <article class="card stack" aria-labelledby={`sync-${platform}`}>
      <h3 id={`sync-${platform}`}>{name}</h3>
      {hasToken ? (
        <p>{t('sync_connectedAs', [connection.account, connection.last4!])}</p>
      ) : (
        <>
          {connection && <p role="status">{t('sync_needsToken', connection.account)}</p>}
          <p class="muted">{t(connect.stepsKey)} <a href={connect.tokenUrl} target="_blank" rel="noreferrer">{t('sync_whereToken', name)}</a></p>
          {connect.parts.map((part) => (
            <label key={part}>{t(part === 'key' ? 'sync_apiKey' : 'sync_token')}
              <input name={`${platform}-${part}`} type="password" autoComplete="off" value={parts[part] ?? ''}
                onInput={(e) => setParts({ ...parts, [part]: e.currentTarget.value })} />
            </label>
          ))}
          <div class="row">
            <button type="button" disabled={busy || !credential().replace(/:/g, '')} onClick={test}>{t('sync_test')}</button>
            <button type="button" class="primary" disabled={busy || !credential().replace(/:/g, '')} onClick={doConnect}>{t('sync_connect')}</button>
          </div>
        </>
      )}
      {message && <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'muted' : 'error'}>{message.text}</p>}
      {available && (
        <fieldset class="stack">
          <legend>{t('sync_chooseBoards', name)}</legend>
          {available.length === 0 && <p class="muted">{t('sync_noBoards')}</p>}
          {available.map((b) => (
            <label key={b.id}>
              <input type="checkbox" checked={chosen.has(b.id)} onChange={(e) => {
                const next = new Set(chosen);
                if (e.currentTarget.checked) next.add(b.id); else next.delete(b.id);
                setChosen(next);
              }} /> {b.name}
            </label>
          ))}
          <div class="row"><button type="button" class="primary" disabled={busy} onClick={saveChoice}>{t('sync_saveBoards')}</button></div>
        </fieldset>
      )}
      {connection && (
        <>
          <ul class="stack" style={{ listStyle: 'none', padding: 0 }}>
            {connection.boards.map((b) => <BoardRow key={b.id} board={b} status={statuses[`${platform}:${b.id}`]} />)}
          </ul>
          <div class="row">
            {hasToken && <button type="button" disabled={busy} onClick={loadBoards}>{t('sync_chooseBoardsButton')}</button>}
            {hasToken && <button type="button" class="primary" disabled={busy || connection.boards.length === 0} onClick={syncNow}>{t('sync_now')}</button>}
            <button type="button" disabled={busy} onClick={disconnect}>{t('sync_disconnect')}</button>
          </div>
        </>
      )}
    </article>
  );
}

function BoardRow({ board, status }: { board: BoardRef; status: BoardStatus | undefined }) {
  const label = `sync-board-${board.platform}-${board.id}`;
  return (
    <li class="stack" aria-labelledby={label} data-board={board.id}>
      <strong id={label}>{board.name}</strong>
      {status?.running && (
        <label>{t('sync_progress', status.tasks)}
          <progress max={1} value={status.fraction ?? undefined} />
        </label>
      )}
      {status && !status.running && status.lastSyncAt && (
        <span class="muted">{t('sync_lastSync', [new Date(status.lastSyncAt).toLocaleString(), status.stored])}</span>
      )}
      {status?.error && (
        <span role="alert" class="error">
          {t(`sync_err_${status.error.kind}` as MessageKey)}{status.error.detail ? ` (${status.error.detail})` : ''}
        </span>
      )}
    </li>
  );
}

function UnlinkedAssignees({ statuses }: { statuses: Record<string, BoardStatus> }) {
  const { data, reload } = useAsync(() => Promise.all([unlinkedAssignees(), listVas()]), [statuses]);
  const [message, setMessage] = useState('');
  if (!data || data[0].length === 0 || data[1].length === 0) return null;
  const [people, vas] = data;
  const link = async (person: (typeof people)[number], vaId: string) => {
    try {
      await send('sync.linkAssignee', { vaId, identity: { platform: person.platform, memberId: person.id, name: person.name } });
      reload();
    } catch (e) { setMessage(errorText(e)); }
  };
  return (
    <article class="card stack" aria-labelledby="unlinked-heading">
      <h3 id="unlinked-heading">{t('sync_unlinkedHeading')}</h3>
      <p class="muted">{t('sync_unlinkedHelp')}</p>
      {people.map((person) => (
        <label key={`${person.platform}:${person.id ?? person.name}`}>
          {t('sync_unlinkedPerson', [person.name, t(PLATFORM_REGISTRY[person.platform].nameKey), person.tasks])}
          <select onChange={(e) => { if (e.currentTarget.value) void link(person, e.currentTarget.value); }}>
            <option value="">{t('sync_linkChoose')}</option>
            {vas.map((va) => <option key={va.id} value={va.id}>{va.name}</option>)}
          </select>
        </label>
      ))}
      {message && <p role="alert" class="error">{message}</p>}
    </article>
  );
}

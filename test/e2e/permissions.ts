// An optional host permission the owner granted, written into a closed Chromium profile.
// Why: `permissions.request` opens a native prompt that headless Chromium shows nowhere and no
// switch or CDP command answers (it stays pending), so a browser test cannot click "Allow". A
// profile in which the owner already allowed the host is what Chromium keeps after that click:
// the host in the extension's granted and active permissions. `permissions.request` then resolves
// true without a prompt, as it does for a returning owner; `permissions.remove` takes it away again.
// Chromium's preference MACs are not enforced on Linux builds: the edited value is used as is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, type Session } from './harness';

/** A profile with the extension installed and `origins` allowed, and the session started on it. */
export async function launchWithHostPermission(origins: string[]): Promise<Session> {
  const first = await launch(fs.mkdtempSync(path.join(os.tmpdir(), 'vasc-profile-')));
  const { profileDir, extensionId } = first;
  await first.close(); // Chromium writes its preferences on exit
  const file = path.join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(fs.readFileSync(file, 'utf8'));
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings?.granted_permissions) throw new Error(`No permissions of ${extensionId} in ${file}: did Chromium change where it keeps them?`);
  for (const kind of ['granted_permissions', 'active_permissions']) {
    const list: string[] = settings[kind].explicit_host ?? [];
    settings[kind].explicit_host = [...new Set([...list, ...origins])].sort();
  }
  fs.writeFileSync(file, JSON.stringify(prefs));
  const session = await launch(profileDir);
  return { ...session, close: async () => { await session.close(); fs.rmSync(profileDir, { recursive: true, force: true }); } };
}

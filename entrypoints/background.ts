import { registerHandlers } from '@/lib/background/handlers';
import { registerTimerBadge } from '@/lib/background/badge';
import { upgradeDatabaseOnInstall } from '@/lib/background/install';
import { createSyncService, registerSyncAlarm } from '@/lib/background/sync';
import { registerReminders } from '@/lib/background/reminders';

export default defineBackground(() => {
  const sync = createSyncService();
  registerHandlers(sync);
  void registerSyncAlarm(sync);
  registerTimerBadge();
  upgradeDatabaseOnInstall();
  registerReminders();
});

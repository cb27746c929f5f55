import { registerHandlers } from '@/lib/background/handlers';
import { registerTimerBadge } from '@/lib/background/badge';
import { upgradeDatabaseOnInstall } from '@/lib/background/install';
import { registerReminders } from '@/lib/background/reminders';

export default defineBackground(() => {
  registerHandlers();
  registerTimerBadge();
  upgradeDatabaseOnInstall();
  registerReminders();
});

import { registerHandlers } from '@/lib/background/handlers';
import { registerTimerBadge } from '@/lib/background/badge';
import { upgradeDatabaseOnInstall } from '@/lib/background/install';

export default defineBackground(() => {
  registerHandlers();
  registerTimerBadge();
  upgradeDatabaseOnInstall();
});

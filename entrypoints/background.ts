import { registerHandlers } from '@/lib/background/handlers';
import { registerTimerBadge } from '@/lib/background/badge';

export default defineBackground(() => {
  registerHandlers();
  registerTimerBadge();
});

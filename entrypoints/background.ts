import { registerHandlers } from '@/lib/background/handlers';

export default defineBackground(() => {
  registerHandlers();
});

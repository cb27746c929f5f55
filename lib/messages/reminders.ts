// The dashboard's one message to the background: a review's next check-in changed, reschedule.
import { send } from './send';

export const syncReminders = () => send('reminders.sync', undefined);

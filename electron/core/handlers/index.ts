import { mergeHandlers } from '../dispatch';
import { appHandlers } from './app.handlers';
import { evidenceHandlers } from './evidence.handlers';
import { inboxHandlers } from './inbox.handlers';
import { settingsHandlers } from './settings.handlers';
import { slaHandlers } from './sla.handlers';
import { shopsHandlers } from './shops.handlers';
import { staffHandlers } from './staff.handlers';
import { systemHandlers } from './system.handlers';

export const handlers = mergeHandlers(
  appHandlers,
  settingsHandlers,
  shopsHandlers,
  staffHandlers,
  systemHandlers,
  evidenceHandlers,
  inboxHandlers,
  slaHandlers,
);

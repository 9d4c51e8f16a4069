import { mergeHandlers } from '../dispatch';
import { alertsHandlers } from './alerts/alerts.handlers';
import { appHandlers } from './app/app.handlers';
import { auditHandlers } from './audit/audit.handlers';
import { authHandlers } from './auth/auth.handlers';
import { casesHandlers } from './cases/cases.handlers';
import { demoHandlers } from './demo/demo.handlers';
import { evidenceHandlers } from './evidence/evidence.handlers';
import { importsHandlers } from './imports/imports.handlers';
import { maintenanceHandlers } from './maintenance/maintenance.handlers';
import { notificationsHandlers } from './notifications/notifications.handlers';
import { reviewsHandlers } from './reviews/reviews.handlers';
import { rulesHandlers } from './rules/rules.handlers';
import { settingsHandlers } from './settings/settings.handlers';
import { shopsHandlers } from './shops/shops.handlers';
import { slaHandlers } from './sla/sla.handlers';
import { staffHandlers } from './staff/staff.handlers';
import { watchHandlers } from './watch/watch.handlers';

/** Every domain's handler group in one map; the dispatch checks each call against the contract. */
export const handlers = mergeHandlers(
  alertsHandlers,
  appHandlers,
  auditHandlers,
  authHandlers,
  casesHandlers,
  demoHandlers,
  evidenceHandlers,
  importsHandlers,
  maintenanceHandlers,
  notificationsHandlers,
  reviewsHandlers,
  rulesHandlers,
  settingsHandlers,
  shopsHandlers,
  slaHandlers,
  staffHandlers,
  watchHandlers,
);

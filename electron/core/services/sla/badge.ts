import { badgeCountCap } from '../../../../shared/domain/sla';
import { countBreachedCases } from '../../../../db/queries/sla-timers';
import type { ServiceDeps } from '../service-deps';

/** The count of breached open cases on the app's badge; the UI hears of it only when it moves. */
export class SlaBadge {
  private last: number | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Breached open cases: the cases whose breach point fired and whose target is not met. With a
   * cap, counting stops there (the badge shows 999+): a tick after a big import must not count
   * hundreds of thousands of rows every time one more case breaches.
   */
  breachedCount(cap = -1): number {
    return countBreachedCases(this.deps.sqlite, cap);
  }

  update(): void {
    const breached = this.breachedCount(badgeCountCap);
    if (breached !== this.last) {
      this.last = breached;
      this.deps.events.emit('badge.changed', { breached });
    }
  }
}

import type { AuditEntry } from '../../../../shared/contract';
import { auditSubjects, listAudit, listAuditActors, listAuditKinds, type AuditFilter } from '../../../../db/queries/audit';
import type { Executor } from '../../../../db/queries/executor';

type Subject = NonNullable<AuditEntry['subject']>;

const numericId = (value: string | null) => (value !== null && /^\d+$/.test(value) ? Number(value) : null);

/** A string field of an entry's after (or before) snapshot. */
function snapshotField(entry: AuditEntry, field: string): string | number | undefined {
  for (const snapshot of [entry.after, entry.before]) {
    if (snapshot && typeof snapshot === 'object' && field in snapshot) {
      const value = (snapshot as Record<string, unknown>)[field];
      if (typeof value === 'string' || typeof value === 'number') return value;
    }
  }
  return undefined;
}

/**
 * The audit log for people: each entry with the names and figures its sentence needs, looked up
 * once per page (the import's file, shop and counts; the shop's, person's, policy's or file's name).
 */
export class AuditService {
  constructor(private readonly db: Executor) {}

  async list(options: AuditFilter & { limit?: number; offset?: number }): Promise<{ items: AuditEntry[]; total: number }> {
    const page = await listAudit(this.db, { ...options, limit: options.limit ?? 100 });
    const ids = { imports: new Set<number>(), shops: new Set<number>(), staff: new Set<number>(), policies: new Set<number>(), evidence: new Set<number>() };
    for (const entry of page.items) {
      const entityId = numericId(entry.entityId);
      if (entityId === null) continue;
      if (entry.entity === 'import') ids.imports.add(entityId);
      else if (entry.entity === 'shop') ids.shops.add(entityId);
      else if (entry.entity === 'staff') ids.staff.add(entityId);
      else if (entry.entity === 'sla_policy') ids.policies.add(entityId);
      else if (entry.entity === 'evidence') ids.evidence.add(entityId);
    }
    const found = await auditSubjects(this.db, {
      imports: [...ids.imports],
      shops: [...ids.shops],
      staff: [...ids.staff],
      policies: [...ids.policies],
      evidence: [...ids.evidence],
    });
    const imports = new Map(found.imports.map((row) => [row.id, row]));
    const names = {
      shop: new Map(found.shops.map((row) => [row.id, row.name])),
      staff: new Map(found.staff.map((row) => [row.id, row.name])),
      evidence: new Map(found.evidence.map((row) => [row.id, row.name])),
    };
    const categories = new Map(found.policies.map((row) => [row.id, row.category]));
    const items = page.items.map((entry) => {
      const entityId = numericId(entry.entityId);
      const subject: Subject = {};
      const name = snapshotField(entry, 'name');
      if (entry.entity === 'import' && entityId !== null) {
        const run = imports.get(entityId);
        if (run) {
          Object.assign(subject, { file: run.fileName, origin: run.origin, status: run.status, read: run.read, count: run.inserted, duplicates: run.duplicates, rejected: run.rejected });
          if (run.shopName !== null) subject.shop = run.shopName;
        }
      } else if (entry.entity === 'shop' || entry.entity === 'staff' || entry.entity === 'evidence') {
        const known = entityId === null ? undefined : names[entry.entity].get(entityId);
        const label = entry.entity === 'evidence' ? (snapshotField(entry, 'originalName') ?? known) : (name ?? known);
        if (label !== undefined) subject.name = label;
      } else if (entry.entity === 'sla_policy') {
        const category = snapshotField(entry, 'category') ?? (entityId === null ? undefined : categories.get(entityId));
        if (category !== undefined) subject.category = category;
      } else if (entry.entity === 'case' && entityId !== null) {
        subject.caseId = entityId;
      } else if (name !== undefined) {
        subject.name = name;
      }
      return { ...entry, subject };
    });
    return { items, total: page.total };
  }

  async facets(): Promise<{ actors: string[]; kinds: string[] }> {
    const [actors, kinds] = await Promise.all([listAuditActors(this.db), listAuditKinds(this.db)]);
    return { actors, kinds };
  }
}

import { describe, expect, it } from 'vitest';
import { staffRoles } from '../domain/roles';
import { contract } from './index';

// Verbs that only read. A method named otherwise changes something and must say who may call it.
const readVerb = /^(list|get|count|summary|status|session|profiles|presets|rejects|preview|myQueue|board|awaySummary|verify$|resolveObject$|exportReport$)/;

describe('contract permissions', () => {
  it('declares the role every method that changes something needs', () => {
    const undeclared = Object.entries(contract)
      .filter(([name, spec]) => spec.requires === null && !readVerb.test(name.split('.')[1]!))
      .map(([name]) => name);
    expect(undeclared).toEqual([]);
  });

  it('names only known roles, or anyone', () => {
    for (const [name, spec] of Object.entries(contract)) {
      if (spec.requires !== null) expect([...staffRoles, 'anyone'], name).toContain(spec.requires);
    }
  });

  it('keeps the owner-only methods owner-only', () => {
    const ownerOnly = Object.entries(contract).filter(([, spec]) => spec.requires === 'owner').map(([name]) => name).sort();
    expect(ownerOnly).toEqual(['auth.updateSettings', 'evidence.cleanOrphans', 'evidence.emptyTrash', 'maintenance.restore', 'maintenance.updateBackupSettings', 'sla.removePolicy', 'sla.saveCalendar', 'sla.savePolicy']);
  });
});

import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { mergeHandlers } from '../dispatch';
import { handlers } from './handlers';

describe('handler map', () => {
  it('has exactly one handler for every contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('refuses a method defined twice when merging domain groups', () => {
    const group = { 'app.status': handlers['app.status'] };
    expect(() => mergeHandlers(group, group)).toThrow(/defined twice/);
  });

  it('names every method domain.verb', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
  });
});

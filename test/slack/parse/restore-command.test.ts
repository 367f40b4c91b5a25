import { describe, expect, it } from 'vitest';
import { parseRestoreCommand } from '../../../src/slack/parse/restore-command.js';

describe('parseRestoreCommand', () => {
  it.each([
    ['', { type: 'open' }],
    ['   ', { type: 'open' }],
    ['help', { type: 'help' }],
    ['LIST', { type: 'list', all: false }],
    ['list --all', { type: 'list', all: true }],
    ['status J7K2M9QX4T', { type: 'status', jobId: 'j7k2m9qx4t' }],
    ['cancel j7k2m9qx4t', { type: 'cancel', jobId: 'j7k2m9qx4t' }],
    ['refresh', { type: 'refresh' }],
    ['refresh acceptance-refresh NOW', { type: 'refresh-now', cycle: 'acceptance-refresh' }],
  ])('reads %j', (text, expected) => {
    expect(parseRestoreCommand(text)).toEqual(expected);
  });

  it('reads the one-line form with every option', () => {
    expect(
      parseRestoreCommand(
        'aurora orders --at "2h ago" --as orders-copy --replace --expires 3d --reason “bad migration”',
      ),
    ).toEqual({
      type: 'prefill',
      prefill: {
        kind: 'aurora-cluster',
        source: 'orders',
        restorePoint: { type: 'time', text: '2h ago' },
        target: 'orders-copy',
        replace: true,
        expiresIn: '3d',
        reason: 'bad migration',
      },
    });
  });

  it('accepts full kind names and snapshots', () => {
    expect(parseRestoreCommand('docdb-cluster catalog --snapshot rds:catalog-2026-11-21')).toEqual({
      type: 'prefill',
      prefill: {
        kind: 'docdb-cluster',
        source: 'catalog',
        restorePoint: { type: 'snapshot', id: 'rds:catalog-2026-11-21' },
        replace: false,
      },
    });
  });

  it.each([
    ['restore everything', /"restore" is not a command or a kind/],
    ['status', /takes one job id/],
    ['status a b', /takes one job id/],
    ['help me', /takes nothing after it/],
    ['aurora', /name the source/],
    ['aurora orders --at', /--at needs a value/],
    ['aurora orders --at 2h --snapshot x', /not both/],
    ['aurora orders --force', /"--force" is not an option/],
    ['aurora orders --reason "unclosed', /quote is not closed/],
    // A near miss of a command or a kind names what was meant.
    ['lsit', /"lsit" is not a command or a kind: did you mean \/restore list\?/],
    ['stauts job1', /did you mean \/restore status\?/],
    ['refresh acceptance-refresh', /"refresh" takes nothing, or a cycle's name and "now"/],
    ['refresh acceptance-refresh now please', /"refresh" takes nothing, or a cycle's name and "now"/],
    ['auroa orders', /did you mean \/restore aurora\?/],
    // A time of several words, unquoted, is told how to quote it.
    ['aurora orders --at 2h ago', /"ago" is not an option: quote a value of several words, --at "2h ago"/],
    ['aurora orders --reason find the bug', /--reason "find the bug"/],
  ])('answers %j with a usage message', (text, problem) => {
    const command = parseRestoreCommand(text);
    expect(command.type).toBe('usage');
    expect(command.type === 'usage' && command.problem).toMatch(problem);
  });

  it('guesses nothing for a word far from every command and kind', () => {
    const command = parseRestoreCommand('frobnicate');

    expect(command.type === 'usage' && command.problem).not.toMatch(/did you mean/);
  });
});

describe('parseRestoreCommand: disaster recovery', () => {
  it.each([
    ['dr status', { type: 'dr-status' }],
    ['dr rds orders-db', { type: 'dr-run', drill: false, kind: 'rds-instance', source: 'orders-db' }],
    ['DR drill aurora orders', { type: 'dr-run', drill: true, kind: 'aurora-cluster', source: 'orders' }],
    [
      'dr dynamodb carts --at "20 minutes ago"',
      { type: 'dr-run', drill: false, kind: 'dynamodb-table', source: 'carts', at: '20 minutes ago' },
    ],
  ])('reads %j', (text, expected) => {
    expect(parseRestoreCommand(text)).toEqual(expected);
  });

  it.each([
    ['dr', /"dr" takes status, or the kind/],
    ['dr status now', /"dr status" takes nothing after it/],
    ['dr drill', /"dr" takes status, or the kind/],
    ['dr aurora', /name the production database: \/restore dr aurora <source>/],
    ['dr statsu', /"statsu" is not a kind: did you mean status\?/],
    ['dr rds orders-db --as other', /"--as" is not an option of "dr" \(only --at <time>\)/],
    ['dr rds orders-db --at 20 minutes ago', /quote a time of several words, --at "20 minutes ago"/],
  ])('answers %j with the dr usage', (text, problem) => {
    const command = parseRestoreCommand(text);
    expect(command.type === 'usage' && command.problem).toMatch(problem);
    expect(command.type === 'usage' && command.form).toContain('/restore dr status');
  });
});

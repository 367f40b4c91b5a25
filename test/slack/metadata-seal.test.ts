import { describe, expect, it } from 'vitest';
import { ModalMetadataError } from '../../src/slack/blocks/errors.js';
import { createMetadataSeal, SEAL_LENGTH } from '../../src/slack/metadata-seal.js';

const metadata = JSON.stringify({ channelId: 'C0RESTORES', timeZone: 'UTC', restorePointType: 'latest' });

describe('createMetadataSeal', () => {
  it('opens what it sealed, SEAL_LENGTH characters longer', () => {
    const seal = createMetadataSeal('signing-secret');
    const sealed = seal.seal(metadata);
    expect(sealed).toHaveLength(metadata.length + SEAL_LENGTH);
    expect(seal.open(sealed)).toBe(metadata);
    expect(seal.open(seal.seal(''))).toBe('');
  });

  it.each([
    ['changed metadata', (sealed: string) => sealed.replace('C0RESTORES', 'C0ELSEWHERE')],
    ['no seal at all', () => metadata],
    ['an empty string', () => ''],
    ['a changed mac', (sealed: string) => `${sealed[0] === 'A' ? 'B' : 'A'}${sealed.slice(1)}`],
  ])('refuses %s', (_case, tamper) => {
    const seal = createMetadataSeal('signing-secret');
    expect(() => seal.open(tamper(seal.seal(metadata)))).toThrow(ModalMetadataError);
  });

  it('refuses what a bot with another secret sealed', () => {
    const sealed = createMetadataSeal('another-secret').seal(metadata);
    expect(() => createMetadataSeal('signing-secret').open(sealed)).toThrow(/changed outside Slack/);
  });
});

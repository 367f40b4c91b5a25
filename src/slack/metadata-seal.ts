import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { View } from '@slack/types';
import { ModalMetadataError } from './blocks/errors.js';

/** `<mac>.` before the metadata: 43 characters of base64url HMAC-SHA256 and the dot. */
export const SEAL_LENGTH = 44;

/**
 * Signs what a modal carries in `private_metadata` (the channel it was opened in, the job it
 * rejects), so a submission can only carry what the bot itself put there. The key is derived
 * from a secret the bot holds (the signing secret), never the secret itself.
 */
export interface MetadataSeal {
  seal(metadata: string): string;
  /** The metadata the bot sealed; ModalMetadataError when it was changed or never sealed. */
  open(sealed: string): string;
  /** `view` with its private_metadata sealed, ready for views.open / views.update. */
  sealView<T extends View>(view: T): T;
}

export function createMetadataSeal(secret: string): MetadataSeal {
  const key = Buffer.from(hkdfSync('sha256', secret, '', 'db-restore-bot modal private_metadata', 32));
  const mac = (metadata: string) => createHmac('sha256', key).update(metadata).digest('base64url');
  const seal = (metadata: string) => `${mac(metadata)}.${metadata}`;
  return {
    seal,
    open(sealed) {
      const given = Buffer.from(sealed.slice(0, SEAL_LENGTH - 1));
      const metadata = sealed.slice(SEAL_LENGTH);
      const expected = Buffer.from(mac(metadata));
      if (sealed[SEAL_LENGTH - 1] !== '.' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new ModalMetadataError(
          'This form was changed outside Slack, or is from an older version of the bot: close it and run /restore again.',
        );
      }
      return metadata;
    },
    sealView(view) {
      return { ...view, private_metadata: seal(view.private_metadata ?? '') };
    },
  };
}

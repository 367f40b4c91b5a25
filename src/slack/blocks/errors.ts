/** A modal's private_metadata that this version of the builders did not write (or an older one, changed since). */
export class ModalMetadataError extends Error {
  override name = 'ModalMetadataError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A configuration value is missing or wrong: start-up stops with this message, which names it. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

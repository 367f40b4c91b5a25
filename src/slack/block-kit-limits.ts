/**
 * The few Block Kit limits the builders size their text and lists with (Slack's documented values).
 * Slack refuses a payload over any of them; the Block Kit validator that checks every limit serves
 * the sandbox and the tests, so it lives in packages/slack-sandbox, and a test keeps these equal to its.
 */
export const BLOCK_KIT_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  contextText: 3000,
  options: 100,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  privateMetadata: 3000,
} as const;

// `npm start`: the local server arrives with the Slack surface and sandbox issues. Until then
// this says what exists and what is missing, rather than starting something fake.
import { env } from '../config/env.js';
import { loadPolicy } from '../config/policy.js';

const config = env();
const policy = await loadPolicy(config.POLICY_FILE);
console.log(`db-restore-bot: policy ${config.POLICY_FILE} is valid (${Object.keys(policy.environments).join(', ')}).`);
console.log('Not yet available: the Slack app and local server (issue "Slack surface") and the sandbox (issue "Runs with no accounts").');
console.log('What runs today: `npm test` (the restore core on the simulated AWS account) and `npm run bench`.');

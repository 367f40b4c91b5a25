// `npm run bench`: every benchmark, figures printed as `name: value unit`.
import { benchAck } from './ack.js';
import { benchBundle } from './bundle.js';
import { benchDr } from './dr.js';
import { benchWorkerTick } from './worker-tick.js';

// The SDK's notice that its 2027 releases need Node 22 would sit among the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const only = process.argv[2];
if (!only || only === 'worker') await benchWorkerTick();
if (!only || only === 'ack') await benchAck();
if (!only || only === 'bundle') await benchBundle();
if (!only || only === 'dr') await benchDr();

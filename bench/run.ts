// `npm run bench`: every benchmark, figures printed as `name: value unit`.
import { benchAck } from './ack.js';
import { benchBundle } from './bundle.js';
import { benchWorkerTick } from './worker-tick.js';

const only = process.argv[2];
if (!only || only === 'worker') await benchWorkerTick();
if (!only || only === 'ack') await benchAck();
if (!only || only === 'bundle') await benchBundle();

import { z } from 'zod';
import { flagInput } from '../core/params';

/** Commands whose task the node can follow on its second output until it settles. */
export const TRACK_OPTION = z.object({ track: flagInput.optional() });

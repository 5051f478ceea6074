import type { Scenario } from '../scenario';
import { assertExplains } from './hoverExpectations';

/** A JSON-lines send log: hovering the code in a failed line explains it. */
export const hoverNdjson: Scenario = {
  name: 'hover over 131047 in a JSON-lines log (.ndjson)',
  async run(ctx) {
    await ctx.openFile('sample.ndjson');
    const title = ctx.catalog.get(131047)?.title ?? '131047';
    const text = await ctx.hoverText('131047', title);
    assertExplains(ctx, 131047, text);
    await ctx.screenshot('hover-ndjson', { media: 'hover-log.png' });
  },
};

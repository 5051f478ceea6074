import type { Scenario } from '../scenario';
import { assertExplains } from './hoverExpectations';

/** A webhook's failed status: hovering the code explains it. */
export const hoverJson: Scenario = {
  name: 'hover over 131047 in a webhook payload (JSON)',
  async run(ctx) {
    await ctx.openFile('sample.json');
    const title = ctx.catalog.get(131047)?.title ?? '131047';
    const text = await ctx.hoverText('131047', title);
    assertExplains(ctx, 131047, text);
    await ctx.screenshot('hover-json', { media: 'hover.png' });
  },
};

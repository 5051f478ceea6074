import type { Scenario } from '../scenario';
import { assertExplains } from './hoverExpectations';

/** Retry logic comparing err.code: hovering the number explains it. */
export const hoverTypeScript: Scenario = {
  name: 'hover over 131047 in err.code === 131047 (TypeScript)',
  async run(ctx) {
    await ctx.openFile('sample.ts');
    const title = ctx.catalog.get(131047)?.title ?? '131047';
    const text = await ctx.hoverText('131047', title);
    assertExplains(ctx, 131047, text);
    await ctx.screenshot('hover-ts', { media: 'hover-code.png' });
  },
};

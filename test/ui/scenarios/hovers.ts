// Hovering 131047 where users meet it: a webhook payload, a JSON-lines log, retry logic in TypeScript.
import type { Scenario } from '../scenario';
import { assertExplains } from './hoverExpectations';

/** Opens `file`, hovers the code and checks the catalog's title and solution are shown. */
function hoverScenario(name: string, file: string, shot: string, media: string): Scenario {
  return {
    name,
    async run(ctx) {
      await ctx.openFile(file);
      const title = ctx.catalog.get(131047)?.title ?? '131047';
      assertExplains(ctx, 131047, await ctx.hoverText('131047', title));
      await ctx.screenshot(shot, { media });
    },
  };
}

export const hoverJson = hoverScenario('hover over 131047 in a webhook payload (JSON)', 'sample.json', 'hover-json', 'hover.png');
export const hoverNdjson = hoverScenario('hover over 131047 in a JSON-lines log (.ndjson)', 'sample.ndjson', 'hover-ndjson', 'hover-log.png');
export const hoverTypeScript = hoverScenario('hover over 131047 in err.code === 131047 (TypeScript)', 'sample.ts', 'hover-ts', 'hover-code.png');

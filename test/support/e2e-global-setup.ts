// Once per run, and only when end-to-end files run: the demo every e2e server starts from a copy
// of (demo-template.ts), removed again at the end.
import { buildDemoTemplate } from './demo-template.ts';

export default async function setup(): Promise<() => Promise<void>> {
  return buildDemoTemplate();
}

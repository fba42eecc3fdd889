/** `npm run bench`: prints figures for every benchmark; asserts nothing. */
import { benchDuplicates } from './duplicates';
import { benchIndexing } from './indexing';

async function main(): Promise<void> {
  const only = process.argv[2];
  const benches: [string, () => Promise<void>][] = [
    ['indexing', benchIndexing],
    ['duplicates', benchDuplicates],
  ];
  for (const [name, run] of benches) {
    if (only && only !== name) continue;
    console.log(`\n## ${name}`);
    await run();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

/** `npm run bench`: prints figures for every benchmark; asserts nothing. */
import { benchDuplicates } from './duplicates';
import { benchIndexing } from './indexing';
import { benchOrganisations } from './organisations';
import { benchSoak } from './soak';
import { benchThemes } from './themes';
import { benchWarmStart } from './warmStart';

async function main(): Promise<void> {
  const only = process.argv[2];
  const benches: [string, () => Promise<void>][] = [
    ['indexing', benchIndexing],
    ['duplicates', benchDuplicates],
    ['themes', benchThemes],
    ['organisations', benchOrganisations],
    // 10k articles; 100k too only when named (several minutes).
    ['warm-start', () => benchWarmStart(only === 'warm-start')],
  ];
  /** Too long for every run: only when named, as in `npm run bench -- soak`. */
  const onRequest: [string, () => Promise<void>][] = [['soak', benchSoak]];
  for (const [name, run] of only ? [...benches, ...onRequest] : benches) {
    if (only && only !== name) continue;
    console.log(`\n## ${name}`);
    await run();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

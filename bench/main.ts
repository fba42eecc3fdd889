/** `npm run bench`: prints figures for every benchmark; asserts nothing. */

async function main(): Promise<void> {
  const only = process.argv[2];
  // Each benchmark is loaded when it runs: a measured child process (`duplicates --child`)
  // must not pay for loading the others' comparison tools (compromise takes ~0.4 s).
  const benches: [string, () => Promise<void>][] = [
    ['indexing', async () => (await import('./indexing')).benchIndexing()],
    ['duplicates', async () => (await import('./duplicates')).benchDuplicates()],
    ['themes', async () => (await import('./themes')).benchThemes()],
    ['organisations', async () => (await import('./organisations')).benchOrganisations()],
    ['pathological', async () => (await import('./pathological')).benchPathological()],
    // 10k articles; 100k too only when named (several minutes).
    ['warm-start', async () => (await import('./warmStart')).benchWarmStart(only === 'warm-start')],
  ];
  /** Too long for every run: only when named, as in `npm run bench -- soak`. */
  const onRequest: [string, () => Promise<void>][] = [['soak', async () => (await import('./soak')).benchSoak()]];
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

import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { closeSync, openSync, promises as fs, statSync } from 'fs';
import * as path from 'path';
import { fileFilter, readTextFile, readTextFileSync, readUpToInBackground, stampOf, walkFolder } from './files';
import { temporaryFolder } from './fixtures/temporaryFolder';

// The blocking twin (for worker threads) must skip and report exactly as the promise one does.
for (const [name, read] of [
  ['readTextFile', readTextFile],
  ['readTextFileSync', readTextFileSync],
] as const) {
  describe(name, () => {
    const dir = temporaryFolder('seed-files-');

    const write = async (name: string, content: string | Buffer): Promise<string> => {
      const file = path.join(dir(), name);
      await fs.writeFile(file, content);
      return file;
    };

    it('reads UTF-8 text, with the file\'s stamp', async () => {
      const text = 'Title\n\nBody \u2014 \u201cquoted\u201d.\n';
      const file = await write('ok.txt', text);
      assert.deepEqual(await read(file, 1024), { kind: 'text', text, utf8: Buffer.from(text), stamp: stampOf(statSync(file)) });
    });

    it('drops a byte-order mark from the text, and then gives no bytes that would differ from it', async () => {
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      const file = await write('bom.txt', Buffer.concat([bom, Buffer.from('Title\n')]));
      assert.deepEqual(await read(file, 1024), { kind: 'text', text: 'Title\n', stamp: stampOf(statSync(file)) });
    });

    it('reads an empty file as empty text', async () => {
      const file = await write('empty.txt', '');
      assert.deepEqual(await read(file, 1024), { kind: 'text', text: '', utf8: Buffer.alloc(0), stamp: stampOf(statSync(file)) });
    });

    it('skips binary files, naming the reason', async () => {
      const outcome = await read(await write('image.txt', Buffer.from([0x89, 0x50, 0x00, 0x0d])), 1024);
      assert.deepEqual(outcome, { kind: 'skipped', reason: 'binary file (contains NUL bytes)' });
    });

    it('skips files over the size limit without reading them whole', async () => {
      const outcome = await read(await write('big.txt', 'x'.repeat(5000)), 1024);
      assert.equal(outcome.kind, 'skipped');
      assert.match((outcome as { reason: string }).reason, /too large \(5 KB > 1 KB limit\)/);
    });

    it('decodes non-UTF-8 bytes with replacement and a warning', async () => {
      const outcome = await read(await write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9])), 1024);
      assert.equal(outcome.kind, 'text');
      assert.equal((outcome as { text: string }).text, 'caf\ufffd');
      assert.match((outcome as { warning?: string }).warning ?? '', /not valid UTF-8/);
      assert.equal((outcome as { utf8?: Uint8Array }).utf8, undefined, 'the bytes are not the text');
    });

    it('reports a file that no longer exists, and a folder, without throwing', async () => {
      assert.deepEqual(await read(path.join(dir(), 'gone.txt'), 1024), {
        kind: 'skipped',
        reason: 'file no longer exists (deleted while being read)',
      });
      const folder = path.join(dir(), 'sub.txt');
      await fs.mkdir(folder);
      assert.equal((await read(folder, 1024)).kind, 'skipped');
    });

    it('reports a file it may not read', async function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything
      const file = await write('secret.txt', 'text');
      await fs.chmod(file, 0o000);
      assert.deepEqual(await read(file, 1024), { kind: 'skipped', reason: 'permission denied' });
    });

    it('reports a file whose reading fails, even for root', async function () {
      // Reading address 0 of a process's memory fails with EIO, whoever asks.
      if (process.platform !== 'linux') this.skip();
      assert.deepEqual(await read('/proc/self/mem', 1024), { kind: 'skipped', reason: 'could not be read (input/output error)' });
    });

    it('skips a named pipe at once, without waiting for a writer', async function () {
      if (process.platform === 'win32') this.skip();
      const pipe = path.join(dir(), 'pipe.txt');
      execFileSync('mkfifo', [pipe]);
      assert.deepEqual(await read(pipe, 1024), { kind: 'skipped', reason: 'not a regular file (a pipe, socket or device)' });
    });

    // Truncation is staged through fs.promises, which only the promise version uses.
    if (read === readTextFile) {
      it('reads what is left of a file truncated while it is being read', async () => {
        const file = await write('shrinking.txt', 'Title\n\nA first paragraph that will stay.\nA second one that will be cut off.\n');
        const cutAt = 'Title\n\nA first paragraph that will stay.\n'.length;
        // The file is truncated after its size was read and before its bytes are.
        const open = fs.open;
        fs.open = async (...args: Parameters<typeof fs.open>) => {
          const handle = await open(...args);
          const stat = handle.stat.bind(handle);
          handle.stat = (async () => {
            const before = await stat();
            await fs.truncate(file, cutAt);
            return before;
          }) as typeof handle.stat;
          return handle;
        };
        try {
          const text = 'Title\n\nA first paragraph that will stay.\n';
          const stampBefore = stampOf(statSync(file));
          // The stamp taken before the bytes were read: the file as it is now differs from it, and is read again next time.
          assert.deepEqual(await read(file, 1024), { kind: 'text', text, utf8: Buffer.from(text), stamp: stampBefore });
          assert.notDeepEqual(stampOf(statSync(file)), stampBefore);
        } finally {
          fs.open = open;
        }
      });
    }
  });
}

describe('walkFolder', () => {
  const root = temporaryFolder('seed-walk-');
  before(async () => {
    for (const name of ['a.txt', 'notes.md', 'image.png', 'sub/b.txt', 'node_modules/pkg/readme.txt', '.git/info.txt', 'build/out.txt']) {
      await fs.mkdir(path.dirname(path.join(root(), name)), { recursive: true });
      await fs.writeFile(path.join(root(), name), 'text');
    }
    await fs.symlink(root(), path.join(root(), 'sub', 'loop'));
    // A link to a folder the walk reaches without one, after it.
    await fs.symlink(path.join(root(), 'sub'), path.join(root(), 'sub-alias'));
    if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(root(), 'sub', 'pipe.txt')]);
  });

  it('yields included files, prunes excluded folders and stops at symbolic link loops', async () => {
    const skips: string[] = [];
    const found: string[][] = [];
    const filter = fileFilter(['**/*.txt', '**/*.md'], ['**/node_modules/**', '**/.git/**', '**/build/**']);
    for await (const files of walkFolder(root(), filter, { onSkip: (rel, why) => skips.push(`${rel}: ${why}`) })) {
      for (const file of files) assert.equal(file.path, path.join(root(), ...file.relativePath.split('/')));
      found.push(files.map((file) => file.relativePath));
    }
    // A folder's files together, in one array.
    assert.deepEqual(found, [['a.txt', 'notes.md'], ['sub/b.txt']]);
    // The pipe is met while listing sub/, the loop when entering sub/loop after it.
    assert.deepEqual(skips, [
      ...(process.platform === 'win32' ? [] : ['sub/pipe.txt: not a regular file (a pipe, socket or device)']),
      'sub/loop: symbolic link loop: folder already indexed',
      'sub-alias: symbolic link loop: folder already indexed',
    ]);
  });

  it('gives each file the path that path.join gives, however the root is written', async () => {
    const filter = fileFilter(['**/*.txt', '**/*.md'], ['**/node_modules/**', '**/.git/**', '**/build/**']);
    for (const written of [`${root()}${path.sep}`, path.join(root(), 'sub') + `${path.sep}..`, `${path.dirname(root())}${path.sep}${path.sep}${path.basename(root())}`]) {
      const paths: string[] = [];
      for await (const files of walkFolder(written, filter, { onSkip: () => undefined })) paths.push(...files.map((file) => file.path));
      assert.deepEqual(paths, ['a.txt', 'notes.md', 'sub/b.txt'].map((relative) => path.join(written, ...relative.split('/'))), written);
    }
  });

  it('reports a folder that does not exist', async () => {
    const skips: string[] = [];
    const walk = walkFolder(path.join(root(), 'missing'), fileFilter(['**/*'], []), { onSkip: (_, why) => skips.push(why) });
    for await (const files of walk) assert.fail(`unexpected ${files.map((file) => file.path)}`);
    assert.deepEqual(skips, ['file no longer exists (deleted while being read)']);
  });
});

describe('readUpToInBackground', () => {
  const folder = temporaryFolder('seed-read-');

  it('reads the bytes asked for, and those there are at the end of the file, into memory of its own or given', async () => {
    const file = path.join(folder(), 'bytes');
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    await fs.writeFile(file, bytes);
    const fd = openSync(file, 'r');
    try {
      assert.deepEqual(await readUpToInBackground(fd, 1000, 500), bytes.subarray(500, 1500));
      assert.deepEqual(await readUpToInBackground(fd, 1000, 2500), bytes.subarray(2500));
      assert.equal((await readUpToInBackground(fd, 10, 3000)).length, 0);
      const into = Buffer.alloc(1000);
      const read = await readUpToInBackground(fd, 1000, 2500, into);
      assert.deepEqual(read, bytes.subarray(2500));
      assert.equal(read.buffer, into.buffer, 'read into the memory given');
    } finally {
      closeSync(fd);
    }
  });
});

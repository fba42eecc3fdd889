/**
 * The real server on a workspace of texts shaped to defeat its algorithms at scale
 * (test/property/pathologicalTexts.ts): it must become ready, answer hovers and the
 * Organisations view, and stay alive. Each of these texts once kept a server busy for
 * minutes, or ran it out of memory.
 */
import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { OrganisationsRequest } from '../../server/src/protocol';
import { pathologicalTexts } from '../property/pathologicalTexts';
import { serverOnTemporaryWorkspace } from './lspClient';

/** Characters per file: big enough that any of the old slowdowns outlasts the timeout. */
const SIZE = 300_000;
const NAME = 'Riverside Hospice Trust';

describe('language server on pathological texts', function () {
  this.timeout(30_000);
  const texts = pathologicalTexts(SIZE).map(({ name, text }, i) => ({ name, text, file: `text-${i}.txt` }));
  const lsp = serverOnTemporaryWorkspace('seed-pathological-', {
    prepare: async (workspace) => {
      for (const { file, text } of texts) await fs.writeFile(path.join(workspace, file), text);
    },
  });

  it('becomes ready with every file indexed', async () => {
    const status = await lsp.server.nextStatus();
    assert.equal(status.files, texts.length);
    assert.equal(status.skipped, 0);
  });

  it('summarises an organisation named in them on hover', async () => {
    for (const { name, text, file } of texts.filter(({ text }) => text.includes(NAME))) {
      const offset = text.indexOf(NAME) + 1;
      const before = text.slice(0, offset).split('\n');
      const hover = await lsp.server.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: URI.file(path.join(lsp.workspace, file)).toString() },
        position: { line: before.length - 1, character: before[before.length - 1].length },
      });
      assert.ok(hover && (hover.contents as MarkupContent).value.includes(NAME), name);
    }
  });

  it('lists their organisations in the Organisations view, and is still running', async () => {
    const { organisations } = await lsp.server.connection.sendRequest(OrganisationsRequest);
    assert.ok(organisations.some((organisation) => organisation.name === NAME));
    assert.equal(lsp.server.process.exitCode, null);
  });
});

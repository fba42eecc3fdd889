import { strict as assert } from 'assert';
import { PassThrough } from 'stream';
import { Message, StreamMessageReader } from 'vscode-languageserver/node';
import { ImmediateMessageWriter } from './connection';

describe('the server connection writer (stdio)', () => {
  it('writes each message framed, whole, before write() returns, and the library reads them back in order', async () => {
    const stream = new PassThrough();
    const writer = new ImmediateMessageWriter(stream);
    const messages: Message[] = [
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'The King’s Fund — “quoted”, 🩺' } } as Message,
      { jsonrpc: '2.0', id: 1, result: { ready: true, files: 3 } } as Message,
      { jsonrpc: '2.0', method: 'x', params: { text: 'é'.repeat(70_000) } } as Message,
    ];
    let written = 0;
    for (const message of messages) {
      void writer.write(message);
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      written += `Content-Length: ${body.length}\r\n\r\n`.length + body.length;
      assert.equal(stream.readableLength, written);
    }
    const read: Message[] = [];
    new StreamMessageReader(stream).listen((message) => read.push(message));
    for (let waited = 0; read.length < messages.length && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(read, messages);
  });

  it('reports the errors of its stream', () => {
    const stream = new PassThrough();
    const writer = new ImmediateMessageWriter(stream);
    const errors: string[] = [];
    writer.onError(([error]) => errors.push(error.message));
    stream.emit('error', new Error('EPIPE'));
    assert.deepEqual(errors, ['EPIPE']);
  });
});

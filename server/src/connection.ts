/**
 * The server's connection, over the transport its command line names. Over stdio, messages
 * are written by ImmediateMessageWriter: the library's stream writer takes a turn of the
 * event loop for each message, then waits for it to be flushed, so while indexing or
 * restoring ran in slices every message waited for rounds of them. At 100k articles the
 * ready status reached the client 0.3 s after it was sent, behind the log lines before it.
 * Over node IPC, as VS Code starts the server, the library sends each message at once already.
 */
import { AbstractMessageWriter, Connection, Message, MessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/node';

export function serverConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  // Given streams, the library no longer sends console output to the client: it goes to stderr, out of the messages' way.
  console.log = console.info = console.debug = console.error;
  // Its input a stream, so that the server exits when it closes; the library takes a writer for output as well as a stream.
  const create = createConnection as (features: typeof ProposedFeatures.all, input: NodeJS.ReadableStream, output: MessageWriter) => Connection;
  return create(ProposedFeatures.all, process.stdin, new ImmediateMessageWriter(process.stdout));
}

/** Frames each message (LSP's base protocol: a Content-Length header) and writes it to the stream when it is sent. */
export class ImmediateMessageWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    // Header and body in one write: nothing can come between them. A stream that cannot take
    // it at once keeps it, in order, until it can (process.stdout on a pipe writes at once on Linux).
    this.stream.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]), (error) => {
      if (error) this.fireError(error, message);
    });
    return Promise.resolve();
  }

  end(): void {
    this.stream.end();
  }
}

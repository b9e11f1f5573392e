// The SMTP sink in its own process, so it does not share a core with the worker it measures.
// Reports its port once, then the Message-IDs it accepted, in batches.
import { startSmtpSink } from '@handoff/queue/testing';

const sink = await startSmtpSink();
process.send!({ port: sink.port });
let sent = 0;
const flush = () => {
  if (sent < sink.received.length) {
    process.send!({ ids: sink.received.slice(sent).map((m) => m.messageId) });
    sent = sink.received.length;
  }
};
setInterval(flush, 20);
process.on('message', async (m: { stop?: boolean }) => {
  if (m.stop) {
    flush();
    await sink.close();
    process.exit(0);
  }
});

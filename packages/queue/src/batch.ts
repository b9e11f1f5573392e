/**
 * Coalesces the calls made while the event loop is busy into one call of `run` with all their
 * inputs, so jobs running side by side share a database round trip instead of taking one each
 * (a round trip costs far more CPU in drivers and syscalls than the rows it carries). Each caller
 * still gets its own result, or the batch's error, before it goes on: nothing is acknowledged
 * early. `run` returns one result per input, in the same order.
 */
export function createBatcher<I, O>(
  run: (inputs: I[]) => Promise<O[]>,
  options: { maxBatch?: number } = {},
): (input: I) => Promise<O> {
  const maxBatch = options.maxBatch ?? 200;
  let pending: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;

  function flush() {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (!batch.length) return;
    run(batch.map((p) => p.input)).then(
      (outputs) => {
        if (outputs.length !== batch.length) {
          const error = new Error(`batch returned ${outputs.length} results for ${batch.length} inputs`);
          for (const p of batch) p.reject(error);
          return;
        }
        batch.forEach((p, i) => p.resolve(outputs[i]!));
      },
      (error: unknown) => {
        for (const p of batch) p.reject(error);
      },
    );
  }

  return (input) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ input, resolve, reject });
      if (pending.length >= maxBatch) flush();
      else if (!scheduled) {
        scheduled = true;
        // After the I/O callbacks of this turn, so everything that arrived together goes together.
        setImmediate(flush);
      }
    });
}

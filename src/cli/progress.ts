import cliProgress from 'cli-progress';

/** A progress bar on a terminal, plain periodic lines elsewhere (CI logs, pipes). */
export function progressBar(label: string, total?: number) {
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update(done: number) {
        if (done - last >= 50_000) {
          console.error(`${label}: ${done}`);
          last = done;
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}${total ? '/{total}' : ''} {duration}s`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    update(done: number) {
      if (!total) bar.setTotal(Math.max(done, 1));
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
